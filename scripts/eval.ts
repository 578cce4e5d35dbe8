/**
 * npm run eval: per-field accuracy of the parser on every corpus file against
 * its hand-checked expected output, as a table. `--diff` lists differences.
 */
import { parse } from '../src/index.js';
import { compare, FIELDS, type Score } from './lib/compare.js';
import { corpusEntries, CORPUS_DIR, RENDERINGS } from './lib/corpus.js';
import { join } from 'node:path';



const showDiff = process.argv.includes('--diff');
const rows: string[][] = [];
const totals = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<string, Score>;
const pct = (s: Score) => (s.total === 0 ? '—' : `${((100 * s.right) / s.total).toFixed(1)}% (${s.right}/${s.total})`);

const jobs: Array<{ label: string; path: string; run: (r: Awaited<ReturnType<typeof parse>>) => ReturnType<typeof compare> }> = [];
const entries = corpusEntries();
for (const entry of entries) jobs.push({ label: entry.id, path: entry.source, run: (r) => compare(r, entry.expected) });
for (const [file, id, only] of RENDERINGS) {
  const expected = entries.find((e) => e.id === id)!.expected;
  jobs.push({ label: file, path: join(CORPUS_DIR, 'pdf-docx', file), run: (r) => compare(r, expected, { only, ignoreWhitespace: true }) });
}
for (const job of jobs) {
  const result = await parse(job.path);
  const { scores, differences } = job.run(result);
  const entry = { id: job.label };
  rows.push([entry.id, ...FIELDS.map((f) => pct(scores[f]))]);
  for (const f of FIELDS) {
    totals[f].right += scores[f].right;
    totals[f].total += scores[f].total;
  }
  if (showDiff && differences.length) console.log(`\n${entry.id}:\n  ${differences.join('\n  ')}`);
}
rows.push(['ALL', ...FIELDS.map((f) => pct(totals[f]))]);
const header = ['file', ...FIELDS];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
