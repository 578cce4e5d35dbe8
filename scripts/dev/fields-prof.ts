// Dev aid: profile the fields pass alone.
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/extract/text.js';
import { paraFromBlock, trimPara, lineIndex } from '../../src/normalise/para.js';
import { reflow } from '../../src/normalise/reflow.js';
import { unwrapBlobs } from '../../src/structure/unwrap.js';
import { segmentLines } from '../../src/structure/segment.js';
import { assignRoles } from '../../src/structure/roles.js';
import { splitDocuments } from '../../src/structure/documents.js';
import { buildDocument } from '../../src/fields/document.js';
import { FieldContext } from '../../src/fields/context.js';
import { corpusEntries } from '../lib/corpus.js';
const prepared = corpusEntries()
  .filter((e) => !e.source.endsWith('.md'))
  .map((e) => {
    const text = readFileSync(e.source, 'utf8');
    const lines = segmentLines(unwrapBlobs(reflow(extractText(text).map((b) => trimPara(paraFromBlock(b)))).paras));
    return { li: lineIndex(text), docs: splitDocuments(lines, assignRoles(lines)).docs };
  });
const t0 = performance.now();
for (let i = 0; i < 200; i++) for (const p of prepared) for (const d of p.docs) buildDocument(d, new FieldContext(p.li));
console.log('fields', (performance.now() - t0).toFixed(0), 'ms for 200 rounds');
