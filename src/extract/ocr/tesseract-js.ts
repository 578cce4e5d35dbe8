/** tesseract.js as an {@link OcrEngine}: a worker the caller creates (gongwen does not depend on tesseract.js). */
import type { OcrEngine, OcrPageResult } from './types.js';

/**
 * A tesseract.js worker as an engine. gongwen does not depend on tesseract.js
 * (its package runs an install script); create the worker yourself with a
 * local `langPath` (and `cacheMethod: 'none'`) so nothing is downloaded, e.g.
 * `await createWorker('chi_sim', 1, { langPath: '/srv/tessdata', gzip: false })`.
 */
export function tesseractJsEngine(worker: TesseractJsWorker): OcrEngine {
  return {
    name: 'tesseract.js',
    async recognize(image) {
      const { data } = await worker.recognize(image.png, {}, { blocks: true });
      const words: OcrPageResult['words'] = [];
      const lines: OcrPageResult['lines'] = new Map();
      for (const block of data.blocks ?? []) {
        for (const para of block.paragraphs ?? []) {
          for (const line of para.lines ?? []) {
            const id = lines.size;
            lines.set(id, line.bbox);
            for (const w of line.words ?? []) if (w.text.trim()) words.push({ text: w.text.trim(), ...w.bbox, confidence: w.confidence, line: id });
          }
        }
      }
      return { words, lines };
    },
  };
}

/** The part of a tesseract.js worker this adapter uses (structural: no import of tesseract.js). */
export interface TesseractJsWorker {
  /** tesseract.js `worker.recognize(image, options, { blocks: true })`. */
  recognize(image: Uint8Array, options?: unknown, output?: unknown): Promise<{ data: { blocks?: TesseractJsBlock[] | null } }>;
}

/** A box in image pixels, as tesseract.js reports it. */
export interface TesseractJsBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A tesseract.js block: paragraphs of lines of words, each with its box. */
export interface TesseractJsBlock {
  paragraphs?: { lines?: { bbox: TesseractJsBox; words?: { text: string; bbox: TesseractJsBox; confidence: number }[] }[] }[];
}
