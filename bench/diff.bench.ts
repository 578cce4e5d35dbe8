/**
 * npm run bench (diff part): diffDocuments on the corpus pairs and on two
 * synthetic 500-task plans (a plan against an edited copy of itself, and two
 * unrelated plans: the worst case, nothing anchors). Aims: < 20 ms for a
 * corpus pair, < 1 s for 500 tasks, one core. Ratio: diff time over the time
 * to parse the same two plans, measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../src/parse.js';
import { diffDocuments } from '../src/diff/index.js';
import type { PolicyDocument, Section } from '../src/schema/document.js';
import { CORPUS_DIR } from '../scripts/lib/corpus.js';

const MIN_MS = Number(process.env.BENCH_MS ?? 1500);

function time(fn: () => unknown, minMs = MIN_MS): number {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || n < 3) {
    fn();
    n++;
    elapsed = performance.now() - start;
  }
  return elapsed / n;
}

const read = (id: string, file: string) => readFileSync(join(CORPUS_DIR, id, file), 'utf8');
const scrapeText = read('yongchang-site-scrape', 'source.txt');
const jinchangText = read('jinchang-2023-2024-gongkai-yaodian', 'source.md');
const scrape = parseText(scrapeText);
const jinchang = parseText(jinchangText, { format: 'markdown' }).documents[0];
const [y2025, y2024] = [scrape.documents[1], scrape.documents[2]];

// Synthetic plans from real sentences, so similarity sees realistic overlap.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
const pool = [...new Set(['wuwei-2023-gongkai-fangan', 'qingyang-2022-gongkai-yaodian', 'gansu-2020-gongkai-fangan'].flatMap((id) => read(id, 'source.txt').split(/[。；\n]/)))]
  .map((s) => s.trim())
  .filter((s) => s.length >= 12 && s.length <= 120);
const UNITS = ['县发改局', '县教育局', '县司法局', '县数据局', '县政府办公室', '县卫健局', '县人社局', '县商务局'];

function task(level: number): Section {
  const sentences = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => pick(pool));
  const heading = sentences[0].slice(0, 14);
  return {
    marker: '(一)', markerStyle: 'cjk-paren', level, ordinal: 1, path: '', heading, text: `${heading}。${sentences.slice(1).join('。')}。`,
    lead: rnd() < 0.3 ? [pick(UNITS)] : [], responsible: [pick(UNITS), pick(UNITS)], clauses: [], deadlines: [], children: [], span: { start: 0, end: 0, line: 1 },
  };
}

function renumber(doc: PolicyDocument) {
  let k = 0;
  doc.sections.forEach((s, i) => {
    s.path = `${i + 1}`;
    s.ordinal = i + 1;
    s.children.forEach((c, j) => {
      c.path = `${i + 1}.${j + 1}`;
      c.ordinal = ++k;
    });
  });
  return doc;
}

function synthetic(tasks: number, sections = 10): PolicyDocument {
  const doc: PolicyDocument = structuredClone(y2025);
  doc.sections = Array.from({ length: sections }, () => ({ ...task(1), children: Array.from({ length: tasks / sections }, () => task(2)) }));
  return renumber(doc);
}

/** About 5% deleted, 5% inserted, 10% reworded (one sentence replaced), 2% moved to another section. */
function edit(doc: PolicyDocument): PolicyDocument {
  const out = structuredClone(doc);
  for (const s of out.sections) {
    s.children = s.children.filter(() => rnd() > 0.05);
    for (const c of s.children) if (rnd() < 0.1) c.text = c.text.replace(/[^。]+。$/, pick(pool) + '。');
    for (let i = 0; i < s.children.length; i++) if (rnd() < 0.05) s.children.splice(i, 0, task(2));
  }
  for (const s of out.sections) if (rnd() < 0.2 && s.children.length) pick(out.sections).children.push(s.children.splice(0, 1)[0]);
  return renumber(out);
}

const big = synthetic(500);
const bigEdited = edit(big);
const other = synthetic(500);
const ms = (x: number) => `${x.toFixed(2)} ms`;

const tParse = time(() => {
  parseText(scrapeText);
  parseText(jinchangText, { format: 'markdown' });
});
const tY = time(() => diffDocuments(y2024, y2025));
const tJ = time(() => diffDocuments(jinchang, y2025));
const tBig = time(() => diffDocuments(big, bigEdited), Math.min(MIN_MS, 3000));
const tWorst = time(() => diffDocuments(big, other), Math.min(MIN_MS, 3000));
const counts = diffDocuments(big, bigEdited).counts;

console.log('diff (one core, mean per call)');
console.log(`  Yongchang 2024-2025 → 2025 (27 nodes each)   : ${ms(tY)}  (aim < 20 ms)`);
console.log(`  Jinchang 2023-2024 → Yongchang 2025           : ${ms(tJ)}  (aim < 20 ms)`);
console.log(`  … ratio to parsing both corpus inputs (${ms(tParse)}): ${(tJ / tParse).toFixed(2)}x`);
console.log(`  synthetic 500 tasks → edited copy             : ${ms(tBig)}  (aim < 1000 ms)  ${JSON.stringify(counts)}`);
console.log(`  synthetic 500 tasks → unrelated 500 (worst)   : ${ms(tWorst)}`);
