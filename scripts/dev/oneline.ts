// Dev aid: the reviewed corpus joined onto one line each, scored (the scrape too: several documents on one line).
import { readFileSync } from 'node:fs';
import { parseText } from '../../src/index.js';
import { corpusEntries } from '../lib/corpus.js';
import { compare } from '../lib/compare.js';
for (const e of corpusEntries()) {
  const one = readFileSync(e.source, 'utf8').replace(/^#+ /gm, '').replace(/^---$/gm, '').replace(/\s*\n\s*/g, '');
  const r = parseText(one, { format: 'text' });
  const { scores, differences } = compare(r, e.expected);
  console.log(e.id, Object.entries(scores).map(([k, v]) => `${k} ${v.right}/${v.total}`).join(' '));
  if (process.argv.includes('--diff')) console.log('  ' + differences.slice(0, 12).join('\n  '));
}
