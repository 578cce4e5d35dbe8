/** The input size limit, shared by path reading (Node) and byte input (everywhere). No file system here. */
import { ErrorCode, GongwenError } from '../errors.js';

/** Default `maxBytes`: 128 MiB. */
export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

/** Validate a `maxBytes` option, defaulting it. */
export function checkMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_MAX_BYTES;
  if (typeof maxBytes !== 'number' || !(maxBytes > 0)) {
    throw new GongwenError(ErrorCode.INVALID_OPTIONS, `maxBytes must be a positive number of bytes, got ${String(maxBytes)}.`);
  }
  return maxBytes;
}

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${n} bytes`;
}

/** The TOO_LARGE error for an input of `size` bytes over `maxBytes`. */
export function tooLarge(size: number, maxBytes: number, what: string | undefined): GongwenError {
  return new GongwenError(
    ErrorCode.TOO_LARGE,
    `${what ?? 'The input'} is ${mib(size)}, over the ${mib(maxBytes)} limit. ` +
      `Pass a larger limit (e.g. { maxBytes: ${Math.ceil(size / (1024 * 1024)) * 1024 * 1024} }) or split the file.`,
    { details: { size, maxBytes } },
  );
}
