/**
 * The published package, as a user gets it: `npm pack`, then install the
 * tarball into a fresh project with no network and use it from ESM, CJS and
 * the `gongwen` bin. Also publint and @arethetypeswrong/cli on the tarball.
 *
 * Offline install: the project's production dependencies are copied from
 * this repo's node_modules into the temporary project first, so npm only has
 * to unpack gongwen itself from the tarball (it never needs the registry).
 * Needs `npm run build` first (CI runs it before the tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const PDF = join(ROOT, 'corpus/pdf-docx/jinchang-2023-2024-gongkai-yaodian.pdf');
const DOCX = join(ROOT, 'corpus/pdf-docx/wuwei-2023-gongkai-fangan.docx');
const MD = join(ROOT, 'corpus/jinchang-2023-2024-gongkai-yaodian/source.md');
const FACTS = JSON.parse(readFileSync(join(ROOT, 'corpus/pdf-docx/facts.json'), 'utf8'));
const jinchangItems = (['level1_count', 'level2_count', 'level3_count'] as const).reduce((n, k) => n + FACTS['jinchang-2023-2024-gongkai-yaodian'][k], 0);

const BUILT = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/browser.js', 'dist/browser.d.ts', 'dist/cli/main.js', 'schema.json'];

let work: string;
let tarball: string;
let packed: { files: { path: string; size: number }[]; size: number; unpackedSize: number };
let project: string;

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Copy the production dependency tree (top-level folders and their bin links) into `dest/node_modules`. */
function copyProductionDependencies(dest: string): void {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const topLevel = out
    .split('\n')
    .map((p) => relative(ROOT, p.trim()))
    .filter((p) => p.startsWith('node_modules/') && !p.slice('node_modules/'.length).includes('node_modules/'));
  for (const p of topLevel) cpSync(join(ROOT, p), join(dest, p), { recursive: true, dereference: false });
  // npm re-fetches a package whose bin links are missing, so bring those along too.
  const bin = join(ROOT, 'node_modules/.bin');
  mkdirSync(join(dest, 'node_modules/.bin'), { recursive: true });
  for (const name of existsSync(bin) ? readdirSync(bin) : []) {
    const target = readlinkSync(join(bin, name));
    const pkg = target.replace(/^\.\.\//, '').match(/^((?:@[^/]+\/)?[^/]+)/)?.[1];
    if (pkg && topLevel.includes(`node_modules/${pkg}`)) symlinkSync(target, join(dest, 'node_modules/.bin', name));
  }
}

beforeAll(() => {
  const missing = BUILT.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) throw new Error(`Build output missing (${missing.join(', ')}): run \`npm run build\` before the tests.`);
  work = mkdtempSync(join(tmpdir(), 'gongwen-pack-'));
  const json = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  packed = JSON.parse(json)[0];
  tarball = join(work, (packed as unknown as { filename: string }).filename);
  console.log(`package size: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the entry points, types, schema and README, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of [...BUILT, 'package.json', 'README.md']) expect(files).toContain(f);
    const unexpected = files.filter((f) => !/^(dist\/.*\.(c?js|d\.c?ts)|schema\.json|package\.json|README\.md|LICENSE)$/.test(f));
    expect(unexpected).toEqual([]);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('every path in exports, main, types and bin is in the tarball', () => {
    const files = new Set(packed.files.map((f) => f.path));
    const targets: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') targets.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(PKG.exports);
    collect([PKG.main, PKG.module, PKG.types, PKG.bin]);
    for (const t of targets) expect(files, t).toContain(t.replace(/^\.\//, ''));
  });

  it('publint finds nothing (strict)', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const { messages } = await publint({ pkgDir: ROOT, strict: true, pack: 'npm' });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, PKG)}`)).toEqual([]);
  }, 120_000);

  it('@arethetypeswrong/cli finds nothing (the browser entry is ESM-only by design)', () => {
    const attw = join(ROOT, 'node_modules/.bin/attw');
    const r = spawnSync(attw, [tarball, '--format', 'ascii', '--ignore-rules', 'cjs-resolves-to-esm'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/No problems found/);
  }, 120_000);
});

describe('the tarball installed offline into a fresh project', { timeout: 120_000 }, () => {
  beforeAll(() => {
    project = join(work, 'app');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'gongwen-consumer', version: '1.0.0', private: true }));
    copyProductionDependencies(project);
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  }, 180_000);

  it('installed gongwen from the tarball, not from this repo', () => {
    const installed = join(project, 'node_modules/gongwen');
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies.gongwen).toMatch(/^file:.*\.tgz$/);
  });

  it('imports from ESM: parse a PDF by path, parseText, the schema', () => {
    const script = `
      import { parse, parseText, flattenTasks, GongwenError, ErrorCode, ParseResult } from 'gongwen';
      import { createRequire } from 'node:module';
      const schema = createRequire(import.meta.url)('gongwen/schema.json');
      const r = await parse(${JSON.stringify(PDF)});
      const t = parseText('关于印发工作要点的通知\\n一、总体要求\\n（一）加强领导。（牵头单位：市政府办公室）');
      let code;
      try { parseText(''); } catch (e) { code = e instanceof GongwenError && e.code; }
      console.log(JSON.stringify({
        items: flattenTasks(r.documents[0]).length, format: r.source.format, pages: r.source.pages,
        text: t.documents.length, code, codes: Object.keys(ErrorCode).length,
        valid: ParseResult.safeParse(r).success, schema: typeof schema.$schema === 'string' || typeof schema.$defs === 'object',
      }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], project));
    expect(out).toMatchObject({ items: jinchangItems, format: 'pdf', text: 1, code: 'EMPTY_INPUT', valid: true, schema: true });
    expect(out.pages).toBeGreaterThan(1);
    expect(out.codes).toBeGreaterThan(10);
  });

  it('requires from CJS: parse a DOCX, the schema', () => {
    const script = `
      const { parse, flattenTasks } = require('gongwen');
      const schema = require('gongwen/schema.json');
      parse(${JSON.stringify(DOCX)}).then((r) => console.log(JSON.stringify({
        items: flattenTasks(r.documents[0]).length, format: r.source.format, schema: typeof schema === 'object',
      })), (e) => { console.error(e); process.exit(1); });`;
    const out = JSON.parse(run(process.execPath, ['-e', script], project));
    const wuwei = FACTS['wuwei-2023-gongkai-fangan'];
    expect(out).toEqual({ items: wuwei.level1_count + wuwei.level2_count + wuwei.level3_count, format: 'docx', schema: true });
  });

  it('the browser entry loads in Node too (no fs) and hashes like the Node build', () => {
    const script = `
      import * as node from 'gongwen';
      import * as browser from 'gongwen/browser';
      const text = '关于印发工作要点的通知\\n一、总体要求\\n（一）加强领导。（牵头单位：市政府办公室）';
      const a = node.parseText(text), b = browser.parseText(text);
      console.log(JSON.stringify({ same: JSON.stringify(a) === JSON.stringify(b), configure: typeof browser.configurePdfJs }));`;
    expect(JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], project))).toEqual({ same: true, configure: 'function' });
  });

  it("a browser bundler (Vite) importing 'gongwen' gets the browser build, with no node: modules", async () => {
    writeFileSync(
      join(project, 'app.js'),
      `import { parse, parseText, flattenTasks, configurePdfJs } from 'gongwen';\nwindow.gongwen = { parse, parseText, flattenTasks, configurePdfJs };\n`,
    );
    const { build } = await import('vite');
    const outDir = join(project, 'bundle');
    const builtins: string[] = [];
    const NODE = /^(node:|(fs|fs\/promises|path|crypto|zlib|worker_threads|module|url|os|child_process|stream)$)/;
    await build({
      root: project,
      configFile: false,
      logLevel: 'silent',
      plugins: [{ name: 'record-node-builtins', enforce: 'pre', resolveId: (id, importer) => void (NODE.test(id) && builtins.push(`${id} ← ${importer}`)) }],
      build: { outDir, target: 'es2022', rollupOptions: { input: join(project, 'app.js') } },
    });
    expect(builtins).toEqual([]);
    const js = readdirSync(join(outDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
      .join('\n');
    expect(js).toContain('In a browser parse() takes a File'); // the browser entry's parse, not the Node one
    expect(js).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|crypto|zlib|worker_threads)["']\)/);
  }, 120_000);

  it('runs the gongwen bin', () => {
    const bin = join(project, 'node_modules/.bin/gongwen');
    expect(existsSync(bin)).toBe(true);
    const out = JSON.parse(run(bin, ['parse', MD, '--compact'], project));
    expect(out.documents[0].title).toContain('政务公开工作要点');
    const bad = spawnSync(bin, ['parse', join(project, 'missing.pdf')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/FILE_NOT_FOUND/);
  });
});
