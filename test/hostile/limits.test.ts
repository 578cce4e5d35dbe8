/**
 * Issue 12: one test per documented limit (README, "Limits"): each refuses
 * with its error code and names the limit, and the option raises it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseText, convertArchive, GongwenError } from '../../src/index.js';
import { MAX_ELEMENTS, MAX_NESTING_DEPTH } from '../../src/shared/complexity.js';
import { parseXml } from '../../src/extract/docx/xml.js';
import { REPO } from '../fuzz/mutators.js';
import { docx, errorOf, planBody } from './helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(REPO, 'corpus', name)));
const PLAN = () => fixture('wuwei-2023-gongkai-fangan/source.txt');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('limits, one by one', () => {
  it('bytes: maxBytes (default 128 MiB) → TOO_LARGE with details.size and maxBytes', async () => {
    const bytes = PLAN();
    const err = await errorOf(parse(bytes, { maxBytes: bytes.length - 1 }));
    expect(err).toBeInstanceOf(GongwenError);
    expect(err.code).toBe('TOO_LARGE');
    expect(err.details).toEqual({ size: bytes.length, maxBytes: bytes.length - 1 });
    expect(err.message).toContain('limit');
    // a path is refused from its size, before it is read
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-limits-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'plan.txt'), bytes);
    expect((await errorOf(parse(join(dir, 'plan.txt'), { maxBytes: 100 })))?.code).toBe('TOO_LARGE');
    // and the option raises it
    await expect(parse(bytes, { maxBytes: bytes.length })).resolves.toBeTruthy();
  });

  it('pages: maxPages (default 2000) → TOO_LARGE', async () => {
    const pdf = fixture('fixtures/task-table-multipage.pdf'); // 2 pages
    const err = await errorOf(parse(pdf, { maxPages: 1 }));
    expect(err?.code).toBe('TOO_LARGE');
    expect(err.message).toContain('maxPages');
    await expect(parse(pdf, { maxPages: 2 })).resolves.toBeTruthy();
  });

  it('inflated size: maxUncompressedBytes (default 200 MB) and the compression-ratio check → TOO_LARGE', async () => {
    const file = docx(planBody());
    const err = await errorOf(parse(file, { maxUncompressedBytes: 100 }));
    expect(err?.code).toBe('TOO_LARGE');
    await expect(parse(file)).resolves.toBeTruthy();
    // the committed bombs: a declared size over the limit, and a 1000:1 entry
    expect((await errorOf(parse(fixture('fixtures/bomb-declared.docx'))))?.code).toBe('TOO_LARGE');
    expect((await errorOf(parse(fixture('fixtures/bomb-ratio.docx'))))?.code).toBe('TOO_LARGE');
  });

  it(`nesting depth: ${MAX_NESTING_DEPTH} levels in a DOCX part or an HTML page → TOO_COMPLEX with details.depth`, async () => {
    const deep = (n: number) => '<w:sdt><w:sdtContent>'.repeat(n) + planBody() + '</w:sdtContent></w:sdt>'.repeat(n);
    const d = await errorOf(parse(docx(deep(MAX_NESTING_DEPTH))));
    expect(d?.code).toBe('TOO_COMPLEX');
    expect(d.details.depth).toBeGreaterThan(MAX_NESTING_DEPTH);
    const h = await errorOf(() => parseText(`<html><body>${'<div>'.repeat(MAX_NESTING_DEPTH + 1)}一、x</body></html>`, { format: 'html' }));
    expect(h?.code).toBe('TOO_COMPLEX');
    expect(h.details).toEqual({ depth: MAX_NESTING_DEPTH + 1, limit: MAX_NESTING_DEPTH });
  });

  it(`items: ${MAX_ELEMENTS} elements in an HTML page or a DOCX part → TOO_COMPLEX with details.elements`, async () => {
    // the real default, end to end (a 4 MB page of <br>; refused by the pre-scan, no tree built)
    const page = `<html><body><p>一、x</p>${'<br>'.repeat(MAX_ELEMENTS)}</body></html>`;
    const t0 = performance.now();
    const h = await errorOf(() => parseText(page, { format: 'html' }));
    expect(h?.code).toBe('TOO_COMPLEX');
    expect(h.details.elements).toBe(MAX_ELEMENTS + 1);
    expect(performance.now() - t0).toBeLessThan(2000);
    // DOCX parts count the same way as the tree grows (a small limit keeps this light)
    const x = await errorOf(() => parseXml(`<a>${'<b/>'.repeat(10)}</a>`, 'word/document.xml', { elements: 5 }));
    expect(x?.details).toEqual({ elements: 6, limit: 5 });
  });

  it('run time per file: convert --timeout (default 60 s) → TIMEOUT in the manifest; the batch goes on', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-limits-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a-hang.txt'), 'GONGWEN-TEST:hang'); // the worker's test hook loops forever on this
    writeFileSync(join(dir, 'b-plan.txt'), PLAN());
    const batch = convertArchive({ inputs: [dir], out: join(dir, 'out'), jobs: 1, timeoutMs: 1000, testHooks: true });
    const entries = [];
    for await (const e of batch) entries.push(e);
    expect(entries.find((e) => e.input === 'a-hang.txt')).toMatchObject({ status: 'failed', code: 'TIMEOUT' });
    expect(entries.find((e) => e.input === 'a-hang.txt')?.message).toContain('--timeout');
    expect(entries.find((e) => e.input === 'b-plan.txt')?.status).toBe('converted');
  });

  it('memory per file: convert --max-memory (default 1024 MB) → OUT_OF_MEMORY in the manifest; the batch goes on', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-limits-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a-oom.txt'), 'GONGWEN-TEST:oom'); // the worker's test hook allocates without bound on this
    writeFileSync(join(dir, 'b-plan.txt'), PLAN());
    const batch = convertArchive({ inputs: [dir], out: join(dir, 'out'), jobs: 1, maxMemoryMb: 48, testHooks: true });
    const entries = [];
    for await (const e of batch) entries.push(e);
    expect(entries.find((e) => e.input === 'a-oom.txt')).toMatchObject({ status: 'failed', code: 'OUT_OF_MEMORY' });
    expect(entries.find((e) => e.input === 'a-oom.txt')?.message).toContain('--max-memory');
    expect(entries.find((e) => e.input === 'b-plan.txt')?.status).toBe('converted');
  });
});
