/** Nothing can escape --out: names are made safe segment by segment. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeRelativePath, shardOf } from '../../src/index.js';
import { collectInputs, resolveInside, safeSegment } from '../../src/batch/paths.js';
import { convertArchive } from '../../src/index.js';
import { cleanup, corpus, copy, snapshot, tempDir } from './helpers.js';

describe('safe output names', () => {
  it.each([
    ['../../etc/passwd', '__/__/etc/passwd'],
    ['/etc/passwd', 'etc/passwd'],
    ['a/../../b.txt', 'a/__/__/b.txt'],
    ['C:\\Windows\\system32\\x.txt', 'C_/Windows/system32/x.txt'],
    ['..\\..\\evil.txt', '__/__/evil.txt'],
    ['./a/./b', 'a/b'],
    ['', '_'],
    ['..', '__'],
    ['名 字 .txt', '名 字 .txt'],
    ['trailing. ', 'trailing__'],
    ['CON.txt', '_CON.txt'],
    ['a\u0000b?c*d|e<f>g:"h', 'a_b_c_d_e_f_g__h'],
  ])('%j → %j', (input, safe) => {
    expect(safeRelativePath(input)).toBe(safe);
    const out = resolve('/tmp/out');
    expect(resolveInside(out, input).startsWith(out + sep)).toBe(true);
  });

  it('shortens very long segments and keeps them distinct', () => {
    const a = safeSegment('长'.repeat(200) + 'a');
    const b = safeSegment('长'.repeat(200) + 'b');
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
  });

  it('shards are stable, in range and roughly even', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shardOf(`dir/${i}.txt`, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(shardOf('a/b.txt', 7)).toBe(shardOf('a/b.txt', 7));
  });
});

describe('inputs given as ../ paths, absolute paths and globs', { timeout: 60_000 }, () => {
  const base = tempDir();
  afterAll(() => cleanup(base));

  it('names inputs relative to their common folder and writes only inside --out', async () => {
    copy(base, 'x/one.txt', corpus('wuwei-2023-gongkai-fangan/source.txt'));
    copy(base, 'y/deeper/two.md', corpus('jinchang-2023-2024-gongkai-yaodian/source.md'));
    // A Linux file name may contain backslashes and dots: it must not climb out.
    writeFileSync(join(base, 'y', 'x\\..\\..\\evil.txt'), readFileSync(corpus('wuwei-2023-gongkai-fangan/source.txt')));
    mkdirSync(join(base, 'work'));
    const cwd = join(base, 'work');
    const collected = await collectInputs(['../x/one.txt', join(base, 'y'), '../x/*.txt'], { cwd, out: 'out' });
    expect(collected.root).toBe(base);
    expect(collected.files.map((f) => f.rel)).toEqual(['x/one.txt', 'y/deeper/two.md', 'y/x\\..\\..\\evil.txt']);
    expect(collected.files.map((f) => f.out)).toEqual(['x/one.txt.json', 'y/deeper/two.md.json', 'y/x/__/__/evil.txt.json']);

    const batch = convertArchive({ inputs: ['../x/one.txt', join(base, 'y')], out: 'out', cwd, jobs: 2 });
    for await (const _ of batch);
    const written = [...snapshot(base).keys()];
    expect(written.sort()).toEqual(['work/out/x/one.txt.json', 'work/out/y/deeper/two.md.json', 'work/out/y/x/__/__/evil.txt.json']);
    for (const w of written) expect(relative(join(cwd, 'out'), join(base, w)).startsWith('..')).toBe(false);
  });

  it('does not walk into --out when it lies inside the archive', async () => {
    const archive = join(base, 'archive');
    copy(archive, 'a.txt', corpus('wuwei-2023-gongkai-fangan/source.txt'));
    const first = convertArchive({ inputs: [archive], out: join(archive, 'json'), jobs: 1 });
    for await (const _ of first);
    const collected = await collectInputs([archive], { out: join(archive, 'json') });
    expect(collected.files.map((f) => f.rel)).toEqual(['a.txt']);
  });

  it('rejects a path that does not exist', async () => {
    await expect(collectInputs(['/no/such/folder'], { out: base })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
