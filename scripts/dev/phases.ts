// Dev aid: CPU time per pipeline phase over the corpus text files.
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/extract/text.js';
import { paraFromBlock, trimPara, lineIndex } from '../../src/normalise/para.js';
import { reflow } from '../../src/normalise/reflow.js';
import { recoverCellTables } from '../../src/structure/cell-table.js';
import { unwrapBlobs } from '../../src/structure/unwrap.js';
import { segmentLines } from '../../src/structure/segment.js';
import { assignRoles } from '../../src/structure/roles.js';
import { splitDocuments } from '../../src/structure/documents.js';
import { buildDocument } from '../../src/fields/document.js';
import { FieldContext } from '../../src/fields/context.js';
import { validateResult } from '../../src/validate/validate.js';
import { parseText } from '../../src/index.js';
import { corpusEntries } from '../lib/corpus.js';
const texts = corpusEntries().filter((e) => !e.source.endsWith('.md')).map((e) => readFileSync(e.source, 'utf8'));
const t: Record<string, number> = {};
const lap = (k: string, t0: number) => ((t[k] = (t[k] ?? 0) + performance.now() - t0), performance.now());
for (let rep = 0; rep < 40; rep++)
  for (const text of texts) {
    let t0 = performance.now();
    const blocks = extractText(text);
    t0 = lap('extract', t0);
    const paras = blocks.map((b) => trimPara(paraFromBlock(b)));
    const { paras: flowed } = reflow(recoverCellTables(paras));
    t0 = lap('normalise', t0);
    const un = unwrapBlobs(flowed);
    t0 = lap('unwrap', t0);
    const lines = segmentLines(un);
    t0 = lap('segment', t0);
    const roles = assignRoles(lines);
    t0 = lap('roles', t0);
    const split = splitDocuments(lines, roles);
    t0 = lap('split', t0);
    const li = lineIndex(text);
    const docs = split.docs.map((d) => buildDocument(d, new FieldContext(li)));
    t0 = lap('fields', t0);
    const r = parseText(text, { validate: false });
    t0 = lap('whole(no validate)', t0);
    validateResult(r);
    t0 = lap('validate', t0);
    void docs;
  }
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(20), v.toFixed(0), 'ms');
