/**
 * The cost of OCR: seconds per page for scanned corpus pages (rendered at
 * 200 dpi, rotated 0.4°, speckled, JPEG, with a CamScanner mark), split into
 * rendering and recognition, with the system tesseract alone on the same
 * image as the baseline; plus CER and the level-1/2 outline found.
 * The task-table PDFs' extraction time is printed beside plain text extraction.
 * Run: npx tsx bench/ocr.bench.ts [pages=2]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanPdf } from '../scripts/fixtures/make-scans.js';
import { scoreScan } from '../scripts/lib/ocr-eval.js';
import { extractPdf } from '../src/extract/pdf/index.js';
import { openPdf } from '../src/extract/pdf/load.js';
import { renderPage } from '../src/extract/ocr/index.js';

const PAGES = Number(process.argv[2] ?? 2);
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const fixtures = fileURLToPath(new URL('../corpus/fixtures/', import.meta.url));

// Tables: extraction of the ruled/multi-page/rotated/unruled fixtures (ms, median of 10).
for (const f of ['task-table.pdf', 'task-table-multipage.pdf', 'task-table-rotated.pdf', 'task-table-unruled.pdf']) {
  const bytes = new Uint8Array(readFileSync(fixtures + f));
  const samples: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    await extractPdf(bytes);
    if (i >= 2) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${f.padEnd(28)} extractPdf ${samples[5].toFixed(1).padStart(6)} ms`);
}

let hasTesseract = false;
try {
  hasTesseract = /chi_sim/.test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
} catch {
  /* reported below */
}
if (!hasTesseract) {
  console.log('OCR: skipped (no system tesseract with chi_sim; Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)');
  process.exit(0);
}

for (const id of ['jinchang-2023-2024-gongkai-yaodian', 'wuwei-2023-gongkai-fangan']) {
  const path = `${corpus}${id}.pdf`;
  if (!existsSync(path)) continue;
  const src = new Uint8Array(readFileSync(path));
  const pages = Array.from({ length: PAGES }, (_, i) => i + 2);
  const scan = await scanPdf(src, { pages, dpi: 200, angle: 0.4, speckle: 0.0001, quality: 80, watermark: true });
  // Baseline: tesseract alone on the rendered page images.
  const doc = await openPdf(scan, 30_000);
  let render = 0;
  let tesseract = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const t0 = performance.now();
    const img = await renderPage(doc, await doc.getPage(p), 200);
    const t1 = performance.now();
    spawnSync('tesseract', ['stdin', 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], { input: img.png, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    render += t1 - t0;
    tesseract += performance.now() - t1;
  }
  await doc.destroy();
  const s = await scoreScan(src, scan, pages);
  const n = pages.length;
  console.log(
    `${id} (${n} scanned pages): OCR ${s.secondsPerPage.toFixed(2)} s/page ` +
      `(render ${(render / n / 1000).toFixed(2)} s + tesseract alone ${(tesseract / n / 1000).toFixed(2)} s; ratio ${((s.secondsPerPage * 1000 * n) / (render + tesseract)).toFixed(2)}×)  ` +
      `CER ${(100 * s.cer).toFixed(1)}%  outline ${s.outlineFound}/${s.outlineTotal}  confidence ${s.confidence.join(', ')}`,
  );
  if (s.missing.length) console.log(`  missing: ${s.missing.join(' | ')}`);
}
