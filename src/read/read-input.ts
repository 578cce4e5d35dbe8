import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, GongwenError } from '../errors.js';
import { checkMaxBytes, DEFAULT_MAX_BYTES, tooLarge } from './limits.js';

export interface ReadInputOptions {
  /** Display name (used for format tie-breaking and messages); defaults to the file's base name. */
  name?: string;
  /** Refuse inputs larger than this many bytes. Default 128 MiB. */
  maxBytes?: number;
}

export interface RawInput {
  bytes: Uint8Array;
  name?: string;
}

export { DEFAULT_MAX_BYTES };

/** Read a path or file: URL (bytes pass through), refusing oversize files before reading them. */
export async function readInput(input: string | URL | Uint8Array, options: ReadInputOptions = {}): Promise<RawInput> {
  const maxBytes = checkMaxBytes(options.maxBytes);
  if (input instanceof Uint8Array) return passThrough(input, options.name, maxBytes);
  const path = toPath(input);
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw fsError(error, path, input);
  }
  checkStats(stats, path, maxBytes);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw fsError(error, path, input);
  }
  return finish(buffer, path, options.name, maxBytes);
}

/** Synchronous twin of readInput, for the sync APIs. */
export function readInputSync(input: string | URL | Uint8Array, options: ReadInputOptions = {}): RawInput {
  const maxBytes = checkMaxBytes(options.maxBytes);
  if (input instanceof Uint8Array) return passThrough(input, options.name, maxBytes);
  const path = toPath(input);
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw fsError(error, path, input);
  }
  checkStats(stats, path, maxBytes);
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw fsError(error, path, input);
  }
  return finish(buffer, path, options.name, maxBytes);
}

function passThrough(bytes: Uint8Array, name: string | undefined, maxBytes: number): RawInput {
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes, name);
  return name === undefined ? { bytes } : { bytes, name };
}

function toPath(input: string | URL): string {
  if (input instanceof URL) {
    if (input.protocol !== 'file:') {
      throw new GongwenError(
        ErrorCode.INVALID_OPTIONS,
        `Only file: URLs can be read, got ${input.protocol} (${input.href}). Download it yourself and pass the bytes.`,
      );
    }
    return fileURLToPath(input);
  }
  if (typeof input !== 'string' || input.length === 0) {
    throw new GongwenError(ErrorCode.INVALID_OPTIONS, 'Expected a file path, a file: URL or a Uint8Array of the file contents.');
  }
  // Accept file: URLs passed as strings, as CLIs often do.
  return input.startsWith('file://') ? fileURLToPath(input) : input;
}

function checkStats(stats: Stats, path: string, maxBytes: number): void {
  if (stats.isDirectory()) {
    throw new GongwenError(ErrorCode.FILE_UNREADABLE, `${path} is a directory, not a file.`, { details: { path } });
  }
  // Non-regular files (pipes, /dev/stdin) report size 0; they are size-checked after reading.
  if (stats.isFile() && stats.size > maxBytes) throw tooLarge(stats.size, maxBytes, path);
}

function finish(buffer: Buffer, path: string, name: string | undefined, maxBytes: number): RawInput {
  if (buffer.length > maxBytes) throw tooLarge(buffer.length, maxBytes, path);
  // A plain Uint8Array view (no copy): Buffer's extra behaviour shouldn't leak to callers.
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { bytes, name: name ?? basename(path) };
}

function fsError(error: unknown, path: string, input: string | URL): GongwenError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') {
    // A long or multi-line "path" is almost always document text passed to the wrong API.
    const looksLikeText = typeof input === 'string' && (input.includes('\n') || input.length > 1024);
    const hint = looksLikeText ? ' This looks like document text, not a path: pass text to the text-parsing API instead.' : '';
    const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
    return new GongwenError(ErrorCode.FILE_NOT_FOUND, `File not found: ${shown}.${hint}`, { cause: error, details: { path: shown } });
  }
  if (code === 'EISDIR') {
    return new GongwenError(ErrorCode.FILE_UNREADABLE, `${path} is a directory, not a file.`, { cause: error, details: { path } });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new GongwenError(ErrorCode.FILE_UNREADABLE, `Permission denied reading ${path}.`, { cause: error, details: { path } });
  }
  return new GongwenError(ErrorCode.FILE_UNREADABLE, `Could not read ${path}: ${(error as Error)?.message ?? String(error)}`, {
    cause: error,
    details: { path, code },
  });
}
