/** Renderers, the CLI command and the API's input handling and errors. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { diff, diffDocuments, renderHtml, renderMarkdown, renderTerminal, PlanDiff } from '../../src/diff/index.js';
import { run } from '../../src/cli/commands/diff.js';
import { UsageError } from '../../src/cli/io.js';
import { GongwenError } from '../../src/errors.js';
import { parse } from '../../src/parse.js';
import { JINCHANG, SCRAPE, plans } from './helpers.js';

let d: PlanDiff;
beforeAll(async () => {
  const p = await plans();
  d = diffDocuments(p.jinchang, p.yongchang2025);
});

describe('renderers', () => {
  it('markdown: grouped by change type, insertions and deletions marked', () => {
    const md = renderMarkdown(d);
    const order = ['## Added', '## Removed', '## Renumbered', '## Modified', '## Unchanged'].map((h) => md.indexOf(h));
    expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]))).toBe(true);
    expect(md).toContain('加强公共企事业单位信息公开');
    expect(md).toMatch(/~~[^~]+~~/);
    expect(md).toMatch(/\*\*[^*]+\*\*/);
    expect(md).toContain('(十一)（3.1） → (十二)（3.1）');
  });

  it('html: self-contained, side by side, items linked across the sides', () => {
    const html = renderHtml(d);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link |src=["']http/);
    expect(html).toContain('<del>');
    expect(html).toContain('<ins>');
    expect(html).toContain('id="old-3.1"');
    expect(html).toContain('href="#new-3.1"');
    expect(html).toContain('href="#old-3.1"');
    expect(html.match(/<tr class="/g)?.length).toBe(d.items.length);
    // escaped, never raw markup from the document
    expect(renderHtml({ ...d, new: { ...d.new, title: '<b>x</b>' } })).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('terminal: coloured on request, plain otherwise; unchanged left out', () => {
    const plain = renderTerminal(d, { color: false });
    expect(plain).not.toContain('\x1b[');
    expect(plain).toContain('added 2');
    expect(plain).not.toMatch(/^Unchanged/m);
    expect(renderTerminal(d, { color: true })).toContain('\x1b[32m');
  });
});

describe('API inputs and errors', () => {
  it('accepts paths, ParseResults and documents alike', async () => {
    const p = await plans();
    const fromPath = await diff(JINCHANG, SCRAPE, { newDocument: 1 });
    const fromResult = await diff(await parse(JINCHANG), p.yongchang2025);
    expect(fromPath).toEqual(d);
    expect(fromResult).toEqual(d);
  });

  it('a multi-document input without an index is INVALID_OPTIONS, listing the documents', async () => {
    const err = await diff(SCRAPE, JINCHANG).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongwenError);
    expect((err as GongwenError).code).toBe('INVALID_OPTIONS');
    expect((err as GongwenError).message).toContain('[2] 永昌县2024-2025年政务公开工作要点');
  });

  it('bad options and inputs are INVALID_OPTIONS', async () => {
    const p = await plans();
    expect(() => diffDocuments(p.jinchang, p.jinchang, { minSimilarity: 2 })).toThrow(GongwenError);
    expect(() => diffDocuments(p.jinchang, p.jinchang, { maxEditLength: 0 })).toThrow(/maxEditLength/);
    expect(() => diffDocuments({} as never, p.jinchang)).toThrow(GongwenError);
    await expect(diff(SCRAPE, SCRAPE, { oldDocument: 9, newDocument: 1 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(diff(42 as never, JINCHANG)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});

describe('gongwen diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-diff-'));
  it.each(['json', 'md', 'html', 'terminal'])('--format %s --out file', async (format) => {
    const out = join(dir, `d.${format}`);
    expect(await run([JINCHANG, SCRAPE, '--new-doc', '1', '--format', format, '--out', out])).toBe(0);
    const text = readFileSync(out, 'utf8');
    if (format === 'json') expect(PlanDiff.parse(JSON.parse(text))).toEqual(d);
    else expect(text).toContain('加强公共企事业单位信息公开');
    if (format === 'terminal') expect(text).not.toContain('\x1b[');
  });

  it('writes JSON to stdout when not a TTY', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await run([SCRAPE, SCRAPE, '--old-doc', '2', '--new-doc', '1', '--compact'])).toBe(0);
      const json = JSON.parse(String(spy.mock.calls[0][0]));
      expect(json.counts.renumbered).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    [[JINCHANG], /two files/],
    [[JINCHANG, JINCHANG, '--format', 'pdf'], /unsupported --format/],
    [[JINCHANG, JINCHANG, '--old-doc', 'x'], /document index/],
    [[JINCHANG, JINCHANG, '--bogus'], /unknown option/],
    [[JINCHANG, JINCHANG, '--out'], /--out needs/],
  ])('usage error %#', async (args, msg) => {
    await expect(run(args as string[])).rejects.toThrow(UsageError);
    await expect(run(args as string[])).rejects.toThrow(msg);
  });
});
