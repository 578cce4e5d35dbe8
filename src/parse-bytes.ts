/**
 * Parsing without a file system: bytes (any format) and text. Everything
 * here runs in Node and in browsers; the Node entry adds paths on top
 * (parse.ts), the browser entry adds Blob/File (browser.ts).
 */
import type { SourceFormat } from './extract/block.js';
import type { OcrOption, OcrOptions } from './extract/ocr/types.js';
import { extractBinary, extractTextual, type Extracted } from './extract/index.js';
import { FORMAT_NAMES, formatAdapter, isSourceFormat } from './extract/registry.js';
import { sniffFormat, sniffTextFormat } from './read/sniff.js';
import { decodeText } from './read/decode.js';
import { stripControlChars, withDecodeDiagnostics } from './read/control-chars.js';
import { checkMaxBytes, tooLarge } from './read/limits.js';
import { runPipeline } from './pipeline.js';
import type { ParseResult } from './schema/document.js';
import { GongwenError } from './errors.js';
import { sha256Hex } from './platform/crypto-node.js';

/** Options for {@link parse} and {@link parseBytes}. */
export interface ParseOptions {
  /** Skip sniffing and use this format. */
  format?: SourceFormat;
  /** A display name for bytes input (also a tie-breaker for sniffing, e.g. `.md`). */
  name?: string;
  /** Refuse inputs larger than this (bytes). Default 128 MiB. */
  maxBytes?: number;
  /** PDF: refuse documents with more pages than this. Default 2000. */
  maxPages?: number;
  /** DOCX and OFD: refuse archives that inflate to more than this (bytes). Default 200 MB. */
  maxUncompressedBytes?: number;
  /** Check the result against the zod schema (default true). */
  validate?: boolean;
  /**
   * PDF: read pages that have no text layer (scans, glyphs as outlines, a scanner app's
   * watermark only) through OCR: `true` (system tesseract, chi_sim) or {@link OcrOptions}.
   */
  ocr?: OcrOption;
  /** Explain the outline decoder's decisions: every marker candidate, its evidence and score, in `result.trace`. */
  trace?: boolean;
}

/** Options for {@link parseText}: a display name, schema validation, and a textual format to force. */
export type ParseTextOptions = Pick<ParseOptions, 'name' | 'validate' | 'trace'> & { format?: 'text' | 'markdown' | 'html' };

/** @internal Throw INVALID_OPTIONS for a `format` that is not one of ours. */
export function checkFormat(format: unknown): void {
  if (format !== undefined && !isSourceFormat(format)) {
    throw new GongwenError('INVALID_OPTIONS', `Unknown format “${String(format)}”: use one of ${FORMAT_NAMES.join(', ')}.`);
  }
}

/**
 * Parse text already in memory (text, Markdown or HTML). Synchronous; never
 * touches the file system.
 *
 * @throws {@link GongwenError} `EMPTY_INPUT`, `NOT_A_PLAN`, `INVALID_OPTIONS`.
 */
export function parseText(text: string, options: ParseTextOptions = {}): ParseResult {
  if (typeof text !== 'string') throw new GongwenError('INVALID_OPTIONS', 'parseText expects a string; use parse() for paths and bytes.');
  checkFormat(options.format);
  if (options.format && formatAdapter(options.format).kind === 'binary')
    throw new GongwenError('INVALID_OPTIONS', `${formatAdapter(options.format).label} is binary: pass its bytes or path to parse().`);
  if (text.trim().length === 0) throw new GongwenError('EMPTY_INPUT', 'The input is empty: there is nothing to parse.');
  const format = (options.format ?? sniffTextFormat(text, options.name)) as 'text' | 'markdown' | 'html';
  // control characters are dropped here as in decodeText (issue 12), reported as diagnostics
  const stripped = stripControlChars(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const body = stripped.text;
  const ex = extractTextual(format, body);
  const source: ParseResult['source'] = { format, sha256: sha256Hex(text) };
  if (options.name) source.name = options.name;
  return withDecodeDiagnostics(runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate, trace: options.trace }), stripped.diagnostics);
}

/**
 * Parse the bytes of a file of any supported format (text in UTF-8, UTF-16
 * or GB18030; Markdown; HTML; DOCX; PDF). The format is sniffed unless
 * `options.format` forces it. No file system: this is what both `parse`
 * entry points (Node paths, browser Blobs) call.
 *
 * @throws {@link GongwenError} with a stable `code` (see {@link ErrorCode}).
 */
export async function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  checkFormat(options.format);
  if (!(bytes instanceof Uint8Array)) throw new GongwenError('INVALID_OPTIONS', 'parseBytes expects a Uint8Array of the file contents.');
  const maxBytes = checkMaxBytes(options.maxBytes);
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes, options.name);
  if (bytes.length === 0) throw new GongwenError('EMPTY_INPUT', 'The input is empty: there is nothing to parse.');
  const format = options.format ?? sniffFormat(bytes, options.name);
  const source: ParseResult['source'] = { format, sha256: sha256Hex(bytes), bytes: bytes.length };
  if (options.name) source.name = options.name;
  if (formatAdapter(format).kind === 'binary') {
    const ex = await extractBinary(format, bytes, options);
    if (ex.pages !== undefined) source.pages = ex.pages;
    return runExtracted(ex, source, options.validate, options.trace);
  }
  const decoded = decodeText(bytes);
  source.encoding = decoded.encoding;
  const textFormat = options.format ? format : sniffTextFormat(decoded.text, options.name);
  source.format = textFormat;
  const ex = extractTextual(textFormat, decoded.text);
  return withDecodeDiagnostics(runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate, trace: options.trace }), decoded.diagnostics);
}

/**
 * The pipeline over what an extractor returned: once, or once per part of a
 * package holding several documents (OFD DocBody), merged into one result
 * whose spans all point into the same synthesised text. A part that is not
 * a plan (an attachment, a cover sheet) goes to `unplaced` as long as
 * another part is one.
 */
function runExtracted(ex: Extracted, source: ParseResult['source'], validate: boolean | undefined, trace?: boolean): ParseResult {
  let result: ParseResult;
  if (!ex.parts || ex.parts.length <= 1) {
    result = runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate, trace });
  } else {
    const results: ParseResult[] = [];
    let firstError: unknown;
    const leftover: ParseResult['unplaced'] = [];
    for (const part of ex.parts) {
      try {
        results.push(runPipeline({ blocks: part.blocks, noise: part.noise, text: ex.text, source, validate }));
      } catch (err) {
        if (!(err instanceof GongwenError) || err.code !== 'NOT_A_PLAN') throw err;
        firstError ??= err;
        for (const b of [...part.blocks, ...part.noise]) {
          if (b.text.trim()) leftover.push({ text: b.text, span: b.span, reason: 'a document of the package that is not a plan or notice' });
        }
      }
    }
    if (results.length === 0) throw firstError;
    result = {
      source,
      documents: results.flatMap((r) => r.documents),
      diagnostics: results.flatMap((r) => r.diagnostics),
      unplaced: [...results.flatMap((r) => r.unplaced), ...leftover],
    };
  }
  if (ex.diagnostics?.length) result.diagnostics.push(...ex.diagnostics);
  return result;
}
