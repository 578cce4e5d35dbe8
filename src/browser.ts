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
export * from './shared-exports.js';
