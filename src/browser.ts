/**
 * gongwen for browsers (and other runtimes without a file system): the same
 * parser, diff and ledger as the Node entry, minus file paths, the worker
 * pool and the CLI. Bundlers pick this file through the `browser` export
 * condition of `gongwen`; it is also importable as `gongwen/browser`.
 *
 * PDF parsing uses pdfjs-dist: call {@link configurePdfJs} once with the URLs
 * of its worker and CMaps as your bundler serves them.
 *
 * @module gongwen/browser
 */
export { parse, parseBytes, parseText, type BrowserInput, type ParseOptions, type ParseTextOptions } from './parse-browser.js';
export { configurePdfJs, type PdfJsBrowserConfig } from './extract/pdf/pdfjs-browser.js';
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
export * from './diff/index.js';
export * from './ledger/index.js';
