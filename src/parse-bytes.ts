/**
 * Parsing without a file system: bytes (any format) and text. Everything
 * here runs in Node and in browsers; the Node entry adds paths on top
 * (parse.ts), the browser entry adds Blob/File (browser.ts).
 */
import type { SourceFormat } from './extract/block.js';
import { extractBinary, extractTextual } from './extract/index.js';
import { sniffFormat, sniffTextFormat } from './read/sniff.js';
import { decodeText } from './read/decode.js';
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
  /** DOCX: refuse archives that inflate to more than this (bytes). Default 200 MB. */
  maxUncompressedBytes?: number;
  /** Check the result against the zod schema (default true). */
  validate?: boolean;
}

/** Options for {@link parseText}: a display name, schema validation, and a textual format to force. */
export type ParseTextOptions = Pick<ParseOptions, 'name' | 'validate'> & { format?: 'text' | 'markdown' | 'html' };

const FORMATS: SourceFormat[] = ['text', 'markdown', 'html', 'docx', 'pdf'];

/** @internal Throw INVALID_OPTIONS for a `format` that is not one of ours. */
export function checkFormat(format: unknown): void {
  if (format !== undefined && !FORMATS.includes(format as SourceFormat)) {
    throw new GongwenError('INVALID_OPTIONS', `Unknown format “${String(format)}”: use one of ${FORMATS.join(', ')}.`);
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
  if ((options.format as string) === 'pdf' || (options.format as string) === 'docx')
    throw new GongwenError('INVALID_OPTIONS', 'PDF and DOCX are binary: pass their bytes or path to parse().');
  if (text.trim().length === 0) throw new GongwenError('EMPTY_INPUT', 'The input is empty: there is nothing to parse.');
  const format = (options.format ?? sniffTextFormat(text, options.name)) as 'text' | 'markdown' | 'html';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ex = extractTextual(format, body);
  const source: ParseResult['source'] = { format, sha256: sha256Hex(text) };
  if (options.name) source.name = options.name;
  return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
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
  if (format === 'pdf' || format === 'docx') {
    const ex = await extractBinary(format, bytes, options);
    if (ex.pages !== undefined) source.pages = ex.pages;
    return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
  }
  const decoded = decodeText(bytes);
  source.encoding = decoded.encoding;
  const textFormat = options.format ? format : sniffTextFormat(decoded.text, options.name);
  source.format = textFormat;
  const ex = extractTextual(textFormat as 'text' | 'markdown' | 'html', decoded.text);
  return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
}
