/**
 * OCR of one PDF page: render it with pdfjs (in-process; in Node its canvas
 * is @napi-rs/canvas, which pdfjs-dist ships as an optional dependency with
 * prebuilt binaries), recognise the image, and turn the words into pdfjs-like
 * text items in the page's upright frame, so the line and paragraph builders
 * treat them exactly like a text layer.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { ErrorCode, GongwenError } from '../../errors.js';
import type { PdfTextItem } from '../pdf/lines.js';
import { systemTesseract } from './system-node.js';
import type { OcrEngine, OcrImage, OcrPageResult, OcrWord, ResolvedOcrOptions } from './types.js';

export * from './types.js';
export { parseTesseractTsv } from './tsv.js';
export { tesseractJsEngine } from './tesseract-js.js';

export function engineOf(options: ResolvedOcrOptions): OcrEngine {
  return typeof options.engine === 'object' ? options.engine : systemTesseract({ langPath: options.langPath, psm: options.psm });
}

interface CanvasLike {
  width: number;
  height: number;
  toBuffer?: (mime: 'image/png') => Uint8Array;
  convertToBlob?: (o: { type: string }) => Promise<Blob>;
}

/** Render a page (its displayed orientation) to PNG at `dpi` on a white background. */
export async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<OcrImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  let made: { canvas: CanvasLike; context: unknown };
  try {
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: CanvasLike; context: unknown } } }).canvasFactory;
    made = factory.create(width, height);
  } catch (err) {
    throw new GongwenError(ErrorCode.OCR_UNAVAILABLE, 'OCR needs a canvas to render the page; @napi-rs/canvas (an optional dependency of pdfjs-dist) could not be loaded on this platform.', { cause: err });
  }
  await page.render({ canvasContext: made.context, canvas: made.canvas, viewport, background: '#ffffff' } as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
  let png: Uint8Array;
  if (made.canvas.toBuffer) png = made.canvas.toBuffer('image/png');
  else if (made.canvas.convertToBlob) png = new Uint8Array(await (await made.canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  else throw new GongwenError(ErrorCode.OCR_UNAVAILABLE, 'This platform’s canvas cannot encode PNG for OCR.');
  return { png, width, height, dpi };
}

export interface OcrLine {
  /** Baseline (upright y) shared by the line's items: how lines are matched back to their confidence. */
  y: number;
  confidence: number;
  chars: number;
  /** Repairs made from geometry (a 、 that OCR dropped but left its space). */
  repairs: { from: string; to: string; at: number }[];
}

/** Words below this confidence are dropped (specks read as 本, 加, 《 …); real but unsure words (a 纾 at 30) stay. */
const MIN_WORD_CONFIDENCE = 15;
/** A Chinese numeral opening a line, for the lost-、 repair. */
const NUMERAL = /^[一二三四五六七八九十]{1,3}$/;
const CJK_ONLY = /^[\u3400-\u9fff]+$/;

function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(q * v.length))];
}

/**
 * Words → text items in points, upright frame (y up; `pageHeight` the
 * displayed height). A slightly rotated scan is straightened first (the
 * median slope of the lines' word bottoms), so lines keep one baseline and
 * left edges line up. Every word of a line gets the line's baseline and one
 * font size, because ink boxes vary with the glyphs (一 is flat, （ tall):
 * the size is the line's tight CJK glyph height, snapped to the page's usual
 * size when close to it.
 */
export function wordsToItems(result: OcrPageResult, dpi: number, pageHeight: number): { items: PdfTextItem[]; lines: OcrLine[] } {
  const s = 72 / dpi;
  const words = result.words.filter((w) => w.confidence >= MIN_WORD_CONFIDENCE);
  const byLine = new Map<number, OcrWord[]>();
  for (const w of words) {
    if (!byLine.has(w.line)) byLine.set(w.line, []);
    byLine.get(w.line)!.push(w);
  }
  // Skew: median slope of word bottoms along each line with enough CJK words.
  const slopes: number[] = [];
  for (const ws of byLine.values()) {
    const pts = ws.filter((w) => CJK_ONLY.test(w.text)).map((w) => [(w.x0 + w.x1) / 2, w.y1]);
    if (pts.length < 4) continue;
    const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
    const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    const sxx = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
    if (sxx > 0) slopes.push(pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx);
  }
  const slope = slopes.length >= 3 ? quantile(slopes, 0.5) : 0;
  const straight = (w: OcrWord): OcrWord => {
    if (!slope) return w;
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    const dy = -slope * cx;
    const dx = slope * cy;
    return { ...w, x0: w.x0 + dx, x1: w.x1 + dx, y0: w.y0 + dy, y1: w.y1 + dy };
  };
  const glyphHeight = (ws: OcrWord[]) => quantile(ws.filter((w) => CJK_ONLY.test(w.text)).map((w) => w.y1 - w.y0), 0.3);
  const usual = glyphHeight(words);
  const items: PdfTextItem[] = [];
  const lines: OcrLine[] = [];
  const sized: { size: number; items: PdfTextItem[] }[] = [];
  for (const raw of byLine.values()) {
    const ws = raw.map(straight).sort((a, b) => a.x0 - b.x0);
    const h = glyphHeight(ws) || quantile(ws.map((w) => w.y1 - w.y0), 0.5);
    // A speck read as a mark, far from the rest of its line (3 em or more), at either end: not text.
    const gap = 3 * (h || usual);
    while (ws.length > 1 && Array.from(ws[0].text).length <= 2 && ws[1].x0 - ws[0].x1 > gap) ws.shift();
    while (ws.length > 1 && Array.from(ws[ws.length - 1].text).length <= 2 && ws[ws.length - 1].x0 - ws[ws.length - 2].x1 > gap) ws.pop();
    // A line of specks (a dot, a tick) much smaller than the text, or of marks only (a rule read as 、 、).
    if (usual && h < 0.4 * usual && ws.every((w) => !CJK_ONLY.test(w.text))) continue;
    if (ws.every((w) => !/[\p{L}\p{N}]/u.test(w.text))) continue;
    const px = usual && Math.abs(h - usual) <= 0.2 * usual ? usual : h;
    // CJK ink is ~0.9 em tall.
    const size = (px * s) / 0.9;
    const cjk = ws.filter((w) => CJK_ONLY.test(w.text));
    const bottom = quantile((cjk.length ? cjk : ws).map((w) => w.y1), 0.5);
    const y = Math.round((pageHeight - bottom * s) * 100) / 100;
    // 二、 whose 、 OCR lost: a lone numeral opening the line, then a gap of more than half a character.
    const repairs: OcrLine['repairs'] = [];
    if (ws.length > 1 && NUMERAL.test(ws[0].text) && ws[1].x0 - ws[0].x1 > 0.5 * px && CJK_ONLY.test(ws[1].text[0] ?? '')) {
      repairs.push({ from: ws[0].text, to: `${ws[0].text}、`, at: 0 });
      ws[0] = { ...ws[0], text: `${ws[0].text}、` };
    }
    let conf = 0;
    let chars = 0;
    const first = items.length;
    for (const w of ws) {
      items.push({ str: w.text, transform: [size, 0, 0, size, w.x0 * s, y], width: (w.x1 - w.x0) * s });
      const n = Array.from(w.text).length;
      conf += w.confidence * n;
      chars += n;
    }
    lines.push({ y, confidence: chars ? conf / chars : 0, chars, repairs });
    sized.push({ size, items: items.slice(first) });
  }
  // One size per group of lines within 10% of each other (the lines of a title, of the body),
  // rounded to ½ pt: the paragraph builder keeps lines of one size together.
  sized.sort((a, b) => a.size - b.size);
  for (let i = 0; i < sized.length; ) {
    let j = i + 1;
    while (j < sized.length && sized[j].size <= sized[i].size * 1.1) j++;
    const group = sized.slice(i, j);
    const size = Math.max(1, Math.round(quantile(group.map((g) => g.size), 0.5) * 2) / 2);
    for (const g of group) for (const it of g.items) (it.transform as number[]).splice(0, 4, size, 0, 0, size);
    i = j;
  }
  return { items, lines };
}

/** OCR one page: render, recognise, convert. */
export async function ocrPage(doc: PDFDocumentProxy, page: PDFPageProxy, options: ResolvedOcrOptions, engine: OcrEngine): Promise<{ items: PdfTextItem[]; lines: OcrLine[]; ms: number }> {
  const t0 = Date.now();
  const image = await renderPage(doc, page, options.dpi);
  let result: OcrPageResult;
  try {
    result = await engine.recognize(image, { lang: options.lang, timeoutMs: options.timeoutMs });
  } catch (err) {
    // A pluggable engine may throw anything; callers switch on our codes.
    if (err instanceof GongwenError) throw err;
    throw new GongwenError(ErrorCode.OCR_FAILED, `OCR (${engine.name}) failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
  const height = page.getViewport({ scale: 1 }).height;
  return { ...wordsToItems(result, options.dpi, height), ms: Date.now() - t0 };
}

