/**
 * The one ZIP reader (DOCX and OFD packages, and the sniffer's look at a
 * ZIP's entry names). The central directory is read first so declared sizes
 * can be checked (decompression bombs) before anything is inflated, and only
 * the parts we need are inflated, capped at the declared size. Inflation is
 * node:zlib in Node and fflate in the browser build (the build swaps
 * platform/zlib-node.ts for platform/zlib-browser.ts).
 */
import { crc32, inflateRaw, InflateOverflowError } from '../platform/zlib-node.js';
import { ErrorCode, GongwenError } from '../errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes allowed. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are never treated as bombs, whatever their ratio. */
  ratioFloorBytes: number;
  /** What the package is, for messages: 'DOCX', 'OFD'. */
  label?: string;
}

/** The bomb guard every ZIP-based format shares; `maxUncompressedBytes` is the caller's option. */
export function zipLimits(maxUncompressedBytes: number | undefined, label: string): ZipLimits {
  return { maxUncompressedBytes: maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED, maxRatio: 100, ratioFloorBytes: 1024 * 1024, label };
}

/** Default `maxUncompressedBytes`: 200 MB. */
export const DEFAULT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corruptError(label: string, message: string, cause?: unknown): GongwenError {
  const fix = label === 'DOCX' ? 're-save it from Word or WPS' : 're-export it';
  return new GongwenError(ErrorCode.FILE_CORRUPT, `${message} The ${label} is damaged or truncated; ${fix}.`, { cause });
}

function tooLarge(message: string, details: Record<string, unknown>): GongwenError {
  return new GongwenError(ErrorCode.TOO_LARGE, message, { details });
}

export class ZipArchive {
  readonly entries: Map<string, ZipEntry>;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly label: string;

  private constructor(bytes: Uint8Array, entries: Map<string, ZipEntry>, label: string) {
    this.label = label;
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = entries;
  }

  /** Parse the central directory and enforce the size limits. Inflates nothing. */
  static open(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
    const label = limits.label ?? 'DOCX';
    const corrupt = (message: string, cause?: unknown) => corruptError(label, message, cause);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const looksZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL;
    if (bytes.length >= 8 && view.getUint32(0) === 0xd0cf11e0) {
      // OLE compound file: a legacy .doc, or a password-protected DOCX (Office wraps those in OLE).
      throw new GongwenError(
        ErrorCode.UNSUPPORTED_FORMAT,
        `This is an OLE compound file (a legacy .doc, or a password-protected .docx), not a ${label}. Remove the password or save it as .docx.`,
      );
    }
    // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      if (looksZip) throw corrupt('The ZIP end-of-central-directory record is missing.');
      throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, `Not a ${label}: the file is not a ZIP archive.`);
    }
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
      const at = Number(view.getBigUint64(eocd - 12, true));
      if (at + 56 > bytes.length || view.getUint32(at, true) !== EOCD64) throw corrupt('The ZIP64 directory record is missing.');
      count = Number(view.getBigUint64(at + 32, true));
      cdSize = Number(view.getBigUint64(at + 40, true));
      cdOffset = Number(view.getBigUint64(at + 48, true));
    }
    if (cdOffset + cdSize > bytes.length) throw corrupt('The ZIP central directory points past the end of the file.');

    const entries = new Map<string, ZipEntry>();
    const decoder = new TextDecoder();
    let total = 0;
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt('A ZIP central directory entry is malformed.');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      let compressedSize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // ZIP64 extra field: the 0xFFFFFFFF fields above are replaced, in order, by 64-bit values.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      // a damaged directory entry whose fields run past the file: FILE_CORRUPT, not a DataView RangeError (found by fuzzing)
      if (extraEnd + commentLen > bytes.length) throw corrupt(`ZIP directory entry ${entries.size + 1} runs past the end of the file.`);
      while (e + 4 <= extraEnd) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001 && e + 4 + len <= extraEnd) {
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= e + 4 + len) (size = Number(view.getBigUint64(q, true))), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = Number(view.getBigUint64(q, true))), (q += 8);
          if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = Number(view.getBigUint64(q, true));
        }
        e += 4 + len;
      }
      p = extraEnd + commentLen;
      total += size;
      if (total > limits.maxUncompressedBytes) {
        throw tooLarge(`The ${label} would expand to more than ${limits.maxUncompressedBytes} bytes; refusing to unpack it (raise maxUncompressedBytes if it is genuine).`, {
          declaredBytes: total,
          maxUncompressedBytes: limits.maxUncompressedBytes,
        });
      }
      if (size > limits.ratioFloorBytes && size / Math.max(compressedSize, 1) > limits.maxRatio) {
        throw tooLarge(`ZIP entry ${name} claims a compression ratio over ${limits.maxRatio}:1; refusing to unpack a likely decompression bomb.`, {
          entry: name,
          size,
          compressedSize,
        });
      }
      entries.set(name, { name, method, flags, crc, compressedSize, size, localOffset });
    }
    return new ZipArchive(bytes, entries, label);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry name for `name`, ignoring a leading `/`, `\\` separators and case (OFD paths are written loosely). */
  find(name: string): string | undefined {
    const want = name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (this.entries.has(want)) return want;
    const lower = want.toLowerCase();
    for (const key of this.entries.keys()) if (key.toLowerCase() === lower) return key;
    return undefined;
  }

  /** Inflate one entry, never producing more than its declared size. */
  read(name: string): Uint8Array | undefined {
    const corrupt = (message: string, cause?: unknown) => corruptError(this.label, message, cause);
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const { view, bytes } = this;
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt(`The local header of ${name} is missing.`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(`${name} is cut off.`);
    if (entry.flags & 1) throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, `${name} is encrypted inside the ZIP; remove the password and save again.`);
    const raw = bytes.subarray(start, end);
    let out: Uint8Array;
    if (entry.method === 0) out = raw;
    else if (entry.method === 8) {
      try {
        // The cap turns a lying size header into an error instead of an out-of-memory.
        out = inflateRaw(raw, entry.size);
      } catch (err) {
        if (err instanceof InflateOverflowError) {
          throw tooLarge(`${name} inflates past its declared size (${entry.size} bytes); refusing a likely decompression bomb.`, { entry: name, size: entry.size });
        }
        throw corrupt(`${name} does not inflate.`, err);
      }
    } else throw corrupt(`${name} uses unsupported ZIP compression method ${entry.method}.`);
    if (out.length !== entry.size || crc32(out) !== entry.crc >>> 0) throw corrupt(`${name} fails its size/CRC check.`);
    return out;
  }

  readText(name: string): string | undefined {
    const data = this.read(name);
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  }
}

/**
 * Entry names only, for sniffing: from the central directory, else (a
 * truncated file) by walking local headers from the start. No limits, no
 * inflation, never throws.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  const decode = (flags: number, at: number, len: number) => (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(at, at + len));
  // End-of-central-directory record: 22 bytes + up to 64 KiB comment, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let e = bytes.length - 22; e >= stop; e--) {
    if (bytes[e] !== 0x50 || view.getUint32(e, true) !== EOCD) continue;
    const count = view.getUint16(e + 10, true);
    let p = view.getUint32(e + 16, true);
    for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
      if (view.getUint32(p, true) !== CENTRAL) break;
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      names.push(decode(view.getUint16(p + 8, true), p + 46, nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (names.length > 0) return names;
    break;
  }
  // Local file headers: PK\3\4, name length at +26, extra length at +28, name at +30.
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === LOCAL && names.length < 10_000) {
    const flags = view.getUint16(p + 6, true);
    const compressed = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    names.push(decode(flags, p + 30, nameLen));
    if (flags & 0x08) break; // sizes live in a trailing data descriptor; can't skip reliably
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
}
