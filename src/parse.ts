/**
 * The Node entry points: parse (a path, file: URL or bytes; async) and the
 * fs-free parseText / parseBytes it builds on (parse-bytes.ts).
 */
import { readInput } from './read/read-input.js';
import type { ParseResult } from './schema/document.js';
import { checkFormat, parseBytes, type ParseOptions } from './parse-bytes.js';

export { parseBytes, parseText, type ParseOptions, type ParseTextOptions } from './parse-bytes.js';

/**
 * Parse a file path, `file:` URL, or the bytes of a file in any supported
 * format. Oversize files are refused before they are read.
 *
 * @throws {@link GongwenError} with a stable `code` (see {@link ErrorCode}).
 */
export async function parse(input: string | URL | Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  checkFormat(options.format);
  const raw = await readInput(input, { name: options.name, maxBytes: options.maxBytes });
  return parseBytes(raw.bytes, raw.name === undefined ? options : { ...options, name: raw.name });
}
