/**
 * Issue 12, symlinks in `convert`: every path that is not converted is listed
 * in the manifest with its reason and counted in the summary;
 * followSymlinks follows links inside the input folders (loop-safe), and
 * 'anywhere' also outside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { convertArchive, readManifest } from '../../src/index.js';
import { run as convertCommand } from '../../src/cli/commands/convert.js';
import { cleanup, corpus, tempDir } from '../batch/helpers.js';

const PLAN = () => readFileSync(corpus('wuwei-2023-gongkai-fangan/source.txt'));

let base: string;
let archive: string;

beforeAll(() => {
  base = tempDir('gongwen-symlinks-');
  archive = join(base, 'archive');
  mkdirSync(join(archive, 'sub'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(archive, 'a.txt'), PLAN());
  writeFileSync(join(base, 'outside', 'secret.txt'), PLAN());
  writeFileSync(join(archive, 'notes.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  symlinkSync(join(archive, 'a.txt'), join(archive, 'link.txt')); // inside the root
  symlinkSync(join(base, 'outside', 'secret.txt'), join(archive, 'outside.txt')); // outside the root
  symlinkSync(archive, join(archive, 'loop')); // the root itself
  symlinkSync('..', join(archive, 'sub', 'up')); // sub → archive again
  symlinkSync(join(base, 'nowhere.txt'), join(archive, 'broken.txt'));
  execFileSync('mkfifo', [join(archive, 'pipe.txt')]); // a reader would block forever on it
});
afterAll(() => cleanup(base));

async function run(out: string, followSymlinks?: boolean | 'anywhere') {
  const batch = convertArchive({ inputs: [archive], out: join(base, out), jobs: 1, followSymlinks });
  const yielded: string[] = [];
  for await (const e of batch) yielded.push(`${e.input}:${e.status}`);
  const manifest = [...readManifest(join(base, out, '_manifest.jsonl')).values()];
  const reasons = Object.fromEntries(manifest.filter((e) => e.status === 'ignored').map((e) => [e.input, e.reason]));
  const converted = manifest.filter((e) => e.status === 'converted').map((e) => e.input).sort();
  return { summary: batch.summary, reasons, converted, yielded };
}

describe('convert: skipped paths are listed with their reason', { timeout: 120_000 }, () => {
  it('by default no symlink is followed; each one, the FIFO and the .png are in the manifest', async () => {
    const r = await run('out-default');
    expect(r.converted).toEqual(['a.txt']);
    expect(r.reasons).toEqual({
      'broken.txt': 'symlink',
      'link.txt': 'symlink',
      loop: 'symlink',
      'notes.png': 'not a supported extension',
      'outside.txt': 'symlink',
      'pipe.txt': 'not a regular file',
      'sub/up': 'symlink',
    });
    expect(r.summary.ignored).toBe(7);
    expect(r.summary.ignoredByReason).toEqual({ symlink: 5, 'not a supported extension': 1, 'not a regular file': 1 });
    expect(r.summary.converted).toBe(1);
  });

  it('followSymlinks: links inside the root are read; the outside one, the loops and the broken one are not', async () => {
    const r = await run('out-follow', true);
    expect(r.converted).toEqual(['a.txt', 'link.txt']);
    expect(r.reasons).toEqual({
      'broken.txt': 'broken symlink',
      loop: 'symlink loop',
      'notes.png': 'not a supported extension',
      'outside.txt': 'symlink outside the input roots',
      'pipe.txt': 'not a regular file',
      'sub/up': 'symlink loop',
    });
  });

  it("followSymlinks: 'anywhere' also reads the link pointing outside, still loop-safe", async () => {
    const r = await run('out-anywhere', 'anywhere');
    expect(r.converted).toEqual(['a.txt', 'link.txt', 'outside.txt']);
    expect(r.reasons.loop).toBe('symlink loop');
    expect(r.reasons['sub/up']).toBe('symlink loop');
  });

  // root reads every folder whatever its mode: the case cannot be made there
  it.skipIf(process.getuid?.() === 0)('an unreadable folder is listed as unreadable, and the batch goes on', async () => {
    const locked = join(archive, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    try {
      const r = await run('out-locked');
      expect(r.reasons.locked).toBe('unreadable');
      expect(r.converted).toEqual(['a.txt']);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('the CLI counts them in its summary and takes --follow-symlinks', async () => {
    const chunks: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((c: string) => (chunks.push(String(c)), true)) as typeof process.stderr.write;
    try {
      expect(await convertCommand([archive, '--out', join(base, 'out-cli'), '--jobs', '1', '--follow-symlinks'])).toBe(0);
    } finally {
      process.stderr.write = write;
    }
    const text = chunks.join('');
    expect(text).toMatch(/not converted 6\b/);
    expect(text).toContain('symlink loop 2');
    expect(text).toContain('symlink outside the input roots 1');
  });
});
