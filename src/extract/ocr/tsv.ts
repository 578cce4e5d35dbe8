/**
 * Tesseract's TSV output (`tesseract img out tsv`): one row per page, block,
 * paragraph, line (level 4) and word (level 5), with pixel boxes and a
 * confidence per word. Used by the system engine; pure, so it is tested alone.
 */
import type { OcrPageResult } from './types.js';

export function parseTesseractTsv(tsv: string): OcrPageResult {
  const words: OcrPageResult['words'] = [];
  const lines: OcrPageResult['lines'] = new Map();
  const ids = new Map<string, number>();
  for (const row of tsv.split(/\r?\n/)) {
    const f = row.split('\t');
    if (f.length < 12 || !/^\d+$/.test(f[0])) continue; // header or blank
    const level = Number(f[0]);
    const key = `${f[1]}/${f[2]}/${f[3]}/${f[4]}`;
    const [left, top, width, height] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])];
    if (![left, top, width, height].every(Number.isFinite)) continue;
    if (level === 4) {
      if (!ids.has(key)) ids.set(key, ids.size);
      lines.set(ids.get(key)!, { x0: left, y0: top, x1: left + width, y1: top + height });
    } else if (level === 5) {
      const text = f.slice(11).join('\t').trim();
      if (!text) continue;
      if (!ids.has(key)) ids.set(key, ids.size);
      words.push({ text, x0: left, y0: top, x1: left + width, y1: top + height, confidence: Math.max(0, Math.min(100, Number(f[10]) || 0)), line: ids.get(key)! });
    }
  }
  return { words, lines };
}
