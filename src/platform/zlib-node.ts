/**
 * Raw DEFLATE and CRC-32 in Node: node:zlib (native).
 * The browser build swaps this module for zlib-browser.ts (same exports).
 */
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';

/** Thrown by `inflateRaw` when the data inflates past `maxSize` (a lying size header). */
export class InflateOverflowError extends Error {
  constructor(maxSize: number) {
    super(`inflates past ${maxSize} bytes`);
    this.name = 'InflateOverflowError';
  }
}

/**
 * Inflate raw DEFLATE data, never producing more than `maxSize` bytes:
 * more throws InflateOverflowError instead of allocating it.
 */
export function inflateRaw(data: Uint8Array, maxSize: number): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(maxSize, 1) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateOverflowError(maxSize);
    throw err;
  }
}

/** CRC-32 (the ZIP/PNG polynomial) of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}
