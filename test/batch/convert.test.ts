import { readFileSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/convert.js';
import { convertArchive, ConvertManifestEntry, parse, ParseResult, readManifest } from '../../src/index.js';
import { cleanup, corpus, DEEP, manifestLines, mixedArchive, put, snapshot, tempDir } from './helpers.js';

const expected: Record<string, { status: string; code?: string }> = {
  '甘肃 2020 政务公开 方案.txt': { status: 'converted' },
  'md/jinchang yaodian.md': { status: 'converted' },
  'html/永昌 网页.html': { status: 'converted' },
  'html/task-table.html': { status: 'converted' },
  'pdf/wuwei.pdf': { status: 'converted' },
  'docx/wuwei.docx': { status: 'converted' },
  'docx/numbered.docx': { status: 'converted' },
  'gbk/武威 方案 GBK.txt': { status: 'converted' },
  [DEEP]: { status: 'converted' },
  'bad/truncated.pdf': { status: 'failed', code: 'FILE_CORRUPT' },
  'bad/encrypted.pdf': { status: 'failed', code: 'PDF_ENCRYPTED' },
  'bad/scan.pdf': { status: 'failed', code: 'PDF_NO_TEXT_LAYER' },
  'bad/not-a-docx.docx': { status: 'failed', code: 'UNSUPPORTED_FORMAT' },
  'bad/truncated.docx': { status: 'failed', code: 'FILE_CORRUPT' },
  'bad/bomb.docx': { status: 'failed', code: 'TOO_LARGE' },
  'bad/empty.txt': { status: 'failed', code: 'EMPTY_INPUT' },
  'bad/not a plan 随笔.txt': { status: 'failed', code: 'NOT_A_PLAN' },
};

describe('gongwen convert on a mixed archive', { timeout: 60_000 }, () => {
  let archive: string;
  let out: string;
  let exit: number;
  beforeAll(async () => {
    archive = tempDir();
    out = tempDir();
    mixedArchive(archive);
    exit = await run([archive, '--out', out, '--jobs', '2', '--quiet']);
  }, 60_000);
  afterAll(() => cleanup(archive, out));

  it('exits 1 because some inputs failed, and accounts for every input once', () => {
    expect(exit).toBe(1);
    const all = manifestLines(join(out, '_manifest.jsonl'));
    // paths not converted are listed after the inputs (issue 12), with their reason
    const lines = all.filter((l) => l.status !== 'ignored');
    expect(all.slice(lines.length).map((l) => [l.input, l.reason])).toEqual([
      ['.hidden', 'hidden'],
      ['images/scan.png', 'not a supported extension'],
    ]);
    expect(lines.map((l) => l.input).sort()).toEqual(Object.keys(expected).sort());
    for (const line of lines) {
      const entry = ConvertManifestEntry.parse(line);
      expect({ status: entry.status, code: entry.code }, entry.input).toEqual(expected[entry.input]);
      if (entry.status === 'failed') {
        expect(entry.output).toBeNull();
        expect(entry.message).toBeTruthy();
      }
    }
    // in input order
    expect(lines.map((l) => l.input)).toEqual([...lines.map((l) => l.input as string)].sort());
  });

  it('writes one valid JSON per converted input, mirroring the tree with the original names', async () => {
    const outputs = snapshot(out);
    const converted = Object.entries(expected).filter(([, e]) => e.status === 'converted').map(([k]) => `${k}.json`);
    expect([...outputs.keys()].sort()).toEqual(converted.sort());
    const manifest = readManifest(join(out, '_manifest.jsonl'));
    for (const [rel, text] of outputs) {
      const result = ParseResult.parse(JSON.parse(text));
      const entry = manifest.get(rel.slice(0, -5))!;
      expect(entry.output).toBe(rel);
      expect(entry.sha256).toBe(result.source.sha256);
      expect(entry.documents).toBe(result.documents.length);
      expect(entry.documents).toBeGreaterThan(0);
      expect(entry.tasks).toBeGreaterThan(0);
    }
    // The same result as parsing the file directly.
    const direct = await parse(join(archive, DEEP), { name: DEEP });
    expect(JSON.parse(outputs.get(`${DEEP}.json`)!)).toEqual(JSON.parse(JSON.stringify(direct)));
    const gbk = JSON.parse(outputs.get('gbk/武威 方案 GBK.txt.json')!) as ParseResult;
    expect(gbk.source.encoding).toMatch(/gb/i);
    expect(gbk.documents[0].title).toContain('武威');
  });

  it('re-running skips what is up to date, retries failures, re-converts a changed file', async () => {
    const jsonPath = join(out, 'md/jinchang yaodian.md.json');
    const before = statSync(jsonPath).mtimeMs;
    utimesSync(jsonPath, new Date(0), new Date(0));
    const batch = convertArchive({ inputs: [archive], out, jobs: 2 });
    for await (const _ of batch);
    expect(batch.summary.skipped).toBe(9);
    expect(batch.summary.failed).toBe(8);
    expect(batch.summary.converted).toBe(0);
    expect(statSync(jsonPath).mtimeMs).toBe(0); // not rewritten
    expect(before).toBeGreaterThan(0);

    // change one input: only it is converted again
    writeFileSync(join(archive, DEEP), readFileSync(corpus('wuwei-2023-gongkai-fangan/source.txt')));
    const again = convertArchive({ inputs: [archive], out, jobs: 2 });
    const converted: string[] = [];
    for await (const e of again) if (e.status === 'converted') converted.push(e.input);
    expect(converted).toEqual([DEEP]);
    expect(readFileSync(join(out, `${DEEP}.json`), 'utf8')).toContain('武威');

    // a converted input that now fails loses its stale output
    put(archive, 'md/jinchang yaodian.md', '');
    const broken = convertArchive({ inputs: [archive], out, jobs: 2 });
    for await (const _ of broken);
    expect(existsSync(jsonPath)).toBe(false);
    expect(readManifest(join(out, '_manifest.jsonl')).get('md/jinchang yaodian.md')?.code).toBe('EMPTY_INPUT');
  });

  it('--force converts everything again; the summary counts documents and tasks', async () => {
    const batch = convertArchive({ inputs: [archive], out, jobs: 2, force: true });
    for await (const _ of batch);
    const s = batch.summary;
    expect(s.skipped).toBe(0);
    expect(s.converted).toBe(8);
    expect(s.failed).toBe(9);
    expect(s.failedByCode).toMatchObject({ FILE_CORRUPT: 2, EMPTY_INPUT: 2, NOT_A_PLAN: 1, TOO_LARGE: 1 });
    expect(s.documents).toBeGreaterThanOrEqual(8);
    expect(s.tasks).toBeGreaterThan(50);
    // images/scan.png and .hidden/ are not converted, but listed (issue 12: nothing skipped without a trace)
    expect(s.ignored).toBe(2);
    expect(s.ignoredByReason).toEqual({ 'not a supported extension': 1, hidden: 1 });
    const lines = manifestLines(join(out, '_manifest.jsonl'));
    expect(lines).toHaveLength(19);
    expect(lines.slice(-2)).toEqual([
      expect.objectContaining({ input: '.hidden', status: 'ignored', reason: 'hidden', output: null }),
      expect.objectContaining({ input: 'images/scan.png', status: 'ignored', reason: 'not a supported extension' }),
    ]);
  });
});
