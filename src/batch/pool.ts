/**
 * The worker pool (piscina). Finding a runnable worker module, in order:
 *   1. ./worker.js next to this module            (a compiled src/batch)
 *   2. ./batch/worker.js next to this module      (dist/index.js, dist/index.cjs)
 *   3. ../batch/worker.js                         (dist/cli/main.js)
 *   4. running the sources (vitest, tsx, npm run bench): src/batch/worker.ts
 *      bundled on the fly with esbuild (a dev dependency of tsup and tsx) into
 *      node_modules/.cache/gongwen/, or, without esbuild, ./worker-dev.mjs,
 *      which loads worker.ts through tsx's tsImport (several times slower to
 *      start: every module goes through the loader hooks).
 * tsup builds src/batch/worker.ts to dist/batch/worker.js (tsup.config.ts), so
 * an installed package always takes 2 or 3. `execArgv: ['--import', 'tsx']`
 * was tried first but is racy in Node 20 worker threads (the .ts sometimes
 * loads before the hooks are active: ERR_UNKNOWN_FILE_EXTENSION).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import type { WorkerReply, WorkerTask } from './worker.js';

export interface WorkerModule {
  filename: string;
  /** True when running from the TypeScript sources. */
  fromSource: boolean;
}

export function resolveWorker(): WorkerModule {
  for (const rel of ['./worker.js', './batch/worker.js', '../batch/worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { filename: url.href, fromSource: false };
  }
  const dev = new URL('./worker-dev.mjs', import.meta.url);
  if (dev.protocol === 'file:' && existsSync(fileURLToPath(dev))) return { filename: dev.href, fromSource: true };
  throw new Error(`gongwen: cannot find the batch worker module next to ${import.meta.url} (expected dist/batch/worker.js)`);
}

/** Sources only: bundle worker.ts (packages external) into node_modules/.cache/gongwen; undefined without esbuild. */
async function bundleSourceWorker(): Promise<string | undefined> {
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  let esbuild: typeof import('esbuild');
  try {
    // A computed specifier, so tsup does not bundle esbuild into dist (this path only runs from the sources).
    const specifier = ['es', 'build'].join('');
    esbuild = (await import(specifier)) as typeof import('esbuild');
  } catch {
    return undefined;
  }
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  const code = built.outputFiles[0].text;
  // Beside the repository's node_modules, so the external packages resolve.
  const dir = join(dirname(dirname(dirname(entry))), 'node_modules', '.cache', 'gongwen');
  const file = join(dir, `batch-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  return pathToFileURL(file).href;
}

export interface PoolOptions {
  jobs: number;
  /** Heap limit (old generation) per worker, MB. */
  maxMemoryMb: number;
  testHooks?: boolean;
}

export type BatchPool = Piscina<WorkerTask, WorkerReply>;

/** A pool whose workers are known to start: one probe task runs first, so a broken install fails once, loudly. */
export async function startPool(options: PoolOptions): Promise<BatchPool> {
  const worker = resolveWorker();
  const filename = (worker.fromSource && (await bundleSourceWorker().catch(() => undefined))) || worker.filename;
  const pool = await createPool(options, filename);
  try {
    await pool.run({ probe: true, input: '', name: '' });
  } catch (error) {
    await pool.destroy().catch(() => {});
    throw new Error(`gongwen: the batch worker failed to start: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
  return pool;
}

/**
 * piscina is imported at run time under a computed name so that no bundle
 * inlines it: the CJS build bundles its dependencies (tsup.config.ts), and a
 * bundled piscina looks for its own thread bootstrap at dist/worker.js.
 */
async function loadPiscina(): Promise<typeof Piscina> {
  const specifier = ['pis', 'cina'].join('');
  const mod = (await import(specifier)) as { Piscina: typeof Piscina };
  return mod.Piscina;
}

export async function createPool(options: PoolOptions, filename = resolveWorker().filename): Promise<BatchPool> {
  const PiscinaPool = await loadPiscina();
  const pool = new PiscinaPool<WorkerTask, WorkerReply>({
    filename,
    minThreads: options.jobs,
    maxThreads: options.jobs,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    workerData: { testHooks: options.testHooks === true },
    // Errors of idle workers (none expected) must not crash the process.
  });
  pool.on('error', () => {});
  return pool;
}
