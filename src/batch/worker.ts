/**
 * The worker thread of `convertArchive`: reads one input, parses it, and either
 * writes its JSON atomically (temp file + rename, json format) or returns the
 * JSON line (jsonl format, the main thread owns the stream). Replies are small,
 * so the main thread stays idle and the pool scales with cores.
 *
 * Built to dist/batch/worker.js; run from src/batch/worker.ts through tsx in
 * development and tests (see pool.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from '../parse.js';
import { readInput } from '../read/read-input.js';
import { flattenTasks } from '../tasks/flatten.js';
import type { SourceFormat } from '../extract/block.js';
import type { ParseOptions } from '../parse-bytes.js';
import { isGongwenError } from '../errors.js';
import { BatchErrorCode } from './schema.js';

export interface WorkerTask {
  /** A no-op that proves the worker starts. */
  probe?: boolean;
  /** Announced on parentPort as { gongwenStarted: id } when the task starts, so the time limit excludes queueing and worker start-up. */
  id?: number;
  /** Absolute input path. */
  input: string;
  /** Relative name: `source.name` in the result and the sniffing tie-breaker. */
  name: string;
  /** json format: absolute output path and the temp file to write first. Absent for jsonl. */
  output?: string;
  tmp?: string;
  pretty?: boolean;
  maxBytes?: number;
  maxPages?: number;
  maxUncompressedBytes?: number;
  /** OCR pages without a text layer (`--ocr`); only cloneable options (no engine object). */
  ocr?: ParseOptions['ocr'];
}

export type WorkerReply =
  | { ok: true; sha256: string; documents: number; tasks: number; ms: number; line?: string; format?: SourceFormat; ocr?: boolean }
  | { ok: false; sha256: string | null; code: string; message: string; ms: number };

const madeDirs = new Set<string>();
const testHooks = Boolean((workerData as { testHooks?: boolean } | undefined)?.testHooks);
const HOOK = Buffer.from('GONGWEN-TEST:');

/** Deliberate misbehaviour for the guard tests; only with workerData.testHooks. */
function runTestHook(bytes: Uint8Array): void {
  if (!testHooks || bytes.length < HOOK.length || !Buffer.from(bytes.subarray(0, HOOK.length)).equals(HOOK)) return;
  const what = Buffer.from(bytes.subarray(HOOK.length)).toString('utf8').trim();
  if (what === 'hang') for (;;);
  if (what === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1e6).fill(Math.random()));
  }
  if (what === 'crash') process.exit(3);
  if (what === 'throw') throw new TypeError('test hook: a bug in the parser');
}

export default async function convertOne(task: WorkerTask): Promise<WorkerReply> {
  const start = performance.now();
  if (task.probe) return { ok: true, sha256: '', documents: 0, tasks: 0, ms: 0 };
  if (task.id !== undefined) parentPort?.postMessage({ gongwenStarted: task.id });
  let sha256: string | null = null;
  try {
    const raw = await readInput(task.input, { name: task.name, maxBytes: task.maxBytes });
    sha256 = createHash('sha256').update(raw.bytes).digest('hex');
    runTestHook(raw.bytes);
    const result = await parse(raw.bytes, {
      name: task.name,
      maxBytes: task.maxBytes,
      maxPages: task.maxPages,
      maxUncompressedBytes: task.maxUncompressedBytes,
      ...(task.ocr ? { ocr: task.ocr } : {}),
    });
    let tasks = 0;
    for (const doc of result.documents) tasks += flattenTasks(doc, { leavesOnly: true }).length;
    const json = JSON.stringify(result, null, task.pretty ? 2 : undefined);
    const reply: WorkerReply = { ok: true, sha256, documents: result.documents.length, tasks, ms: 0, format: result.source.format };
    // the manifest says whether OCR read any page (the parser reports it as OCR_USED)
    if (result.diagnostics.some((d) => d.code === 'OCR_USED') || result.documents.some((d) => d.diagnostics.some((g) => g.code === 'OCR_USED'))) reply.ocr = true;
    if (task.output && task.tmp) {
      try {
        const dir = dirname(task.output);
        if (!madeDirs.has(dir)) {
          mkdirSync(dir, { recursive: true });
          madeDirs.add(dir);
        }
        writeFileSync(task.tmp, json + '\n');
        renameSync(task.tmp, task.output);
      } catch (error) {
        rmSync(task.tmp, { force: true });
        return { ok: false, sha256, code: BatchErrorCode.OUTPUT_FAILED, message: `Could not write ${task.output}: ${(error as Error).message}`, ms: performance.now() - start };
      }
    } else {
      // jsonl: input and sha256 first, so a resumed run can index the stream without parsing it.
      reply.line = `{"input":${JSON.stringify(task.name)},"sha256":"${sha256}",${json.slice(1)}`;
    }
    reply.ms = performance.now() - start;
    return reply;
  } catch (error) {
    const ms = performance.now() - start;
    if (isGongwenError(error)) return { ok: false, sha256, code: error.code, message: error.message, ms };
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, sha256, code: BatchErrorCode.INTERNAL_ERROR, message, ms };
  }
}
