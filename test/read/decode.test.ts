import { describe, expect, it } from 'vitest';
import { decodeHead, decodeText } from '../../src/read/decode.js';
import { ErrorCode, GongwenError } from '../../src/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let p = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, le);
    p = 2;
  }
  for (let i = 0; i < s.length; i++, p += 2) view.setUint16(p, s.charCodeAt(i), le);
  return out;
}
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GongwenError);
    return (e as GongwenError).code;
  }
  return undefined;
}

// "政务公开" in GBK / GB18030, from the GB2312 code table.
const GBK_ZHENGWU_GONGKAI = [0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa];
const SAMPLE = '永昌县2025年政务公开工作要点\n一、围绕法定内容强化主动公开\n（一）严格规范公开内容发布。（责任单位：县政府各部门、单位）\n';

describe('decodeText', () => {
  it('decodes plain UTF-8', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('decodes known GBK bytes as GB18030', () => {
    const bytes = new Uint8Array([...GBK_ZHENGWU_GONGKAI, 0x0a]);
    expect(decodeText(bytes)).toEqual({ text: '政务公开\n', encoding: 'gb18030' });
  });

  it('decodes a longer GB18030 document (GBK bytes mixed with ASCII)', () => {
    // 2025 + 政务公开 + ASCII punctuation, repeated: every byte sequence checked above.
    const line = [...utf8('2025 '), ...GBK_ZHENGWU_GONGKAI, ...utf8(' (1)\r\n')];
    const bytes = new Uint8Array(Array.from({ length: 200 }, () => line).flat());
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('gb18030');
    expect(text.split('\r\n')[0]).toBe('2025 政务公开 (1)');
    expect(text.length).toBe(200 * '2025 政务公开 (1)\r\n'.length);
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, stripping it', () => {
    expect(decodeText(utf16(SAMPLE, true, true))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16(SAMPLE, false, true))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('detects UTF-16 without a BOM from the NUL pattern', () => {
    expect(decodeText(utf16(SAMPLE, true, false))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16(SAMPLE, false, false))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('keeps mostly-UTF-8 text with one broken trailing character as UTF-8', () => {
    const bytes = utf8(SAMPLE.repeat(5) + '政');
    const cut = bytes.subarray(0, bytes.length - 1); // scrape cut mid-character
    const { text, encoding } = decodeText(cut);
    expect(encoding).toBe('utf-8');
    expect(text.startsWith(SAMPLE)).toBe(true);
  });

  it('rejects binary garbage with NUL bytes', () => {
    // Deterministic pseudo-random bytes (LCG) with NULs sprinkled on both byte parities.
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = i % 37 === 0 ? 0 : x >> 16;
    }
    expect(codeOf(() => decodeText(bytes))).toBe(ErrorCode.BINARY_INPUT);
  });

  it('rejects control-character soup without NULs', () => {
    const bytes = new Uint8Array(2000).map((_, i) => 1 + (i % 8));
    expect(codeOf(() => decodeText(bytes))).toBe(ErrorCode.BINARY_INPUT);
  });

  it('says what is supported when rejecting binary', () => {
    try {
      decodeText(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00, 0x05, 0x00]));
      expect.unreachable();
    } catch (e) {
      expect((e as GongwenError).message).toMatch(/does not look like text/);
      expect((e as GongwenError).message).toMatch(/DOCX/);
    }
  });

  it('rejects empty and whitespace-only input as EMPTY_INPUT', () => {
    expect(codeOf(() => decodeText(new Uint8Array()))).toBe(ErrorCode.EMPTY_INPUT);
    expect(codeOf(() => decodeText(utf8(' \n\t\r\n　')))).toBe(ErrorCode.EMPTY_INPUT);
    expect(codeOf(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf])))).toBe(ErrorCode.EMPTY_INPUT);
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe])))).toBe(ErrorCode.EMPTY_INPUT);
  });
});

describe('decodeHead', () => {
  it('never throws and decodes UTF-16 heads', () => {
    expect(decodeHead(new Uint8Array())).toBe('');
    expect(decodeHead(utf16('<html>', true, true))).toBe('<html>');
    expect(decodeHead(utf8('<p>x</p>'.repeat(5000))).length).toBeLessThanOrEqual(8192);
  });
});
