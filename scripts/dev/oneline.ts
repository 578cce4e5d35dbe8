import { readFileSync } from 'node:fs';
import { parseText } from '../../src/index.js';
import { compare } from '../lib/compare.js';
import { corpusEntries } from '../lib/corpus.js';
for (const e of corpusEntries()) {
  const src = readFileSync(e.source, 'utf8').replace(/^#+ /gm, '').replace(/^---$/gm, '').replace(/\s*\n\s*/g, '');
  try {
    const r = parseText(src, { format: 'text' });
    const c = compare(r, e.expected);
    console.log(e.id, JSON.stringify(Object.fromEntries(Object.entries(c.scores).map(([k, v]) => [k, `${v.right}/${v.total}`]))));
    for (const d of c.differences.slice(0, 12)) console.log('   ', d.slice(0, 200));
  } catch (err) { console.log(e.id, 'ERR', (err as Error).message); }
}
