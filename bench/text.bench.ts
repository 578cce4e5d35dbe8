/**
 * npm run bench (text part): throughput of the whole text pipeline on the
 * corpus text files, and ratios against baselines measured in the same run:
 *  - decode + one regex pass over the same bytes (the floor any parser pays)
 *  - remark-parse alone, for the Markdown file
 * Ratios, not absolute times, are what to compare across machines.
 */
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseText } from '../src/index.js';
import { decodeText } from '../src/read/decode.js';
import { corpusEntries } from '../scripts/lib/corpus.js';

const MIN_MS = Number(process.env.BENCH_MS ?? 1500);

function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    fn();
    n++;
    elapsed = performance.now() - start;
  }
  return elapsed / n;
}

const entries = corpusEntries();
const files = entries.map((e) => ({ id: e.id, path: e.source, bytes: readFileSync(e.source) }));
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const MB = 1024 * 1024;

const scan = /[。；（(一二三四五六七八九十0-9]/g;
const baseline = time(() => {
  for (const f of files) {
    const { text } = decodeText(f.bytes);
    scan.lastIndex = 0;
    let c = 0;
    while (scan.exec(text)) c++;
  }
});
const ours = time(() => {
  for (const f of files) {
    const { text } = decodeText(f.bytes);
    parseText(text, { name: f.path });
  }
});
const oursNoValidate = time(() => {
  for (const f of files) {
    const { text } = decodeText(f.bytes);
    parseText(text, { name: f.path, validate: false });
  }
});

console.log(`text pipeline over ${files.length} corpus files (${(totalBytes / 1024).toFixed(0)} KiB)`);
console.log(`  decode + one regex pass : ${(totalBytes / MB / (baseline / 1000)).toFixed(1)} MB/s`);
console.log(`  gongwen parseText       : ${(totalBytes / MB / (ours / 1000)).toFixed(1)} MB/s  (ratio to baseline ${(ours / baseline).toFixed(1)}x)`);
console.log(`  … without zod validation: ${(totalBytes / MB / (oursNoValidate / 1000)).toFixed(1)} MB/s`);

const md = files.find((f) => f.path.endsWith('.md'));
if (md) {
  const text = md.bytes.toString('utf8');
  const proc = unified().use(remarkParse);
  const remarkOnly = time(() => proc.parse(text));
  const oursMd = time(() => parseText(text, { format: 'markdown' }));
  console.log(`markdown (${md.id}): remark-parse alone ${remarkOnly.toFixed(2)} ms, gongwen ${oursMd.toFixed(2)} ms, ratio ${(oursMd / remarkOnly).toFixed(2)}x (aim ≤ 1.3x)`);
}


// The real set (../shared/corpus/real: CMS dumps, Markdown dumps, saved pages), when present.
{
  const { realEntries, REAL_MISSING } = await import('../scripts/lib/real.js');
  const real = realEntries().map((e) => ({ path: e.source, text: readFileSync(e.source, 'utf8') }));
  if (real.length === 0) console.log(`real set: skipped (${REAL_MISSING})`);
  else {
    const bytes = real.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    const t = time(() => {
      for (const f of real) parseText(f.text, { name: f.path, validate: false });
    });
    console.log(`real set, ${real.length} files (${(bytes / 1024).toFixed(0)} KiB): ${(bytes / MB / (t / 1000)).toFixed(1)} MB/s without validation`);
  }
}

// What the outline decoder costs: scanning every marker candidate, its evidence, and the beam, as a share of the pipeline.
{
  const { extractText } = await import('../src/extract/text.js');
  const { paraFromBlock, trimPara } = await import('../src/normalise/para.js');
  const { reflow } = await import('../src/normalise/reflow.js');
  const { unwrapBlobs } = await import('../src/structure/unwrap.js');
  const { candidatesOf, decode } = await import('../src/structure/outline/decoder.js');
  const texts = files.filter((f) => !f.path.endsWith('.md')).map((f) => decodeText(f.bytes).text);
  const prepared = texts.map((t) => unwrapBlobs(reflow(extractText(t).map((b) => trimPara(paraFromBlock(b)))).paras).map((p) => p.text));
  const decoder = time(() => {
    for (const p of prepared) decode(candidatesOf(p));
  });
  const whole = time(() => {
    for (const t of texts) parseText(t, { validate: false });
  });
  console.log(`outline decoder: ${decoder.toFixed(2)} ms of ${whole.toFixed(2)} ms for the text files (${((100 * decoder) / whole).toFixed(0)}% of the pipeline without validation)`);
}
