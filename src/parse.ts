/** The public entry points: parse (any input, async) and parseText (a string, sync). */
import { createHash } from 'node:crypto';
import type { SourceFormat } from './extract/block.js';
import { extractBinary, extractTextual } from './extract/index.js';
import { readInput } from './read/read-input.js';
import { sniffFormat, sniffTextFormat } from './read/sniff.js';
import { decodeText } from './read/decode.js';
import { runPipeline } from './pipeline.js';
import type { ParseResult } from './schema/document.js';
import { GongwenError } from './errors.js';

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

export type ParseTextOptions = Pick<ParseOptions, 'name' | 'validate'> & { format?: 'text' | 'markdown' | 'html' };

const FORMATS: SourceFormat[] = ['text', 'markdown', 'html', 'docx', 'pdf'];

function checkFormat(format: unknown): void {
  if (format !== undefined && !FORMATS.includes(format as SourceFormat)) {
    throw new GongwenError('INVALID_OPTIONS', `Unknown format “${String(format)}”: use one of ${FORMATS.join(', ')}.`);
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parse text already in memory. Synchronous; never touches the file system. */
export function parseText(text: string, options: ParseTextOptions = {}): ParseResult {
  if (typeof text !== 'string') throw new GongwenError('INVALID_OPTIONS', 'parseText expects a string; use parse() for paths and bytes.');
  checkFormat(options.format);
  if ((options.format as string) === 'pdf' || (options.format as string) === 'docx')
    throw new GongwenError('INVALID_OPTIONS', 'PDF and DOCX are binary: pass their bytes or path to parse().');
  if (text.trim().length === 0) throw new GongwenError('EMPTY_INPUT', 'The input is empty: there is nothing to parse.');
  const format = (options.format ?? sniffTextFormat(text, options.name)) as 'text' | 'markdown' | 'html';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ex = extractTextual(format, body);
  const source: ParseResult['source'] = { format, sha256: sha256(text) };
  if (options.name) source.name = options.name;
  return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
}

/** Parse a file path, file: URL, or bytes of any supported format. */
export async function parse(input: string | URL | Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  checkFormat(options.format);
  const raw = await readInput(input, { name: options.name, maxBytes: options.maxBytes });
  const bytes = raw.bytes;
  if (bytes.length === 0) throw new GongwenError('EMPTY_INPUT', 'The input is empty: there is nothing to parse.');
  const format = options.format ?? sniffFormat(bytes, raw.name);
  const source: ParseResult['source'] = { format, sha256: sha256(bytes), bytes: bytes.length };
  if (raw.name) source.name = raw.name;
  if (format === 'pdf' || format === 'docx') {
    const ex = await extractBinary(format, bytes, options);
    if (ex.pages !== undefined) source.pages = ex.pages;
    return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
  }
  const decoded = decodeText(bytes);
  source.encoding = decoded.encoding;
  const textFormat = options.format ? format : sniffTextFormat(decoded.text, raw.name);
  source.format = textFormat;
  const ex = extractTextual(textFormat as 'text' | 'markdown' | 'html', decoded.text);
  return runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source, validate: options.validate });
}
