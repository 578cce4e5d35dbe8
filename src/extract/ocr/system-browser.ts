/** Browser twin of system-node.ts: there is no system binary; pass an engine (e.g. tesseract.js) instead. */
import { ErrorCode, GongwenError } from '../../errors.js';
import type { OcrEngine } from './types.js';

export function systemTesseract(_options: { langPath?: string; psm: number; binary?: string }): OcrEngine {
  return {
    name: 'tesseract',
    recognize() {
      return Promise.reject(
        new GongwenError(ErrorCode.OCR_UNAVAILABLE, 'In a browser there is no system tesseract: pass ocr.engine (e.g. tesseractJsEngine(worker) with a local langPath).'),
      );
    },
  };
}
