/**
 * npm run bench (package part), also run by CI: the size of what `npm pack`
 * publishes, per file, and of the browser entry as a front end downloads it
 * (gzip). Baselines from the same run: the published size against the
 * production dependencies npm installs with it, and the browser entry
 * against pdfjs-dist's own build (which the browser loads on the first PDF).
 * Needs `npm run build` first.
 *
 *   npx tsx bench/package-size.bench.ts [--json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(ROOT, 'dist/index.js'))) {
  console.error('package-size: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

interface Packed {
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}
const packed: Packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }))[0];

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : e.isFile() ? statSync(p).size : 0;
  }
  return total;
}
const prodDeps = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .map((p) => p.trim())
  .filter((p) => p && p !== ROOT && !p.slice(ROOT.length + '/node_modules/'.length).includes('node_modules/'));
const depsBytes = prodDeps.reduce((n, p) => n + dirSize(p), 0);
const browserGzip = gzipSync(readFileSync(join(ROOT, 'dist/browser.js'))).length;
const pdfjsGzip = gzipSync(readFileSync(join(ROOT, 'node_modules/pdfjs-dist/build/pdf.min.mjs'))).length;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const report = {
  packedBytes: packed.size,
  unpackedBytes: packed.unpackedSize,
  files: packed.entryCount,
  browserEntryGzipBytes: browserGzip,
  productionDependenciesBytes: depsBytes,
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report));
} else {
  console.log(`package: ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files`);
  for (const f of [...packed.files].sort((a, b) => b.size - a.size)) console.log(`  ${kb(f.size).padStart(11)}  ${f.path}`);
  console.log(`browser entry (dist/browser.js): ${kb(browserGzip)} gzip — ${(browserGzip / pdfjsGzip).toFixed(2)}× pdfjs-dist's pdf.min.mjs (${kb(pdfjsGzip)} gzip)`);
  console.log(`unpacked package vs its ${prodDeps.length} production dependencies on disk (${kb(depsBytes)}): ${(packed.unpackedSize / depsBytes).toFixed(3)}×`);
}
