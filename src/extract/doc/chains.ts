/**
 * A guard run before word-extractor: every sector chain of the compound file
 * (directory, mini-FAT, and each stream's chain) must end, stay inside the
 * file and never revisit a sector. word-extractor follows chains without
 * such checks, and a damaged or hostile allocation table with a loop makes
 * it grow an array until the process dies ([MS-CFB] §2.3, §2.6).
 */
import { ErrorCode, GongwenError } from '../../errors.js';

const END = 0xfffffffe; // ENDOFCHAIN
const FREE = 0xffffffff;

function bad(why: string): GongwenError {
  return new GongwenError(ErrorCode.FILE_CORRUPT, `The compound file is damaged (${why}). Re-save it from Word or WPS.`);
}

export function checkSectorChains(bytes: Uint8Array): void {
  if (bytes.length < 512) throw bad('shorter than its header');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = v.getUint16(30, true);
  const miniShift = v.getUint16(32, true);
  if (shift < 7 || shift > 16 || miniShift > shift) throw bad('impossible sector size');
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size) + 1; // sectors the file can hold (the header takes the first `size` bytes)
  const at = (s: number) => size + s * size;
  const u32 = (o: number) => (o + 4 <= bytes.length ? v.getUint32(o, true) : END);

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(76 + i * 4);
    if (s < sectors) fatSectors.push(s);
  }
  const seenDifat = new Set<number>();
  for (let d = u32(68); d < sectors; d = u32(at(d) + size - 4)) {
    if (seenDifat.has(d)) throw bad('a loop in its DIFAT');
    seenDifat.add(d);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(at(d) + i * 4);
      if (s < sectors) fatSectors.push(s);
    }
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = u32(at(s) + i * 4);
  });

  /** Walk a FAT-style chain; returns its sectors. */
  const walk = (table: Uint32Array, start: number, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END && s !== FREE; s = table[s]) {
      if (s >= limit || s >= table.length) throw bad(`${what} points outside the file`);
      if (seen.has(s)) throw bad(`a loop in the chain of ${what}`);
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const dir = walk(fat, u32(48), sectors, 'the directory');
  const miniFatSectors = walk(fat, u32(60), sectors, 'the mini allocation table');
  const miniFat = new Uint32Array(miniFatSectors.length * (size / 4));
  miniFatSectors.forEach((s, k) => {
    for (let i = 0; i < size / 4; i++) miniFat[k * (size / 4) + i] = u32(at(s) + i * 4);
  });
  const cutoff = u32(56);
  let miniStreamSectors = 0;
  for (let k = 0; k < dir.length; k++) {
    for (let e = at(dir[k]); e < at(dir[k]) + size; e += 128) {
      const type = bytes[e + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue; // storage, stream, root
      const start = u32(e + 116);
      const streamSize = u32(e + 120);
      if (type === 5) {
        miniStreamSectors = walk(fat, start, sectors, 'the mini stream').length;
      } else if (type === 2) {
        if (streamSize < cutoff) walk(miniFat, start, miniStreamSectors * (size >> miniShift), 'a stream');
        else walk(fat, start, sectors, 'a stream');
      }
    }
  }
}
