/** One bad file never stops the batch: hangs, heap exhaustion, crashes and bugs are recorded, workers replaced. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertArchive, type ConvertManifestEntry } from '../../src/index.js';
import { cleanup, corpus, copy, put, snapshot, tempDir } from './helpers.js';

describe('per-file time limit and memory guard', { timeout: 60_000 }, () => {
  const archive = tempDir();
  const out = tempDir();
  afterAll(() => cleanup(archive, out));

  it('records TIMEOUT, OUT_OF_MEMORY, WORKER_CRASHED and INTERNAL_ERROR and converts the rest', async () => {
    // Test hooks (only with the internal testHooks option): the worker misbehaves on these bytes.
    put(archive, 'a-hang.txt', 'GONGWEN-TEST:hang');
    put(archive, 'b-oom.txt', 'GONGWEN-TEST:oom');
    put(archive, 'c-crash.txt', 'GONGWEN-TEST:crash');
    put(archive, 'd-throw.txt', 'GONGWEN-TEST:throw');
    for (let i = 0; i < 4; i++) copy(archive, `good/${i}.txt`, corpus('wuwei-2023-gongkai-fangan/source.txt'));
    const entries: ConvertManifestEntry[] = [];
    const batch = convertArchive({ inputs: [archive], out, jobs: 2, timeoutMs: 2000, maxMemoryMb: 48, testHooks: true });
    for await (const e of batch) entries.push(e);
    const byInput = new Map(entries.map((e) => [e.input, e]));
    expect(byInput.get('a-hang.txt')).toMatchObject({ status: 'failed', code: 'TIMEOUT' });
    expect(byInput.get('b-oom.txt')).toMatchObject({ status: 'failed', code: 'OUT_OF_MEMORY' });
    expect(byInput.get('c-crash.txt')).toMatchObject({ status: 'failed', code: 'WORKER_CRASHED' });
    expect(byInput.get('d-throw.txt')).toMatchObject({ status: 'failed', code: 'INTERNAL_ERROR' });
    expect(byInput.get('a-hang.txt')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (let i = 0; i < 4; i++) expect(byInput.get(`good/${i}.txt`)?.status).toBe('converted');
    expect(batch.summary).toMatchObject({ converted: 4, failed: 4, pending: 0, interrupted: false });
    expect([...snapshot(out).keys()].sort()).toEqual([0, 1, 2, 3].map((i) => `good/${i}.txt.json`));
    expect([...snapshot(out, (r) => r.endsWith('.tmp')).keys()]).toEqual([]);
    expect(join(out, '_manifest.jsonl')).toBeTruthy();
  });
});
