/**
 * SHA-256 in Node: node:crypto (native, fast on large PDFs).
 * The browser build swaps this module for crypto-browser.ts (same exports).
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string (hashed as UTF-8) or bytes. Synchronous. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
