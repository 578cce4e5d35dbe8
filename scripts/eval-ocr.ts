/**
 * OCR accuracy on scans made from the corpus PDFs (read from ../shared/corpus,
 * never copied): each page rendered at 200 dpi, rotated 0.4°, speckled, JPEG,
 * with a CamScanner mark; OCR'd with the system tesseract and scored against
 * the PDF's own text layer and tree: character error rate (raw, and with
 * full/half-width and dash variants folded) and the level-1/2 markers and
 * headings found. Also run by `npm run eval -- --ocr`.
 * Run: npx tsx scripts/eval-ocr.ts [--pages N] [--degrade light|heavy]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanPdf } from './fixtures/make-scans.js';
import { scoreScan } from './lib/ocr-eval.js';
import { openPdf } from '../src/extract/pdf/load.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const maxPages = Number(arg('--pages') ?? 0);
const heavy = arg('--degrade') === 'heavy';
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const ids = ['jinchang-2023-2024-gongkai-yaodian', 'wuwei-2023-gongkai-fangan', 'yongchang-2025-gongkai-yaodian'];

const rows: string[][] = [];
let found = 0;
let total = 0;
let markers = 0;
for (const id of ids) {
  const path = `${corpus}${id}.pdf`;
  if (!existsSync(path)) continue;
  const src = new Uint8Array(readFileSync(path));
  const doc = await openPdf(src, 30_000);
  const n = doc.numPages;
  await doc.destroy();
  const pages = Array.from({ length: maxPages ? Math.min(maxPages, n) : n }, (_, i) => i + 1);
  const scan = await scanPdf(src, { pages, dpi: 200, angle: heavy ? 0.8 : 0.4, speckle: heavy ? 0.0003 : 0.0001, quality: heavy ? 60 : 80, watermark: true });
  const s = await scoreScan(src, scan, pages);
  found += s.outlineFound;
  total += s.outlineTotal;
  markers += s.markersFound;
  rows.push([id, String(pages.length), `${(100 * s.cer).toFixed(1)}%`, `${(100 * s.cerFolded).toFixed(1)}%`, `${s.markersFound}/${s.outlineTotal}`, `${s.outlineFound}/${s.outlineTotal}`, s.secondsPerPage.toFixed(1)]);
  if (s.missing.length) rows.push(['  missing', '', '', '', '', s.missing.join(' | '), '']);
}
const head = ['scanned PDF (OCR)', 'pages', 'CER', 'CER folded', 'markers 1–2', 'marker+heading 1–2', 's/page'];
rows.push(['ALL', '', '', '', `${markers}/${total}`, `${found}/${total}`, '']);
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
console.log(fmt(head));
console.log('|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|');
for (const r of rows) console.log(fmt(r));
