/**
 * The browser's parse: bytes, an ArrayBuffer, or a Blob/File (from an
 * `<input type="file">` or a drop). No file system. The browser build swaps
 * parse.ts (paths) for this module, so code anywhere in gongwen that calls
 * `parse` gets this one in a browser bundle.
 */
import { GongwenError } from './errors.js';
import { checkMaxBytes, tooLarge } from './read/limits.js';
import type { ParseResult } from './schema/document.js';
import { checkFormat, parseBytes, type ParseOptions } from './parse-bytes.js';

export { parseBytes, parseText, type ParseOptions, type ParseTextOptions } from './parse-bytes.js';

/** What the browser's {@link parse} accepts: the bytes of a file, or the file itself. */
export type BrowserInput = Uint8Array | ArrayBuffer | Blob;

/**
 * Parse a `File`/`Blob` (the name of a `File` is used for format
 * tie-breaking and `source.name` unless `options.name` is set), an
 * `ArrayBuffer` or a `Uint8Array`, in any supported format. Oversize Blobs
 * are refused before they are read.
 *
 * @throws {@link GongwenError} with a stable `code` (see {@link ErrorCode}).
 */
export async function parse(input: BrowserInput, options: ParseOptions = {}): Promise<ParseResult> {
  checkFormat(options.format);
  if (input instanceof Uint8Array) return parseBytes(input, options);
  if (input instanceof ArrayBuffer) return parseBytes(new Uint8Array(input), options);
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = options.name ?? (input as Partial<File>).name ?? undefined;
    const maxBytes = checkMaxBytes(options.maxBytes);
    if (input.size > maxBytes) throw tooLarge(input.size, maxBytes, name);
    const bytes = new Uint8Array(await input.arrayBuffer());
    return parseBytes(bytes, name ? { ...options, name } : options);
  }
  throw new GongwenError(
    'INVALID_OPTIONS',
    typeof input === 'string' || input instanceof URL
      ? 'In a browser parse() takes a File, Blob, ArrayBuffer or Uint8Array, not a path or URL: fetch the file and pass its bytes, or use parseText() for text already in memory.'
      : 'parse() expects a File, Blob, ArrayBuffer or Uint8Array of the file contents.',
  );
}
