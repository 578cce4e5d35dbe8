/**
 * Killing a run midway (SIGKILL, and Ctrl-C) then resuming ends with the same
 * outputs as an uninterrupted run; N=3 shards add up to one unsharded run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertArchive, ConvertManifestEntry, ParseResult } from '../../src/index.js';
import { cleanup, corpus, manifestLines, repo, snapshot, tempDir, textArchive } from './helpers.js';

const N = 60;

async function runToEnd(options: Parameters<typeof convertArchive>[0]) {
  const batch = convertArchive(options);
  const entries: ConvertManifestEntry[] = [];
  for await (const e of batch) entries.push(e);
  return { entries, summary: batch.summary };
}

/** Start the CLI from the sources; deliver `signal` once the manifest has `atLines` lines. */
function interruptCli(archive: string, out: string, signal: NodeJS.Signals, atLines: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), 'convert', archive, '--out', out, '--jobs', '1'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  let linesAtSignal = -1;
  const manifest = join(out, '_manifest.jsonl');
  const poll = setInterval(() => {
    if (linesAtSignal >= 0 || !existsSync(manifest)) return;
    const lines = readFileSync(manifest, 'utf8').split('\n').length - 1;
    if (lines >= atLines) {
      linesAtSignal = lines;
      child.kill(signal);
    }
  }, 10);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; linesAtSignal: number; stderr: string }>((resolve) => {
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, linesAtSignal, stderr });
    });
  });
}

describe('interrupt and resume; shards', { timeout: 120_000 }, () => {
  const archive = tempDir();
  const reference = tempDir();
  const dirs: string[] = [archive, reference];
  let referenceOutputs: Map<string, string>;
  beforeAll(async () => {
    textArchive(archive, N);
    const { summary } = await runToEnd({ inputs: [archive], out: reference, jobs: 2 });
    expect(summary).toMatchObject({ total: N, converted: N, failed: 0 });
    referenceOutputs = snapshot(reference);
    expect(referenceOutputs.size).toBe(N);
  }, 120_000);
  afterAll(() => cleanup(...dirs));

  it('SIGKILL midway leaves only whole JSON files; resuming ends like an uninterrupted run', async () => {
    const out = tempDir();
    dirs.push(out);
    const killed = await interruptCli(archive, out, 'SIGKILL', 8);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.linesAtSignal).toBeGreaterThan(0);
    const partial = snapshot(out);
    expect(partial.size).toBeLessThan(N); // really midway
    for (const [, text] of partial) ParseResult.parse(JSON.parse(text)); // none half-written

    const { summary } = await runToEnd({ inputs: [archive], out, jobs: 2 });
    expect(summary.skipped).toBeGreaterThan(0);
    expect(summary.skipped + summary.converted).toBe(N);
    expect(snapshot(out)).toEqual(referenceOutputs);
    const lines = manifestLines(join(out, '_manifest.jsonl')).map((l) => ConvertManifestEntry.parse(l));
    expect(lines.map((l) => l.input)).toEqual(manifestLines(join(reference, '_manifest.jsonl')).map((l) => l.input));
    expect(snapshot(out, (r) => r.endsWith('.tmp')).size).toBe(0);
  });

  it('Ctrl-C stops cleanly (exit 130, one manifest line per input), and the re-run completes it', async () => {
    const out = tempDir();
    dirs.push(out);
    const stopped = await interruptCli(archive, out, 'SIGINT', 8);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/INTERRUPTED/);
    const lines = manifestLines(join(out, '_manifest.jsonl')).map((l) => ConvertManifestEntry.parse(l));
    expect(lines).toHaveLength(N);
    const done = lines.filter((l) => l.status === 'converted');
    expect(done.length).toBeGreaterThan(0);
    expect(done.length + lines.filter((l) => l.status === 'pending').length).toBe(N);
    expect(lines.some((l) => l.status === 'pending')).toBe(true);
    const outputs = snapshot(out);
    expect([...outputs.keys()].sort()).toEqual(done.map((l) => l.output).sort());

    const { summary } = await runToEnd({ inputs: [archive], out, jobs: 2 });
    expect(summary.skipped).toBe(done.length);
    expect(snapshot(out)).toEqual(referenceOutputs);
  });

  it('--shard K/3: the three shards add up to the unsharded run, no input twice', async () => {
    const out = tempDir();
    dirs.push(out);
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      const { entries, summary } = await runToEnd({ inputs: [archive], out, jobs: 2, shard: { index: k, count: 3 } });
      expect(summary.failed + summary.skipped).toBe(0);
      expect(summary.converted).toBeGreaterThan(N / 6);
      seen.push(...entries.map((e) => e.input));
      const shardManifest = manifestLines(join(out, `_manifest.shard-${k}-of-3.jsonl`));
      expect(shardManifest.map((l) => l.input).sort()).toEqual(entries.map((e) => e.input).sort());
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(manifestLines(join(reference, '_manifest.jsonl')).map((l) => l.input as string).sort());
    expect(snapshot(out)).toEqual(referenceOutputs);
    expect(existsSync(join(out, '_manifest.jsonl'))).toBe(false);
  });

  it('--format jsonl: one line per converted input; resumable without duplicates', async () => {
    const out = tempDir();
    dirs.push(out);
    const small = tempDir();
    dirs.push(small);
    textArchive(small, 9);
    const { summary } = await runToEnd({ inputs: [small], out, jobs: 2, format: 'jsonl' });
    expect(summary.converted).toBe(9);
    const read = () =>
      readFileSync(join(out, 'documents.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as ParseResult & { input: string; sha256: string });
    const first = read();
    expect(first).toHaveLength(9);
    for (const line of first) {
      expect(line.sha256).toBe(line.source.sha256);
      expect(line.source.name).toBe(line.input);
      ParseResult.parse(line);
    }
    const again = await runToEnd({ inputs: [small], out, jobs: 2, format: 'jsonl' });
    expect(again.summary.skipped).toBe(9);
    expect(read().sort((a, b) => a.input.localeCompare(b.input))).toEqual(first.sort((a, b) => a.input.localeCompare(b.input)));

    const changed = first[0].input;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(small, changed), readFileSync(corpus('qingyang-2022-gongkai-yaodian/source.txt')));
    const third = await runToEnd({ inputs: [small], out, jobs: 2, format: 'jsonl' });
    expect(third.summary).toMatchObject({ converted: 1, skipped: 8 });
    const lines = read();
    expect(lines).toHaveLength(9);
    expect(new Set(lines.map((l) => l.input)).size).toBe(9);
    expect(lines.find((l) => l.input === changed)?.documents[0].title).toContain('庆阳');
    expect(manifestLines(join(out, '_manifest.jsonl'))).toHaveLength(9);
  });
});
