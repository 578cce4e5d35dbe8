/**
 * convertArchive: convert a folder tree (or files, or globs) of plan documents
 * with a pool of worker threads, one manifest line per input.
 *
 * Guarantees:
 *  - every input gets exactly one line in the final manifest (converted,
 *    skipped, failed with a code, or pending when the run was stopped);
 *  - outputs are written atomically (temp file + rename); a killed run leaves
 *    at most stray `*.tmp` files, never a half-written JSON;
 *  - a file that hangs or exhausts its worker's heap is failed (TIMEOUT,
 *    OUT_OF_MEMORY), its worker replaced, and the batch goes on;
 *  - re-running skips inputs whose output is up to date (same SHA-256 as in
 *    the manifest, output present); `force` re-converts everything.
 *
 * json format: the manifest is appended line by line while the run goes
 * (progress survives even SIGKILL; on reading, the last line per input wins)
 * and rewritten compactly (one line per input, in input order) at the end.
 * jsonl format: the stream and its manifest are written to temp files and
 * committed together at the end of the run (also on a stop); after a hard kill
 * the previous committed state stands.
 */
import { createHash } from 'node:crypto';
import { createReadStream, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GongwenError } from '../errors.js';
import type { ParseOptions } from '../parse.js';
import { collectInputs, resolveInside, shardOf, type FollowSymlinks, type InputFile, type SkippedInput } from './paths.js';
import { indexJsonl, readManifest, type JsonlLine } from './manifest.js';
import { resolveWorker, startPool, type BatchPool } from './pool.js';
import { BatchErrorCode, type ConvertManifestEntry } from './schema.js';

/** Options for {@link convertArchive}: what to convert, where to, how, and how to stop. `inputs` and `out` are required. */
export interface ConvertOptions {
  /** Folders (walked recursively), files, or globs. */
  inputs: string[];
  /** Output folder (created if missing). Nothing is ever written outside it. */
  out: string;
  /** Worker threads. Default: os.availableParallelism(). */
  jobs?: number;
  /** `json`: one file per input, mirroring the tree; `jsonl`: one stream `documents.jsonl`. Default json. */
  format?: 'json' | 'jsonl';
  /** Indent the JSON (json format). Default false. */
  pretty?: boolean;
  /** Re-convert inputs even when their output is up to date. */
  force?: boolean;
  /** Convert only shard `index` (0-based) of `count`, chosen by the hash of each input's relative path. */
  shard?: { index: number; count: number };
  /** Per-file time limit, ms. Default 60 000. */
  timeoutMs?: number;
  /** Heap limit per worker (V8 old generation), MB. Default 1024. */
  maxMemoryMb?: number;
  /**
   * Symbolic links met while walking folders: not followed by default (each is
   * listed in the manifest as `ignored`, reason `symlink`); `true` follows
   * links that stay inside the input folders; `'anywhere'` follows every
   * link. Loops are cut (each folder is entered once).
   */
  followSymlinks?: FollowSymlinks;
  /** Limits passed to parse(). */
  parse?: Pick<ParseOptions, 'maxBytes' | 'maxPages' | 'maxUncompressedBytes' | 'ocr'>;
  /** Stop gracefully: no new file starts; files in progress get `stopGraceMs` to finish, then are stopped (pending). */
  signal?: AbortSignal;
  /** Stop files in progress at once (they are recorded as pending). */
  killSignal?: AbortSignal;
  /** How long files in progress may finish after `signal` aborts, ms. Default 10 000. */
  stopGraceMs?: number;
  /** Resolve relative inputs and `out` against this folder. Default process.cwd(). */
  cwd?: string;
  /** Called once the inputs are known, before the first result. */
  onStart?: (plan: ConvertPlan) => void;
  /** @internal Lets test inputs starting with `GONGWEN-TEST:` hang, crash or exhaust memory. */
  testHooks?: boolean;
}

/** What a run is about to do, passed to `onStart` once the inputs are known. */
export interface ConvertPlan {
  /** Inputs this run (this shard) is responsible for. */
  total: number;
  /** Paths seen in folders but not converted (this shard's; see `ignored` entries in the manifest). */
  ignored: number;
  /** Inputs outside this shard. */
  otherShards: number;
  /** The archive root that `input` paths are relative to. */
  root: string;
  /** The output folder, absolute. */
  out: string;
  /** The manifest path: `_manifest.jsonl`, or `_manifest.shard-I-of-N.jsonl` for a shard. */
  manifest: string;
  /** jsonl format: the stream file. */
  stream?: string;
  /** Worker threads. */
  jobs: number;
}

/** Counts for a run of {@link convertArchive}, by {@link ConvertStatus}. */
export interface ConvertSummary {
  /** Inputs this run (this shard) is responsible for. */
  total: number;
  /** Inputs converted in this run. */
  converted: number;
  /** Inputs whose output was already up to date. */
  skipped: number;
  /** Inputs that failed (see `failedByCode`). */
  failed: number;
  /** Inputs not reached because the run was stopped. */
  pending: number;
  /** Failures per error code (a GongwenError code or a {@link BatchErrorCode}). */
  failedByCode: Record<string, number>;
  /** Documents and tasks over converted and skipped inputs. */
  documents: number;
  /** Tasks over converted and skipped inputs. */
  tasks: number;
  /** Paths seen in folders but not converted; each is an `ignored` line in the manifest with its reason. */
  ignored: number;
  /** `ignored` per reason (symlink, not a supported extension, unreadable, …). */
  ignoredByReason: Record<string, number>;
  /** Wall time of the run, ms. */
  ms: number;
  /** True when the run was stopped before every input was processed. */
  interrupted: boolean;
  /** The manifest path. */
  manifest: string;
}

/**
 * What {@link convertArchive} returns: an async generator yielding one
 * {@link ConvertManifestEntry} per input and returning the final
 * {@link ConvertSummary}, which is also readable, live, as `summary`.
 */
export type ConvertRun = AsyncGenerator<ConvertManifestEntry, ConvertSummary, undefined> & {
  /** Live counts; final once iteration ends. */
  readonly summary: ConvertSummary;
};

/**
 * Convert an archive (the engine behind `gongwen convert`): parse every input
 * in a pool of worker threads and write one JSON per input (or one jsonl
 * stream) and a manifest under `options.out`. Iterate the result for one
 * manifest entry per input, in completion order; nothing runs until iteration
 * starts, and leaving the loop early stops the run and commits what was done.
 * Inputs already converted with the same SHA-256 are skipped unless `force`.
 * A file's failure (parser error, timeout, out of memory, crash) is recorded
 * in its entry, not thrown.
 *
 * @param options - Inputs, output folder and run settings; see {@link ConvertOptions}.
 * @returns A {@link ConvertRun}: entries as they complete, then the {@link ConvertSummary}.
 * @throws {@link GongwenError} `INVALID_OPTIONS` (from the first `next()`) for
 * missing inputs or `out`, an invalid `jobs`, `format`, `shard`, `timeoutMs` or
 * `maxMemoryMb`, or a literal input path that does not exist; an `Error` when
 * the worker module is missing or the worker pool cannot start.
 */
export function convertArchive(options: ConvertOptions): ConvertRun {
  const summary: ConvertSummary = {
    total: 0,
    converted: 0,
    skipped: 0,
    failed: 0,
    pending: 0,
    failedByCode: {},
    documents: 0,
    tasks: 0,
    ignored: 0,
    ignoredByReason: {},
    ms: 0,
    interrupted: false,
    manifest: '',
  };
  return Object.assign(runBatch(options, summary), { summary });
}

function invalid(message: string): never {
  throw new GongwenError('INVALID_OPTIONS', message);
}

function checkOptions(o: ConvertOptions): void {
  if (!Array.isArray(o.inputs) || o.inputs.length === 0) invalid('convertArchive needs at least one input (folder, file or glob).');
  if (typeof o.out !== 'string' || o.out === '') invalid('convertArchive needs an output folder (out).');
  if (o.jobs !== undefined && !(Number.isInteger(o.jobs) && o.jobs >= 1)) invalid(`jobs must be a positive integer, got ${String(o.jobs)}.`);
  if (o.format !== undefined && o.format !== 'json' && o.format !== 'jsonl') invalid(`format must be json or jsonl, got ${String(o.format)}.`);
  if (o.shard) {
    const { index, count } = o.shard;
    if (!Number.isInteger(count) || count < 1) invalid(`shard count must be a positive integer, got ${String(count)}.`);
    if (!Number.isInteger(index) || index < 0 || index >= count)
      invalid(`shard index must be 0 … ${count - 1} (shards are numbered from 0), got ${String(index)}.`);
  }
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) invalid(`timeoutMs must be positive, got ${String(o.timeoutMs)}.`);
  if (o.maxMemoryMb !== undefined && !(o.maxMemoryMb >= 16)) invalid(`maxMemoryMb must be at least 16, got ${String(o.maxMemoryMb)}.`);
}

async function hashFile(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    await pipeline(createReadStream(path), hash);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

interface Done {
  index: number;
  entry: ConvertManifestEntry;
  /** jsonl: a new line to append, or an old line to copy. */
  line?: string;
  copy?: JsonlLine;
}

async function* runBatch(o: ConvertOptions, summary: ConvertSummary): AsyncGenerator<ConvertManifestEntry, ConvertSummary, undefined> {
  const started = performance.now();
  checkOptions(o);
  const cwd = resolve(o.cwd ?? process.cwd());
  const format = o.format ?? 'json';
  const jobs = o.jobs ?? availableParallelism();
  const timeoutMs = o.timeoutMs ?? 60_000;
  const stopGraceMs = o.stopGraceMs ?? 10_000;
  const outDir = resolve(cwd, o.out);
  resolveWorker(); // fail now, not per file, if the worker module is missing
  mkdirSync(outDir, { recursive: true });

  const collected = await collectInputs(o.inputs, { cwd, out: outDir, followSymlinks: o.followSymlinks });
  let files: InputFile[] = collected.files;
  let skippedPaths: SkippedInput[] = collected.skipped;
  const shard = o.shard && o.shard.count > 1 ? o.shard : undefined;
  if (shard) files = files.filter((f) => shardOf(f.rel, shard.count) === shard.index);
  if (shard) skippedPaths = skippedPaths.filter((f) => shardOf(f.rel, shard.count) === shard.index);
  const ignoredEntries: ConvertManifestEntry[] = skippedPaths.map((f) => ({
    input: f.rel,
    output: null,
    sha256: null,
    status: 'ignored',
    reason: f.reason,
    documents: 0,
    tasks: 0,
    ms: 0,
  }));
  const suffix = shard ? `.shard-${shard.index}-of-${shard.count}` : '';
  const manifestPath = join(outDir, `_manifest${suffix}.jsonl`);
  const streamName = `documents${suffix}.jsonl`;
  const streamPath = join(outDir, streamName);
  summary.total = files.length;
  summary.ignored = ignoredEntries.length;
  for (const e of ignoredEntries) summary.ignoredByReason[e.reason!] = (summary.ignoredByReason[e.reason!] ?? 0) + 1;
  summary.manifest = manifestPath;
  o.onStart?.({
    total: files.length,
    ignored: ignoredEntries.length,
    otherShards: collected.files.length - files.length,
    root: collected.root,
    out: outDir,
    manifest: manifestPath,
    stream: format === 'jsonl' ? streamPath : undefined,
    jobs,
  });

  const previous = o.force ? new Map<string, ConvertManifestEntry>() : readManifest(manifestPath);
  const oldLines = format === 'jsonl' && !o.force ? indexJsonl(streamPath) : new Map<string, JsonlLine>();
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const liveManifestPath = format === 'json' ? manifestPath : `${manifestPath}.${tag}.tmp`;
  const manifestFd = openSync(liveManifestPath, format === 'json' ? 'a' : 'w');
  const streamTmp = `${streamPath}.${tag}.tmp`;
  const streamFd = format === 'jsonl' ? openSync(streamTmp, 'w') : -1;
  const oldStreamFd = oldLines.size > 0 ? openSync(streamPath, 'r') : -1;
  // skipped paths are known up front: on record at once, so even a killed run lists them
  if (ignoredEntries.length) writeSync(manifestFd, ignoredEntries.map((e) => JSON.stringify(e) + '\n').join(''));

  const final = new Map<string, ConvertManifestEntry>();
  let poolStarting: Promise<BatchPool> | undefined;
  let pool: BatchPool | undefined;
  const killers = new Map<number, AbortController>();
  const onStarted = new Map<number, () => void>();
  const inflight = new Map<number, Promise<Done>>();
  let next = 0;
  let stopping = false;
  let fatal: unknown;
  let graceTimer: NodeJS.Timeout | undefined;
  const killAll = () => {
    for (const c of killers.values()) c.abort('stopped');
  };
  const onStop = () => {
    stopping = true;
    graceTimer = setTimeout(killAll, stopGraceMs);
    graceTimer.unref();
  };
  const onKill = () => {
    stopping = true;
    killAll();
  };
  if (o.signal?.aborted) stopping = true;
  else o.signal?.addEventListener('abort', onStop, { once: true });
  if (o.killSignal?.aborted) stopping = true;
  else o.killSignal?.addEventListener('abort', onKill, { once: true });

  const outputOf = (f: InputFile) => (format === 'json' ? f.out : streamName);
  const pendingEntry = (f: InputFile): ConvertManifestEntry => {
    const prev = previous.get(f.rel);
    return { input: f.rel, output: null, sha256: prev?.sha256 ?? null, status: 'pending', documents: 0, tasks: 0, ms: 0 };
  };
  const failedEntry = (f: InputFile, sha256: string | null, code: string, message: string, ms: number): ConvertManifestEntry => ({
    input: f.rel,
    output: null,
    sha256,
    status: 'failed',
    code,
    message,
    documents: 0,
    tasks: 0,
    ms: Math.round(ms),
  });

  const start = async (index: number): Promise<Done> => {
    const f = files[index];
    const t0 = performance.now();
    const prev = previous.get(f.rel);
    if (prev && (prev.status === 'converted' || prev.status === 'skipped') && prev.sha256) {
      const sha = await hashFile(f.abs);
      const upToDate =
        sha === prev.sha256 &&
        (format === 'json' ? prev.output === f.out && existsSync(join(outDir, f.out)) : oldLines.get(f.rel)?.sha256 === sha);
      if (upToDate) {
        const entry: ConvertManifestEntry = {
          input: f.rel,
          output: outputOf(f),
          sha256: sha,
          status: 'skipped',
          ...(prev.format ? { format: prev.format } : {}),
          ...(prev.ocr ? { ocr: true } : {}),
          documents: prev.documents,
          tasks: prev.tasks,
          ms: Math.round(performance.now() - t0),
        };
        return { index, entry, copy: format === 'jsonl' ? oldLines.get(f.rel) : undefined };
      }
    }
    poolStarting ??= startPool({ jobs, maxMemoryMb: o.maxMemoryMb ?? 1024, testHooks: o.testHooks }).then((p) => {
      p.on('message', (m: { gongwenStarted?: number } | null) => {
        if (typeof m?.gongwenStarted === 'number') onStarted.get(m.gongwenStarted)?.();
      });
      return (pool = p);
    });
    const workers = await poolStarting;
    const controller = new AbortController();
    killers.set(index, controller);
    // The time limit runs from the worker's "started" message (not from the
    // dispatch: a replacement worker may still be booting); the backstop covers
    // a worker that never starts the task at all.
    let timer = setTimeout(() => controller.abort('timeout'), timeoutMs * 2 + 60_000);
    onStarted.set(index, () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort('timeout'), timeoutMs);
    });
    const output = format === 'json' ? resolveInside(outDir, f.out) : undefined;
    const tmp = output ? `${output}.${tag}-${index}.tmp` : undefined;
    try {
      const reply = await workers.run(
        { id: index, input: f.abs, name: f.rel, output, tmp, pretty: o.pretty, ...o.parse },
        { signal: controller.signal },
      );
      if (reply.ok) {
        const entry: ConvertManifestEntry = {
          input: f.rel,
          output: outputOf(f),
          sha256: reply.sha256,
          status: 'converted',
          ...(reply.format ? { format: reply.format } : {}),
          ...(reply.ocr ? { ocr: true } : {}),
          documents: reply.documents,
          tasks: reply.tasks,
          ms: Math.round(performance.now() - t0),
        };
        return { index, entry, line: reply.line };
      }
      return { index, entry: failedEntry(f, reply.sha256, reply.code, reply.message, performance.now() - t0) };
    } catch (error) {
      if (tmp) rmSync(tmp, { force: true });
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
      const ms = performance.now() - t0;
      if (reason === 'timeout') {
        const message = `Conversion took longer than ${timeoutMs / 1000} s; its worker was stopped and replaced. Raise the limit (--timeout) if the file is genuine.`;
        return { index, entry: failedEntry(f, await hashFile(f.abs), BatchErrorCode.TIMEOUT, message, ms) };
      }
      if (reason === 'stopped' || stopping) return { index, entry: pendingEntry(f) };
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const message = `The worker ran out of memory (heap limit ${o.maxMemoryMb ?? 1024} MB) on this file; it was stopped and replaced. Raise the limit (--max-memory) if the file is genuine.`;
        return { index, entry: failedEntry(f, await hashFile(f.abs), BatchErrorCode.OUT_OF_MEMORY, message, ms) };
      }
      const message = `The worker died on this file (${(error as Error)?.message ?? String(error)}); it was replaced.`;
      return { index, entry: failedEntry(f, await hashFile(f.abs), BatchErrorCode.WORKER_CRASHED, message, ms) };
    } finally {
      clearTimeout(timer);
      killers.delete(index);
      onStarted.delete(index);
    }
  };

  const record = (done: Done) => {
    const { entry } = done;
    if (format === 'jsonl') {
      if (done.line !== undefined) writeSync(streamFd, done.line + '\n');
      else if (done.copy) {
        const buf = Buffer.allocUnsafe(done.copy.length);
        readSync(oldStreamFd, buf, 0, buf.length, done.copy.offset);
        writeSync(streamFd, buf);
      }
    } else if (entry.status === 'failed' && previous.get(entry.input)?.output) {
      // The previous output is stale (the input changed, or --force): do not leave it looking current.
      const f = files[done.index];
      rmSync(resolveInside(outDir, f.out), { force: true });
    }
    writeSync(manifestFd, JSON.stringify(entry) + '\n');
    final.set(entry.input, entry);
    count(summary, entry);
  };

  try {
    for (;;) {
      // two tasks per worker in flight: a worker never idles while the main thread records a result
      while (!stopping && inflight.size < jobs * 2 && next < files.length) {
        const i = next++;
        inflight.set(
          i,
          start(i).catch((error: unknown) => {
            fatal ??= error; // the pool could not start, or a bug here: stop the run
            return { index: i, entry: failedEntry(files[i], null, BatchErrorCode.INTERNAL_ERROR, String((error as Error)?.message ?? error), 0) };
          }),
        );
      }
      if (inflight.size === 0) break;
      const done = await Promise.race(inflight.values());
      inflight.delete(done.index);
      if (fatal) throw fatal;
      record(done);
      yield done.entry;
    }
    for (; next < files.length; next++) {
      const entry = pendingEntry(files[next]);
      record({ index: next, entry });
      yield entry;
    }
  } finally {
    // Normal end, a stop, or the caller left the loop early: stop what runs, then commit.
    clearTimeout(graceTimer);
    o.signal?.removeEventListener('abort', onStop);
    o.killSignal?.removeEventListener('abort', onKill);
    killAll();
    if (pool) await pool.destroy().catch(() => {});
    for (const f of files) {
      if (!final.has(f.rel)) {
        const entry = pendingEntry(f);
        final.set(f.rel, entry);
        count(summary, entry);
      }
    }
    closeSync(manifestFd);
    if (oldStreamFd >= 0) closeSync(oldStreamFd);
    if (format === 'jsonl') {
      closeSync(streamFd);
      renameSync(streamTmp, streamPath);
    }
    writeCompactManifest(manifestPath, `${manifestPath}.${tag}.compact.tmp`, files, final, ignoredEntries);
    if (format === 'jsonl') rmSync(liveManifestPath, { force: true });
    summary.interrupted = summary.pending > 0;
    summary.ms = Math.round(performance.now() - started);
  }
  return summary;
}

function count(summary: ConvertSummary, entry: ConvertManifestEntry): void {
  if (entry.status === 'converted') summary.converted++;
  else if (entry.status === 'skipped') summary.skipped++;
  else if (entry.status === 'pending') summary.pending++;
  else {
    summary.failed++;
    const code = entry.code ?? BatchErrorCode.INTERNAL_ERROR;
    summary.failedByCode[code] = (summary.failedByCode[code] ?? 0) + 1;
  }
  summary.documents += entry.documents;
  summary.tasks += entry.tasks;
}

/** One line per input, in input order, then one per ignored path; written to a temp file and renamed over the manifest. */
function writeCompactManifest(path: string, tmp: string, files: InputFile[], final: Map<string, ConvertManifestEntry>, ignored: ConvertManifestEntry[]): void {
  const fd = openSync(tmp, 'w');
  try {
    let buffer = '';
    const lines = [...files.map((f) => final.get(f.rel)), ...ignored];
    for (const entry of lines) {
      buffer += JSON.stringify(entry) + '\n';
      if (buffer.length > 1 << 16) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    if (buffer) writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
