/**
 * OCR for scanned PDF pages: options and the one small interface every
 * engine implements. Words come back with pixel boxes; the PDF adapter turns
 * them into text items for the same line builder a text layer goes through.
 */

/** One recognised word (for Chinese, usually a run of characters) with its box in image pixels (origin top-left). */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–100. */
  confidence: number;
  /** Which text line of the page it belongs to (engine-assigned id; words of one line share it). */
  line: number;
}

/** What an engine returns for one page: words with boxes, and the boxes of the lines they belong to. */
export interface OcrPageResult {
  words: OcrWord[];
  /** Line boxes by line id, in image pixels. */
  lines: Map<number, { x0: number; y0: number; x1: number; y1: number }>;
}

/** A page image for an engine: PNG bytes and its size in pixels. */
export interface OcrImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** Pixels per inch the page was rendered at. */
  dpi: number;
}

/** What an OCR engine does: recognise one page image. */
export interface OcrEngine {
  /** Shown in diagnostics and the manifest, e.g. 'tesseract 5.3.0'. */
  readonly name: string;
  /** Recognise one page image; reject with a GongwenError (OCR_UNAVAILABLE / OCR_FAILED) or any error (reported as OCR_FAILED). */
  recognize(image: OcrImage, options: { lang: string; timeoutMs: number }): Promise<OcrPageResult>;
}

/** `parse(input, { ocr })`: `true` for the defaults, or these. */
export interface OcrOptions {
  /**
   * 'tesseract' (default): the system `tesseract` binary (Debian: tesseract-ocr
   * and tesseract-ocr-chi-sim). Or any {@link OcrEngine}, e.g.
   * `tesseractJsEngine(worker)` around a tesseract.js worker you created with a
   * local `langPath`.
   */
  engine?: 'tesseract' | OcrEngine;
  /** Tesseract language(s). Default 'chi_sim'. */
  lang?: string;
  /** Folder holding `<lang>.traineddata` for the system engine (its --tessdata-dir); never downloaded. */
  langPath?: string;
  /** Tesseract page segmentation mode. Default 6 (one block of text: the 公文 body column); 3 for automatic layout. */
  psm?: number;
  /** Render resolution. Default 200 dpi. */
  dpi?: number;
  /** Pages whose mean word confidence is below this (0–100) are reported (OCR_LOW_CONFIDENCE). Default 70. */
  minConfidence?: number;
  /** Per page ceiling for the engine, ms. Default 120 000. */
  timeoutMs?: number;
}

/** The `ocr` option of parse(): `true` for the defaults, or {@link OcrOptions}. */
export type OcrOption = boolean | OcrOptions;

export interface ResolvedOcrOptions {
  engine: 'tesseract' | OcrEngine;
  lang: string;
  langPath?: string;
  psm: number;
  dpi: number;
  minConfidence: number;
  timeoutMs: number;
}

export function resolveOcrOptions(option: OcrOption | undefined): ResolvedOcrOptions | undefined {
  if (!option) return undefined;
  const o = option === true ? {} : option;
  return {
    engine: o.engine ?? 'tesseract',
    lang: o.lang ?? 'chi_sim',
    ...(o.langPath ? { langPath: o.langPath } : {}),
    psm: o.psm ?? 6,
    dpi: Math.min(600, Math.max(72, o.dpi ?? 200)),
    minConfidence: o.minConfidence ?? 70,
    timeoutMs: o.timeoutMs ?? 120_000,
  };
}
