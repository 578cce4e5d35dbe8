/**
 * SHA-256 without node:crypto, for the browser build (swapped in for
 * crypto-node.ts). WebCrypto's digest is async only and `parseText` is
 * synchronous, so this uses @noble/hashes (audited, dependency-free).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

/** Hex SHA-256 of a string (hashed as UTF-8) or bytes. Synchronous. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8.encode(data) : data));
}
