/**
 * The exports the Node entry (index.ts) and the browser entry (browser.ts)
 * share: everything but `parse` itself, which each entry brings in its own
 * form, and the Node-only batch conversion.
 */
export { flattenTasks, type Task, type FlattenOptions } from './tasks/flatten.js';
export { GongwenError, ErrorCode, isGongwenError } from './errors.js';
export {
  ParseResult,
  PolicyDocument,
  Section,
  Deadline,
  DocNumber,
  Diagnostic,
  Span,
  DocumentKind,
  Unplaced,
} from './schema/index.js';
export type { TextBlock, BlockKind, SourceSpan, SourceFormat } from './extract/block.js';
export { tesseractJsEngine, type TesseractJsWorker, type TesseractJsBlock, type TesseractJsBox } from './extract/ocr/tesseract-js.js';
export type { OcrOptions, OcrOption, OcrEngine, OcrImage, OcrWord, OcrPageResult } from './extract/ocr/types.js';
export {
  DIAGNOSTIC_CODES,
  isDiagnosticCode,
  type DiagnosticCode,
  type DiagnosticCodeInfo,
  type DiagnosticSeverity,
} from './diagnostics/codes.js';
export * from './diff/index.js';
export * from './ledger/index.js';
