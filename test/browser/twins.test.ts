/**
 * The browser build swaps each `*-node.ts` (and parse.ts) for its
 * `*-browser.ts` twin. The twins must export the same names and, where
 * they can run in Node, give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import * as cryptoNode from '../../src/platform/crypto-node.js';
import * as cryptoBrowser from '../../src/platform/crypto-browser.js';
import * as zlibNode from '../../src/platform/zlib-node.js';
import * as zlibBrowser from '../../src/platform/zlib-browser.js';
import * as pdfNode from '../../src/extract/pdf/pdfjs-node.js';
import * as pdfBrowser from '../../src/extract/pdf/pdfjs-browser.js';
import * as parseNode from '../../src/parse.js';
import * as parseBrowser from '../../src/parse-browser.js';
import * as wordNode from '../../src/extract/doc/word-node.js';
import * as wordBrowser from '../../src/extract/doc/word-browser.js';

const ROOT = join(import.meta.dirname, '..', '..');

function twins(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    if (f.isDirectory()) out.push(...twins(p));
    else if (f.name.endsWith('-browser.ts')) out.push([p.replace(/-browser\.ts$/, existsSync(p.replace(/-browser\.ts$/, '-node.ts')) ? '-node.ts' : '.ts'), p]);
  }
  return out;
}

describe('browser twins', () => {
  it('every -browser.ts has a Node twin with the same exports', () => {
    const pairs = twins(join(ROOT, 'src'));
    expect(pairs.map(([n]) => n.slice(ROOT.length + 1)).sort()).toEqual(
      ['src/extract/doc/word-node.ts', 'src/extract/ocr/system-node.ts', 'src/extract/pdf/pdfjs-node.ts', 'src/parse.ts', 'src/platform/crypto-node.ts', 'src/platform/zlib-node.ts'].sort(),
    );
    for (const [node] of pairs) expect(existsSync(node), node).toBe(true);
    expect(Object.keys(cryptoBrowser).sort()).toEqual(Object.keys(cryptoNode).sort());
    expect(Object.keys(zlibBrowser).sort()).toEqual(Object.keys(zlibNode).sort());
    // the browser one adds configurePdfJs (exported from the browser entry)
    expect(Object.keys(pdfBrowser).filter((k) => k !== 'configurePdfJs').sort()).toEqual(Object.keys(pdfNode).sort());
    expect(Object.keys(parseBrowser).sort()).toEqual(Object.keys(parseNode).sort());
    expect(Object.keys(wordBrowser).sort()).toEqual(Object.keys(wordNode).sort());
  });

  it('.doc in the browser build: UNSUPPORTED_FORMAT naming the Node build', async () => {
    await expect(wordBrowser.readWordStories(new Uint8Array(8))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/Node/) });
  });

  it('sha256: @noble/hashes matches node:crypto on text and bytes', () => {
    for (const s of ['', 'abc', '关于印发金昌市政务公开工作要点的通知\n'.repeat(500), '\u{1F600}\uFEFF']) {
      expect(cryptoBrowser.sha256Hex(s)).toBe(cryptoNode.sha256Hex(s));
    }
    const pdf = readFileSync(join(ROOT, 'corpus/pdf-docx/jinchang-2023-2024-gongkai-yaodian.pdf'));
    expect(cryptoBrowser.sha256Hex(new Uint8Array(pdf))).toBe(cryptoNode.sha256Hex(pdf));
  });

  it('inflate and crc32: fflate matches node:zlib', () => {
    const data = new TextEncoder().encode('<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>'.repeat(20_000));
    const packed = new Uint8Array(deflateRawSync(data));
    const a = zlibBrowser.inflateRaw(packed, data.length);
    expect(Buffer.from(a).equals(Buffer.from(data))).toBe(true);
    expect(zlibBrowser.crc32(data)).toBe(zlibNode.crc32(data));
    expect(zlibBrowser.crc32(new Uint8Array())).toBe(zlibNode.crc32(new Uint8Array()));
    const empty = new Uint8Array(deflateRawSync(new Uint8Array()));
    expect(zlibBrowser.inflateRaw(empty, 0).length).toBe(0);
  });

  it('inflate refuses output past the declared size, in both twins, without inflating it all', () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024)));
    for (const z of [zlibNode, zlibBrowser]) {
      const t = performance.now();
      expect(() => z.inflateRaw(bomb, 1000)).toThrow(z.InflateOverflowError);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });

  it('inflate reports truncated data as an error, not as short output', () => {
    const packed = new Uint8Array(deflateRawSync(new TextEncoder().encode('x'.repeat(10_000) + 'y'.repeat(10_000))));
    const cut = packed.subarray(0, packed.length - 4);
    expect(() => zlibNode.inflateRaw(cut, 20_000)).toThrow();
    expect(() => zlibBrowser.inflateRaw(cut, 20_000)).toThrow();
  });

  it("the browser parse takes Blobs and ArrayBuffers, and explains that paths don't work", async () => {
    const bytes = readFileSync(join(ROOT, 'corpus/pdf-docx/wuwei-2023-gongkai-fangan.txt'));
    const fromBlob = await parseBrowser.parse(new File([bytes], 'wuwei.txt'));
    const fromNode = await parseNode.parse(new Uint8Array(bytes), { name: 'wuwei.txt' });
    expect(fromBlob).toEqual(fromNode);
    const fromBuffer = await parseBrowser.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { name: 'wuwei.txt' });
    expect(fromBuffer).toEqual(fromNode);
    await expect(parseBrowser.parse(new Blob([bytes]), { maxBytes: 10 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(parseBrowser.parse('plan.pdf' as never)).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringMatching(/fetch/) });
  });
});
