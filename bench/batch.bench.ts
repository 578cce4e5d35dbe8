/**
 * npm run bench (batch part): `convertArchive` over archives of corpus copies
 * (mostly text/Markdown/HTML, 1 % PDF and 1 % DOCX).
 *  - throughput with --jobs 1 and --jobs 2 on 2,000 files, and the scaling ratio;
 *  - peak RSS (VmHWM of the whole process: main thread + worker threads) on
 *    1,000 vs 4,000 files, which must stay flat as the archive grows.
 * Every configuration runs in its own child process, so peak RSS and JIT state
 * are its own. files/s is given over the whole run and in steady state (from
 * the first result on, i.e. without the worker start-up). Archives are written
 * under os.tmpdir() and removed. BENCH_BATCH_FILES scales the 2,000.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertArchive } from '../src/index.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const c = (p: string) => join(repo, 'corpus', p);
const TEXT = [
  c('gansu-2020-gongkai-fangan/source.txt'),
  c('jinchang-2023-2024-gongkai-yaodian/source.md'),
  c('qingyang-2022-gongkai-yaodian/source.txt'),
  c('wuwei-2023-gongkai-fangan/source.txt'),
  c('yongchang-site-scrape/source.txt'),
  c('html/yongchang-gov-page.html'),
  c('html/task-table.html'),
];
const PDF = [c('pdf-docx/wuwei-2023-gongkai-fangan.pdf'), c('pdf-docx/yongchang-2025-gongkai-yaodian.pdf')];
const DOCX = [c('pdf-docx/wuwei-2023-gongkai-fangan.docx'), c('pdf-docx/yongchang-2025-gongkai-yaodian.docx'), c('fixtures/numbered.docx')];

function buildArchive(root: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const src = i % 100 === 50 ? PDF[(i / 100) % PDF.length | 0] : i % 100 === 99 ? DOCX[(i / 100) % DOCX.length | 0] : TEXT[i % TEXT.length];
    const dest = join(root, `${2015 + (i % 10)}年`, `部门 ${i % 7}`, `通知 ${i}${src.slice(src.lastIndexOf('.'))}`);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(src, dest);
  }
}

interface ChildResult {
  files: number;
  jobs: number;
  converted: number;
  failed: number;
  wallMs: number;
  steadyMs: number;
  peakRssMb: number;
  sampledMaxRssMb: number;
  /** User + system CPU of the whole process (all threads), ms. */
  cpuMs: number;
}

function vmHwmMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return NaN;
}

async function child(archive: string, jobs: number): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'gongwen-bench-out-'));
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let first = 0;
  try {
    const batch = convertArchive({ inputs: [archive], out, jobs });
    for await (const _ of batch) if (!first) first = performance.now();
    const end = performance.now();
    clearInterval(sampler);
    const s = batch.summary;
    const result: ChildResult = {
      files: s.total,
      jobs,
      converted: s.converted,
      failed: s.failed,
      wallMs: end - t0,
      steadyMs: end - first,
      peakRssMb: vmHwmMb(),
      sampledMaxRssMb: maxRss / 1024 / 1024,
      cpuMs: (() => {
        const u = process.cpuUsage(cpu0);
        return (u.user + u.system) / 1000;
      })(),
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function runChild(archive: string, jobs: number): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', archive, String(jobs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`bench child failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

const fmt = (r: ChildResult) => {
  const wall = r.files / (r.wallMs / 1000);
  const steady = (r.files - 1) / (r.steadyMs / 1000);
  return `${String(r.files).padStart(5)} files, jobs ${r.jobs}: ${wall.toFixed(1).padStart(6)} files/s (wall ${(r.wallMs / 1000).toFixed(1)} s), ${steady.toFixed(1).padStart(6)} files/s steady, CPU ${(r.cpuMs / r.files).toFixed(1)} ms/file, peak RSS ${r.peakRssMb.toFixed(0)} MB, failed ${r.failed}`;
};

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_BATCH_FILES ?? 2000);
  const base = mkdtempSync(join(tmpdir(), 'gongwen-bench-archive-'));
  try {
    const archives = new Map<number, string>();
    for (const size of [n, 1000, 4000]) {
      if (archives.has(size)) continue;
      const dir = join(base, String(size));
      buildArchive(dir, size);
      archives.set(size, dir);
    }
    console.log(`batch conversion (${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at start)`);
    const one = runChild(archives.get(n)!, 1);
    console.log('  ' + fmt(one));
    const two = runChild(archives.get(n)!, 2);
    console.log('  ' + fmt(two));
    const ratioWall = one.wallMs / two.wallMs;
    const ratioSteady = (one.steadyMs / (one.files - 1)) / (two.steadyMs / (two.files - 1));
    console.log(`  scaling jobs 2 / jobs 1: ${ratioSteady.toFixed(2)}x steady, ${ratioWall.toFixed(2)}x wall (aim ≥ 1.7x on 2 idle cores)`);
    // Load-independent check: CPU per file should not grow with jobs (no contention in the pool or main thread).
    console.log(`  CPU per file jobs 2 / jobs 1: ${(two.cpuMs / two.files / (one.cpuMs / one.files)).toFixed(2)}x (≈ 1x means the work parallelises cleanly)`);
    const small = runChild(archives.get(1000)!, 2);
    console.log('  ' + fmt(small));
    const large = runChild(archives.get(4000)!, 2);
    console.log('  ' + fmt(large));
    console.log(
      `  peak RSS 4,000 vs 1,000 files: ${large.peakRssMb.toFixed(0)} MB vs ${small.peakRssMb.toFixed(0)} MB (${(large.peakRssMb / small.peakRssMb).toFixed(2)}x; flat means ≈ 1x)`,
    );
    console.log(`  load average at end ${loadavg()[0].toFixed(1)} (other processes on the machine skew the ratio)`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else await main();
