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

// ── the real set: plans from other provinces and portals (../shared/corpus/real)
{
  const { realEntries, scoreReal, ITEM_FIELDS, META_FIELDS, REAL_MISSING } = await import('./lib/real.js');
  const { isGongwenError } = await import('../src/index.js');
  const entries = realEntries();
  console.log('\nReal set (../shared/corpus/real): item field scores (hits / max(gold, parsed)) and metadata');
  if (entries.length === 0) console.log(`  skipped: ${REAL_MISSING}`);
  else {
    const head = ['document', 'items g/p', ...ITEM_FIELDS, 'field', 'meta'];
    const out: string[][] = [];
    let macro = 0;
    let metaOk = 0;
    let metaAll = 0;
    const per = Object.fromEntries(ITEM_FIELDS.map((f) => [f, 0])) as Record<string, number>;
    const metaPer = Object.fromEntries(META_FIELDS.map((f) => [f, { ok: 0, all: 0 }])) as Record<string, { ok: number; all: number }>;
    for (const e of entries) {
      let s;
      try {
        s = scoreReal(await parse(e.source), e);
      } catch (err) {
        out.push([e.id, `ERROR ${isGongwenError(err) ? err.code : String(err)}`]);
        metaAll += Object.keys(e.meta).filter((k) => (META_FIELDS as readonly string[]).includes(k)).length;
        for (const f of META_FIELDS) if (f in e.meta) metaPer[f].all++;
        continue;
      }
      macro += s.fieldScore;
      for (const f of ITEM_FIELDS) per[f] += s.score[f];
      const m = Object.entries(s.meta);
      metaOk += m.filter(([, v]) => v!.ok).length;
      metaAll += m.length;
      for (const [f, v] of m) (metaPer[f].all++, v!.ok && metaPer[f].ok++);
      out.push([e.id, `${s.gold}/${s.parsed}`, ...ITEM_FIELDS.map((f) => s.score[f].toFixed(2)), s.fieldScore.toFixed(3), `${m.filter(([, v]) => v!.ok).length}/${m.length}`]);
      if (showDiff && s.differences.length) console.log(`\n${e.id}:\n  ${s.differences.join('\n  ')}`);
    }
    const n = entries.length;
    out.push(['MACRO', '', ...ITEM_FIELDS.map((f) => (per[f] / n).toFixed(3)), (macro / n).toFixed(3), `${metaOk}/${metaAll}`]);
    out.push(['meta by field', '', ...META_FIELDS.map((f) => `${f} ${metaPer[f].ok}/${metaPer[f].all}`)]);
    const w = head.map((h, i) => Math.max(h.length, ...out.map((r) => (r[i] ?? '').length)));
    const fmt = (r: string[]) => '| ' + head.map((_, i) => (r[i] ?? '').padEnd(w[i])).join(' | ') + ' |';
    console.log(fmt(head));
    console.log('|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|');
    for (const r of out) console.log(fmt(r));
  }
}

// OCR of scanned corpus pages (minutes: opt in with --ocr; needs the system tesseract).
if (process.argv.includes('--ocr')) await import('./eval-ocr.js');
