/**
 * The one OLE compound-file (CFB, [MS-CFB]) reader: the stream names the
 * sniffer needs to tell a Word document from a spreadsheet or a
 * presentation, with every sector chain checked on the way (each ends,
 * stays inside the file, never revisits a sector). word-extractor follows
 * chains without such checks, and a loop in a damaged or hostile allocation
 * table makes it grow an array until the process dies, so the .doc adapter
 * runs this first. Only the header, the allocation tables and the directory
 * are read; no stream is copied. (cfb does this too, but it pulls in `fs`,
 * which breaks browser bundles, and does not check chains for loops.)
 */
import { ErrorCode, GongwenError } from '../errors.js';

const END = 0xfffffffe; // ENDOFCHAIN
const FREE = 0xffffffff;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

function bad(why: string): GongwenError {
  return new GongwenError(
    ErrorCode.FILE_CORRUPT,
    `This is an OLE compound file (.doc, .wps, .xls, .et, .ppt…) but it is damaged or truncated (${why}). Re-save it from Word or WPS.`,
  );
}

/** Names of the streams and storages, after checking every sector chain. Throws FILE_CORRUPT on damage. */
export function compoundStreamNames(bytes: Uint8Array): string[] {
  if (!isCompoundFile(bytes) || bytes.length < 512) throw bad('shorter than its header');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = v.getUint16(30, true);
  const miniShift = v.getUint16(32, true);
  if (shift < 7 || shift > 16 || miniShift > shift) throw bad('impossible sector size');
  const size = 1 << shift;
  const perSector = size / 4;
  const sectors = Math.ceil((bytes.length - size) / size); // sectors after the header (a short last one counts)
  const at = (s: number) => size + s * size;
  const u32 = (o: number) => (o + 4 <= bytes.length ? v.getUint32(o, true) : END);

  // The FAT's own sectors: 109 listed in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(76 + i * 4);
    if (s < sectors) fatSectors.push(s);
  }
  const seenDifat = new Set<number>();
  for (let d = u32(68); d < sectors; d = u32(at(d) + size - 4)) {
    if (seenDifat.has(d)) throw bad('a loop in its DIFAT');
    seenDifat.add(d);
    for (let i = 0; i < perSector - 1; i++) {
      const s = u32(at(d) + i * 4);
      if (s < sectors) fatSectors.push(s);
    }
  }
  const table = (list: number[]) => {
    const t = new Uint32Array(list.length * perSector);
    list.forEach((s, k) => {
      for (let i = 0; i < perSector; i++) t[k * perSector + i] = u32(at(s) + i * 4);
    });
    return t;
  };
  const fat = table(fatSectors);

  // A sector met twice in one walk is a loop: stamps per table (no Set per chain).
  const stamps = new Map<Uint32Array, Uint32Array>();
  let walkId = 0;
  /** The sectors of a chain; a loop, or a sector outside `limit`, is damage. */
  const walk = (t: Uint32Array, start: number, limit: number, what: string): number[] => {
    let stamp = stamps.get(t);
    if (!stamp) stamps.set(t, (stamp = new Uint32Array(t.length)));
    const out: number[] = [];
    walkId++;
    for (let s = start; s !== END && s !== FREE; s = t[s]) {
      if (s >= limit || s >= t.length) throw bad(`${what} points outside the file`);
      if (stamp[s] === walkId) throw bad(`a loop in the chain of ${what}`);
      stamp[s] = walkId;
      out.push(s);
    }
    return out;
  };

  const dir = walk(fat, u32(48), sectors, 'the directory');
  const miniFat = table(walk(fat, u32(60), sectors, 'the mini allocation table'));
  const cutoff = u32(56);
  const names: string[] = [];
  let miniSectors = 0;
  for (const sector of dir) {
    for (let e = at(sector); e + 128 <= at(sector) + size && e + 128 <= bytes.length; e += 128) {
      const type = bytes[e + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue; // storage, stream, root; 0 is an unused slot
      // UTF-16LE, at most 31 characters and a terminator
      const chars = Math.max(0, Math.min(v.getUint16(e + 64, true), 64) / 2 - 1);
      let name = '';
      for (let k = 0; k < chars; k++) name += String.fromCharCode(v.getUint16(e + 2 * k, true));
      const start = u32(e + 116);
      const streamSize = u32(e + 120);
      if (type === 5) {
        // The root entry's chain is the mini stream that small streams live in (it comes first in the directory).
        miniSectors = walk(fat, start, sectors, 'the mini stream').length * (size >> miniShift);
      } else if (type === 2) {
        if (streamSize < cutoff) walk(miniFat, start, miniSectors, name);
        else walk(fat, start, sectors, name);
      }
      if (type !== 5 && name) names.push(name);
    }
  }
  return names;
}
