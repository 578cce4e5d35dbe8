/** Reading manifests and JSON Lines outputs back, tolerating a torn last line from a killed run. */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { ConvertManifestEntry } from './schema.js';

/**
 * Read a batch manifest back: its entries keyed by input path; when an input
 * appears twice (a killed run), the last line wins. Blank lines, a torn last
 * line and lines that do not match {@link ConvertManifestEntry} are skipped.
 *
 * @param path - The manifest file (e.g. `out/_manifest.jsonl`).
 * @returns The entries by `input`; empty when the file does not exist.
 */
export function readManifest(path: string): Map<string, ConvertManifestEntry> {
  const entries = new Map<string, ConvertManifestEntry>();
  if (!existsSync(path)) return entries;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // a torn last line
    }
    const parsed = ConvertManifestEntry.safeParse(value);
    if (parsed.success) entries.set(parsed.data.input, parsed.data);
  }
  return entries;
}

/** Where one input's line sits in a jsonl output: byte offset, byte length (newline included) and the input's SHA-256. */
export interface JsonlLine {
  offset: number;
  length: number;
  sha256: string;
}

const PREFIX = /^\{"input":("(?:[^"\\]|\\.)*"),"sha256":"([0-9a-f]{64})",/;

/**
 * Index a jsonl output by input without parsing the documents: every line
 * starts with {"input":…,"sha256":…. Returns byte offsets of complete lines.
 */
export function indexJsonl(path: string): Map<string, JsonlLine> {
  const index = new Map<string, JsonlLine>();
  if (!existsSync(path)) return index;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const head = Buffer.allocUnsafe(8192);
    let pos = 0;
    let lineStart = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        if (nl === -1 || nl >= n) break;
        const lineEnd = pos + nl; // exclusive of the newline
        const length = lineEnd - lineStart;
        const h = readSync(fd, head, 0, Math.min(head.length, length), lineStart);
        const m = PREFIX.exec(head.subarray(0, h).toString('utf8'));
        if (m) index.set(JSON.parse(m[1]) as string, { offset: lineStart, length: length + 1, sha256: m[2] });
        lineStart = lineEnd + 1;
        from = nl + 1;
      }
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return index;
}
