import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInput, readInputSync } from '../../src/read/read-input.js';
import { ErrorCode, GongwenError } from '../../src/errors.js';

let dir: string;
let file: string;
const content = new TextEncoder().encode('永昌县2025年政务公开工作要点\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongwen-read-'));
  file = join(dir, 'plan.txt');
  writeFileSync(file, content);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GongwenError);
    return (e as GongwenError).code;
  }
  return undefined;
}
function codeOfSync(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GongwenError);
    return (e as GongwenError).code;
  }
  return undefined;
}

describe('readInput', () => {
  it('reads a path and names it after the file', async () => {
    const r = await readInput(file);
    expect(Array.from(r.bytes)).toEqual(Array.from(content));
    expect(r.name).toBe('plan.txt');
  });

  it('reads a file: URL and honours an explicit name', async () => {
    const r = await readInput(pathToFileURL(file), { name: 'x.md' });
    expect(r.bytes.length).toBe(content.length);
    expect(r.name).toBe('x.md');
  });

  it('passes bytes through', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const r = await readInput(bytes, { name: 'a.txt' });
    expect(r.bytes).toBe(bytes);
    expect(r.name).toBe('a.txt');
  });

  it('missing file → FILE_NOT_FOUND', async () => {
    expect(await codeOf(readInput(join(dir, 'nope.txt')))).toBe(ErrorCode.FILE_NOT_FOUND);
    expect(codeOfSync(() => readInputSync(join(dir, 'nope.txt')))).toBe(ErrorCode.FILE_NOT_FOUND);
  });

  it('hints when document text is passed as a path', async () => {
    await expect(readInput('一、总体要求\n（一）……')).rejects.toThrow(/document text/);
  });

  it('directory → FILE_UNREADABLE', async () => {
    expect(await codeOf(readInput(dir))).toBe(ErrorCode.FILE_UNREADABLE);
    expect(codeOfSync(() => readInputSync(dir))).toBe(ErrorCode.FILE_UNREADABLE);
  });

  it('oversize → TOO_LARGE telling the user about maxBytes', async () => {
    expect(await codeOf(readInput(file, { maxBytes: 10 }))).toBe(ErrorCode.TOO_LARGE);
    await expect(readInput(file, { maxBytes: 10 })).rejects.toThrow(/maxBytes.*split the file/);
    expect(codeOfSync(() => readInputSync(file, { maxBytes: 10 }))).toBe(ErrorCode.TOO_LARGE);
    expect(await codeOf(readInput(new Uint8Array(11), { maxBytes: 10 }))).toBe(ErrorCode.TOO_LARGE);
  });

  it('rejects a non-positive maxBytes and non-file URLs', async () => {
    expect(await codeOf(readInput(file, { maxBytes: 0 }))).toBe(ErrorCode.INVALID_OPTIONS);
    expect(await codeOf(readInput(new URL('https://www.yongchang.gov.cn/')))).toBe(ErrorCode.INVALID_OPTIONS);
  });

  it('readInputSync reads paths', () => {
    const r = readInputSync(file);
    expect(r.bytes.length).toBe(content.length);
    expect(r.name).toBe('plan.txt');
  });
});
