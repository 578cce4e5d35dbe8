/**
 * Which files a batch converts, what they are called relative to the archive
 * root, where their outputs go (safe names that cannot leave --out), and which
 * shard each belongs to.
 */
import { createHash } from 'node:crypto';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { GongwenError } from '../errors.js';
import { FORMAT_EXTENSIONS } from '../extract/registry.js';

/**
 * Extensions picked up when walking a folder: every extension a registered
 * format claims (extract/registry.ts). Files named explicitly are converted
 * whatever their extension (the format is sniffed from the content).
 */
export const SUPPORTED_EXTENSIONS: readonly string[] = FORMAT_EXTENSIONS;

/** One input of a batch, with its names. */
export interface InputFile {
  /** Absolute path on this machine. */
  abs: string;
  /** Relative to the archive root, `/`-separated: the manifest key and the shard key. */
  rel: string;
  /** The output file, relative to --out, `/`-separated (json format). */
  out: string;
}

/**
 * Why a path seen while walking a folder is not converted: `symlink` (not
 * followed; see `followSymlinks`), `symlink outside the input roots`,
 * `symlink loop`, `broken symlink`, `not a supported extension`, `hidden`
 * (a name starting with `.`), `not a regular file` (FIFO, socket, device),
 * `unreadable` (a folder that cannot be listed).
 */
export type SkipReason =
  | 'symlink'
  | 'symlink outside the input roots'
  | 'symlink loop'
  | 'broken symlink'
  | 'not a supported extension'
  | 'hidden'
  | 'not a regular file'
  | 'unreadable';

/** A path seen while walking a folder but not converted, and why. */
export interface SkippedInput {
  /** Absolute path on this machine. */
  abs: string;
  /** Relative to the archive root, `/`-separated (the manifest's `input`). */
  rel: string;
  /** Why it was not converted. */
  reason: SkipReason;
}

/**
 * How `convert` treats symbolic links met while walking folders: `false`
 * (default) lists them as skipped; `true` follows links whose target lies
 * inside an input folder; `'anywhere'` follows them wherever they point.
 * Folders are entered once each (by their real path), so link loops end.
 */
export type FollowSymlinks = boolean | 'anywhere';

/** The inputs of a batch, as {@link collectInputs} finds them. */
export interface CollectedInputs {
  /** The archive root: the deepest folder containing every argument. */
  root: string;
  /** The files to convert, sorted by relative path. */
  files: InputFile[];
  /** Paths seen while walking folders but not converted, with the reason, sorted by relative path. */
  skipped: SkippedInput[];
  /** `skipped.length`. */
  ignored: number;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_SEGMENT_BYTES = 200;

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** One path segment made safe on Linux, macOS and Windows; never empty, `.` or `..`. */
export function safeSegment(segment: string): string {
  let s = segment.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_');
  s = s.replace(/[. ]+$/, (m) => '_'.repeat(m.length)); // Windows drops trailing dots/spaces; '..' → '__'
  if (s === '') s = '_';
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) {
    let cut = '';
    for (const ch of s) {
      if (Buffer.byteLength(cut + ch) > MAX_SEGMENT_BYTES - 9) break;
      cut += ch;
    }
    s = `${cut}~${hash8(segment)}`;
  }
  return s;
}

/**
 * A relative `/`-separated path that stays inside any folder it is joined to:
 * `\` and `/` both split, empty and `.` segments are dropped, `..` becomes `__`,
 * a leading `/` or drive letter cannot make it absolute. Each segment is also
 * made safe on Linux, macOS and Windows (NFC; control and `<>:"|?*` characters
 * and trailing dots/spaces replaced by `_`; reserved names like `con` prefixed
 * with `_`; segments over 200 bytes cut and suffixed with a hash).
 *
 * @param path - A relative path, e.g. an input path from a manifest.
 * @returns The safe path; `_` when nothing is left.
 */
export function safeRelativePath(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return '_';
  return parts.map(safeSegment).join('/');
}

/** Join a relative output path to `outDir`, refusing anything that would land outside it. */
export function resolveInside(outDir: string, relPath: string): string {
  const root = resolve(outDir);
  const abs = resolve(root, safeRelativePath(relPath));
  if (!abs.startsWith(root + sep)) {
    throw new GongwenError('INVALID_OPTIONS', `Refusing to write outside the output folder: ${relPath}`);
  }
  return abs;
}

/**
 * The shard (0 … count-1) an input belongs to: stable by the hash of its relative path.
 *
 * @param rel - The input path relative to the archive root, `/`-separated (a manifest `input`).
 * @param count - Number of shards (a positive integer).
 * @returns The 0-based shard index.
 */
export function shardOf(rel: string, count: number): number {
  const h = createHash('sha256').update(rel).digest();
  return h.readUIntBE(0, 6) % count;
}

function commonAncestor(dirs: string[]): string {
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (common !== d && !d.startsWith(common.endsWith(sep) ? common : common + sep)) {
      const up = dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

/** The folder part of a glob before its first dynamic segment (`archive/20*` → `archive`). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

/** What {@link walk} reports for each entry it does not descend into or return. */
type OnSkip = (abs: string, reason: SkipReason) => void;

/**
 * Every regular file under `dir`, depth first, without recursion. Hidden
 * entries (`.name`), FIFOs and other special files, and (unless `follow`)
 * symbolic links are reported through `onSkip`, never dropped silently; so is
 * a folder that cannot be listed. `skip` (the output folder) is left out
 * quietly. Followed links are resolved to their real path: a folder is entered
 * once, so loops end; with `follow: true` a target outside `roots` is skipped.
 * Written by hand rather than with a glob: glob libraries drop names that look
 * like patterns or escapes (a Linux file may be called `..\\..\\x.txt`), and a
 * batch must not lose files silently.
 */
function walk(dir: string, skip: string, onFile: (abs: string) => void, onSkip: OnSkip, follow: FollowSymlinks, roots: string[]): void {
  const seen = new Set<string>();
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const stack = [dir];
  seen.add(real(dir) ?? dir);
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (isInside(d, skip)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      onSkip(d, 'unreadable');
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      const abs = join(d, e.name);
      if (isInside(abs, skip)) continue;
      if (e.name.startsWith('.')) {
        onSkip(abs, 'hidden');
        continue;
      }
      if (e.isSymbolicLink()) {
        if (!follow) {
          onSkip(abs, 'symlink');
          continue;
        }
        const target = real(abs);
        if (target === undefined) {
          onSkip(abs, 'broken symlink');
          continue;
        }
        if (follow !== 'anywhere' && !roots.some((r) => isInside(target, r))) {
          onSkip(abs, 'symlink outside the input roots');
          continue;
        }
        let st;
        try {
          st = statSync(target);
        } catch {
          onSkip(abs, 'unreadable');
          continue;
        }
        if (st.isDirectory()) {
          if (seen.has(target) || isInside(target, skip)) onSkip(abs, 'symlink loop');
          else seen.add(target), stack.push(abs);
        } else if (st.isFile()) onFile(abs);
        else onSkip(abs, 'not a regular file');
        continue;
      }
      if (e.isDirectory()) {
        // a folder reached twice (through a followed link elsewhere) is walked once
        const r = follow ? (real(abs) ?? abs) : abs;
        if (follow && seen.has(r)) {
          onSkip(abs, 'symlink loop');
          continue;
        }
        seen.add(r);
        stack.push(abs);
      } else if (e.isFile()) onFile(abs);
      else onSkip(abs, 'not a regular file');
    }
  }
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function hasSupportedExtension(path: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase());
}

/**
 * Expand folders (recursively; hidden files and the output folder are not
 * entered, symlinks only with `followSymlinks`), files and globs into a
 * sorted, de-duplicated list with relative names and collision-free safe
 * output names, plus every path seen in a folder but not converted, with its
 * reason. A literal path that does not exist is an INVALID_OPTIONS error.
 */
export async function collectInputs(
  args: string[],
  options: { cwd?: string; out: string; followSymlinks?: FollowSymlinks },
): Promise<CollectedInputs> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const outDir = resolve(cwd, options.out);
  const follow = options.followSymlinks ?? false;
  const found = new Set<string>();
  const bases: string[] = [];
  const skippedAbs = new Map<string, SkipReason>();
  const add = (abs: string, fromWalk: boolean) => {
    if (isInside(abs, outDir)) return;
    if (fromWalk && !hasSupportedExtension(abs)) {
      skippedAbs.set(abs, 'not a supported extension');
      return;
    }
    found.add(abs);
  };
  const onSkip: OnSkip = (abs, reason) => {
    if (!found.has(abs)) skippedAbs.set(abs, reason);
  };
  // input folders by their real path: where followed links may point (unless 'anywhere')
  const roots: string[] = [];
  for (const arg of args) {
    try {
      const abs = resolve(cwd, arg);
      if (statSync(abs).isDirectory()) roots.push(realpathSync(abs));
    } catch {
      // not a folder: globs and files add no root
    }
  }
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let kind: 'dir' | 'file' | 'none' = 'none';
    try {
      const st = statSync(abs);
      kind = st.isDirectory() ? 'dir' : 'file';
    } catch {
      kind = 'none';
    }
    if (kind === 'dir') {
      bases.push(abs);
      walk(abs, outDir, (p) => add(p, true), onSkip, follow, roots);
    } else if (kind === 'file') {
      bases.push(dirname(abs));
      add(abs, false);
    } else if (isDynamicPattern(arg)) {
      bases.push(resolve(cwd, globBase(arg)));
      const pattern = isAbsolute(arg) ? arg : arg.replace(/\\/g, '/');
      const paths = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
      for (const p of paths) add(resolve(p), false);
    } else {
      throw new GongwenError('INVALID_OPTIONS', `No such file or folder: ${arg}`);
    }
  }
  const root = bases.length > 0 ? commonAncestor(bases) : cwd;
  const relOf = (abs: string) => relative(root, abs).split(sep).join('/');
  // a path both found (a file named explicitly, a glob) and skipped in a walk is an input
  const skipped: SkippedInput[] = [...skippedAbs]
    .filter(([abs]) => !found.has(abs))
    .map(([abs, reason]) => ({ abs, rel: relOf(abs), reason }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const rels = [...found].map((abs) => ({ abs, rel: relOf(abs) }));
  rels.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  // Safe output names, disambiguated when two inputs map to the same name
  // (also case-insensitively, for Windows and macOS file systems).
  const taken = new Set<string>();
  const files: InputFile[] = rels.map(({ abs, rel }) => {
    let out = `${safeRelativePath(rel)}.json`;
    if (taken.has(out.toLowerCase())) out = `${out.slice(0, -'.json'.length)}~${hash8(rel)}.json`;
    taken.add(out.toLowerCase());
    return { abs, rel, out };
  });
  return { root, files, skipped, ignored: skipped.length };
}
