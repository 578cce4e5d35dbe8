/**
 * Raw DEFLATE and CRC-32 without node:zlib, for the browser build (swapped in
 * for zlib-node.ts). Inflation uses fflate's streaming inflater fed in small
 * slices, so a lying size header is caught after at most one slice's output
 * instead of after inflating a whole decompression bomb.
 */
import { Inflate } from 'fflate';

/** Thrown by `inflateRaw` when the data inflates past `maxSize` (a lying size header). */
export class InflateOverflowError extends Error {
  constructor(maxSize: number) {
    super(`inflates past ${maxSize} bytes`);
    this.name = 'InflateOverflowError';
  }
}

/** Compressed bytes fed per step: DEFLATE's 1032:1 ceiling bounds one step's output to ~16 MiB. */
const SLICE = 16 * 1024;

/**
 * Inflate raw DEFLATE data, never producing more than `maxSize` bytes:
 * more throws InflateOverflowError instead of allocating it.
 */
export function inflateRaw(data: Uint8Array, maxSize: number): Uint8Array {
  const out = new Uint8Array(maxSize);
  let filled = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > maxSize) throw new InflateOverflowError(maxSize);
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) done = true;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  if (!done) throw new Error('unexpected end of DEFLATE data');
  return out.subarray(0, filled);
}

let table: Uint32Array | undefined;

/** CRC-32 (the ZIP/PNG polynomial) of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
