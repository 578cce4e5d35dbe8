import { ErrorCode, GongwenError } from '../errors.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { stripControlChars } from './control-chars.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text, control characters removed (see {@link stripControlChars}). */
  text: string;
  encoding: TextEncoding;
  /** CONTROL_CHARS_REMOVED diagnostics (spans into `text`); absent when none were removed. */
  diagnostics?: Diagnostic[];
}

const SUPPORTED =
  'Supported inputs are text (UTF-8, UTF-16 or GB18030/GBK), Markdown, HTML, DOCX and PDF.';

// Decoders are stateless between decode() calls; build them once (this runs on many files).
const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Loose = new TextDecoder('utf-8', { ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
const utf16leFatal = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16beFatal = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/** How many leading bytes the binary / UTF-16 heuristics look at (git uses 8000 the same way). */
const SAMPLE = 8192;

/**
 * Decode a text file of unknown encoding: BOM, then strict UTF-8, then GB18030
 * (a superset of GBK/GB2312, the other encoding Chinese government sites use).
 * Throws EMPTY_INPUT for nothing-but-whitespace and BINARY_INPUT for non-text.
 * Control characters are then dropped, each run reported as a diagnostic.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw empty();

  const bom = bomOf(bytes);
  let result: DecodedText;
  if (bom) {
    const body = bytes.subarray(bom.length);
    const decoder = bom.encoding === 'utf-16le' ? utf16le : bom.encoding === 'utf-16be' ? utf16be : utf8Loose;
    result = { text: decoder.decode(body), encoding: bom.encoding };
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      result = { text: utf16.text, encoding: utf16.encoding };
    } else {
      if (hasNul(bytes)) throw binary('it contains NUL bytes');
      result = decodeUtf8OrGb(bytes);
    }
  }

  if (isBlank(result.text)) throw empty();
  const bad = badCharRatio(result.text);
  if (bad > 0.05) throw binary(`${Math.round(bad * 100)}% of its characters are control or undecodable characters`);
  const stripped = stripControlChars(result.text);
  if (stripped.diagnostics.length === 0) return result;
  if (isBlank(stripped.text)) throw empty();
  return { ...result, text: stripped.text, diagnostics: stripped.diagnostics };
}

/**
 * Best-effort, never-throwing decode of the first `maxBytes` bytes, for format
 * sniffing. The markers sniffing looks for are ASCII, so a GB18030 file read as
 * UTF-8 still sniffs right; only UTF-16 needs real decoding.
 */
export function decodeHead(bytes: Uint8Array, maxBytes = SAMPLE): string {
  const head = bytes.subarray(0, maxBytes);
  const bom = bomOf(head);
  if (bom) {
    const body = head.subarray(bom.length);
    if (bom.encoding === 'utf-16le') return utf16le.decode(body);
    if (bom.encoding === 'utf-16be') return utf16be.decode(body);
    return utf8Loose.decode(body);
  }
  const order = utf16Order(head);
  if (order === 'le') return utf16le.decode(head);
  if (order === 'be') return utf16be.decode(head);
  return utf8Loose.decode(head);
}

function decodeUtf8OrGb(bytes: Uint8Array): DecodedText {
  // Pure ASCII is valid UTF-8; the fatal decoder is the fast path for the common case.
  try {
    return { text: utf8Fatal.decode(bytes), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a few bad bytes (a scrape cut mid-character, one corrupted byte) is still UTF-8;
    // reading it as GB18030 would garble every Chinese character instead of losing one.
    const { valid, invalid } = utf8Stats(bytes);
    if (valid > 0 && invalid <= valid * 0.01) return { text: utf8Loose.decode(bytes), encoding: 'utf-8' };
    // Otherwise GB18030, which decodes every GBK / GB2312 file (its superset), the usual legacy encoding.
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * Count well-formed multi-byte UTF-8 sequences and bytes that fit no sequence.
 * GBK text looks like UTF-8 about one pair in ten, so the ratio separates them cleanly.
 */
function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function bomOf(bytes: Uint8Array): { encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be'; length: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM. NULs in the first bytes are the trigger (ASCII, digits and
 * newlines leave a NUL in every other byte); the decision is whether the sample
 * reads as Chinese/ASCII text in one byte order. Random binary reads as neither,
 * and the wrong byte order turns CJK into unrelated blocks.
 */
function utf16Order(sample: Uint8Array): 'le' | 'be' | undefined {
  if (sample.indexOf(0) === -1) return undefined;
  const even = sample.subarray(0, sample.length - (sample.length % 2));
  const le = plausibleRatio(utf16le.decode(even));
  const be = plausibleRatio(utf16be.decode(even));
  if (le >= 0.8 && le > be) return 'le';
  if (be >= 0.8 && be > le) return 'be';
  return undefined;
}

function guessUtf16(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const order = utf16Order(bytes.subarray(0, SAMPLE));
  if (!order) return undefined;
  try {
    // Fatal: binary after a text-looking head almost always has an unpaired surrogate.
    const text = (order === 'le' ? utf16leFatal : utf16beFatal).decode(bytes);
    return { text, encoding: order === 'le' ? 'utf-16le' : 'utf-16be' };
  } catch {
    return undefined;
  }
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SAMPLE).indexOf(0) !== -1;
}

function isBlank(text: string): boolean {
  // trim() covers ASCII and Unicode spaces incl. U+3000 and a stray U+FEFF.
  return text.trim().length === 0;
}

/** Share of characters that never occur in real text: C0/C1 controls (bar whitespace), NUL, U+FFFD. */
function badCharRatio(text: string): number {
  const n = Math.min(text.length, 1 << 20);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1a) bad++;
    } else if ((c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
      bad++;
    }
  }
  return n === 0 ? 0 : bad / n;
}

/** Share of characters in the ranges Chinese documents are made of (ASCII, CJK, CJK/full-width punctuation). */
function plausibleRatio(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0xa0 && c <= 0xff)
    )
      good++;
  }
  return n === 0 ? 0 : good / n;
}

function empty(): GongwenError {
  return new GongwenError(ErrorCode.EMPTY_INPUT, 'The input is empty (no text after removing whitespace and byte-order marks).');
}

function binary(why: string): GongwenError {
  return new GongwenError(
    ErrorCode.BINARY_INPUT,
    `The input does not look like text (${why}). ${SUPPORTED} Scanned images and other binary files must be converted first.`,
  );
}
