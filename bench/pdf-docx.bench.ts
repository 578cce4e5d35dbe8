/**
 * What do the PDF/DOCX adapters cost on top of the libraries they stand on?
 *   extractPdf  vs  pdfjs getDocument + getTextContent on every page
 *   extractDocx vs  mammoth.convertToHtml (and extractRawText)
 * Run: npx tsx bench/pdf-docx.bench.ts [iterations]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { extractDocx } from '../src/extract/docx/index.js';
import { extractPdf } from '../src/extract/pdf/index.js';
import { loadPdfJs } from '../src/extract/pdf/load.js';
import { parse } from '../src/index.js';

const ITER = Number(process.argv[2] ?? 20);
const dir = fileURLToPath(new URL('../corpus/pdf-docx/', import.meta.url));
const ids = ['jinchang-2023-2024-gongkai-yaodian', 'wuwei-2023-gongkai-fangan', 'yongchang-2025-gongkai-yaodian'];

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: module loading, JIT
  const samples: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]; // median
}

async function pdfjsOnly(bytes: Uint8Array): Promise<void> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
  await doc.destroy();
}

const row = (name: string, ours: number, base: number, baseName: string) =>
  console.log(`${name.padEnd(38)} ours ${ours.toFixed(1).padStart(7)} ms   ${baseName} ${base.toFixed(1).padStart(7)} ms   ratio ${(ours / base).toFixed(2)}×`);

const t0 = performance.now();
await loadPdfJs();
console.log(`pdfjs module load (cold, under tsx): ${(performance.now() - t0).toFixed(0)} ms; median of ${ITER} runs below\n`);

let sumOurs = 0;
let sumBase = 0;
let sumWhole = 0;
let pages = 0;
for (const id of ids) {
  const bytes = new Uint8Array(readFileSync(`${dir}${id}.pdf`));
  const ours = await time(() => extractPdf(bytes));
  const base = await time(() => pdfjsOnly(bytes));
  const whole = await time(() => parse(bytes, { validate: true }));
  pages += (await parse(bytes)).source.pages ?? 0;
  sumOurs += ours;
  sumBase += base;
  sumWhole += whole;
  row(`${id}.pdf`, ours, base, 'pdfjs text');
  row(`${id}.pdf whole parse()`, whole, base, 'pdfjs text');
}
row('PDF total (extract)', sumOurs, sumBase, 'pdfjs text');
row('PDF total (whole parse)', sumWhole, sumBase, 'pdfjs text');
console.log(`PDF whole parse per page: ${(sumWhole / pages).toFixed(1)} ms (${pages} pages); pdfjs alone ${(sumBase / pages).toFixed(1)} ms/page`);
console.log();

sumOurs = 0;
sumBase = 0;
let sumRaw = 0;
let sumWholeDocx = 0;
for (const id of ids) {
  const bytes = new Uint8Array(readFileSync(`${dir}${id}.docx`));
  const buffer = Buffer.from(bytes);
  const ours = await time(() => extractDocx(bytes));
  const whole = await time(() => parse(bytes));
  sumWholeDocx += whole;
  const base = await time(() => mammoth.convertToHtml({ buffer }));
  const raw = await time(() => mammoth.extractRawText({ buffer }));
  sumOurs += ours;
  sumBase += base;
  sumRaw += raw;
  row(`${id}.docx`, ours, base, 'mammoth html');
}
row('DOCX total', sumOurs, sumBase, 'mammoth html');
row('DOCX total', sumOurs, sumRaw, 'mammoth raw ');
row('DOCX total (whole parse)', sumWholeDocx, sumBase, 'mammoth html');
