import { describe, expect, it } from 'vitest';
import CFB from 'cfb';
import { sniffFormat, sniffTextFormat, zipEntryNames } from '../../src/read/sniff.js';
import { ErrorCode, GongwenError } from '../../src/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A minimal stored (uncompressed) ZIP with a local header + central directory per entry. */
function zip(files: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  let count = 0;
  for (const [name, content] of Object.entries(files)) {
    const n = [...utf8(name)];
    const data = [...utf8(content)];
    const offset = parts.length;
    u32(parts, 0x04034b50); u16(parts, 20); u16(parts, 0); u16(parts, 0); u16(parts, 0); u16(parts, 0);
    u32(parts, 0); u32(parts, data.length); u32(parts, data.length); u16(parts, n.length); u16(parts, 0);
    parts.push(...n, ...data);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0);
    u32(central, 0); u32(central, data.length); u32(central, data.length); u16(central, n.length); u16(central, 0); u16(central, 0);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...n);
    count++;
  }
  const cdOffset = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50); u16(end, 0); u16(end, 0); u16(end, count); u16(end, count); u32(end, central.length); u32(end, cdOffset); u16(end, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}

function thrown(fn: () => unknown): GongwenError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GongwenError);
    return e as GongwenError;
  }
  throw new Error('expected a throw');
}

describe('sniffFormat: magic bytes', () => {
  it('detects PDF', () => {
    expect(sniffFormat(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
  });

  it('magic bytes beat the file extension', () => {
    expect(sniffFormat(utf8('%PDF-1.4\n'), 'plan.txt')).toBe('pdf');
    expect(sniffFormat(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'plan.md')).toBe('docx');
  });

  it('reads ZIP entry names from the central directory', () => {
    expect(zipEntryNames(zip({ a: '1', 'word/document.xml': 'x' }))).toEqual(['a', 'word/document.xml']);
  });

  it('rejects a ZIP that is not a DOCX', () => {
    const e = thrown(() => sniffFormat(zip({ 'readme.txt': 'hello', 'data/plan.csv': '1,2' }), 'plan.docx'));
    expect(e.code).toBe(ErrorCode.UNSUPPORTED_FORMAT);
    expect(e.message).toMatch(/ZIP archive but not a DOCX/);
  });

  it('names XLSX archives; OFD packages are OFD', () => {
    expect(thrown(() => sniffFormat(zip({ 'xl/workbook.xml': '<x/>' }))).message).toMatch(/Excel/);
    expect(sniffFormat(zip({ 'OFD.xml': '<ofd:OFD/>' }), 'plan.zip')).toBe('ofd');
  });

  it('sniffs compound files by their streams, not their name', () => {
    const ole = (...streams: string[]) => {
      const c = CFB.utils.cfb_new();
      for (const s of streams) CFB.utils.cfb_add(c, s, new Uint8Array([1, 2, 3]));
      return new Uint8Array(CFB.write(c, { type: 'array' }) as number[]);
    };
    expect(sniffFormat(ole('WordDocument', '1Table'), 'plan.xls')).toBe('doc');
    const xls = thrown(() => sniffFormat(ole('Workbook'), 'plan.doc'));
    expect(xls.code).toBe(ErrorCode.UNSUPPORTED_FORMAT);
    expect(xls.message).toMatch(/spreadsheet.*\.xls.*\.et/);
    expect(thrown(() => sniffFormat(ole('PowerPoint Document'), 'plan.wps')).message).toMatch(/presentation.*\.ppt/);
    expect(thrown(() => sniffFormat(ole('EncryptionInfo', 'EncryptedPackage'), 'plan.docx')).message).toMatch(/password/);
    expect(thrown(() => sniffFormat(ole('WpsContent'), 'plan.wps')).message).toMatch(/old WPS format/);
    expect(sniffFormat(ole('WordDocument', '1Table', 'WpsCustomData'), 'plan.wps')).toBe('doc');
  });

  it('a truncated compound file is FILE_CORRUPT', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(thrown(() => sniffFormat(ole, 'plan.doc')).code).toBe(ErrorCode.FILE_CORRUPT);
  });

  it('rejects images', () => {
    expect(thrown(() => sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).code).toBe(ErrorCode.UNSUPPORTED_FORMAT);
  });
});

describe('sniffFormat: text', () => {
  it('detects HTML documents and fragments', () => {
    expect(sniffFormat(utf8('<!DOCTYPE html>\n<html><body><p>政务公开</p></body></html>'))).toBe('html');
    expect(sniffFormat(utf8('\uFEFF  <html lang="zh-CN"><head><meta charset="utf-8">'))).toBe('html');
    expect(sniffTextFormat('<div class="article"><p>一、总体要求</p><p>（一）……</p><table><tr><td>1</td></tr></table></div>')).toBe('html');
  });

  it('detects Markdown', () => {
    expect(sniffTextFormat('# 永昌县2025年政务公开工作要点\n\n## 一、围绕法定内容强化主动公开\n\n正文')).toBe('markdown');
    expect(sniffTextFormat('序号 | 任务 | 牵头单位\n|---|---|---|\n| 1 | 公开 | 县政府办 |')).toBe('markdown');
    expect(sniffTextFormat('正文\n\n---\n\n- 第一项\n- 第二项\n')).toBe('markdown');
  });

  it('plain Chinese government text is text', () => {
    const text = '永昌县2025年政务公开工作要点\n\n一、围绕法定内容强化主动公开\n\n(一)严格规范公开内容发布。(责任单位:县政府各部门、单位)\n1.组织机构:县政府机构设置;\n';
    expect(sniffTextFormat(text)).toBe('text');
    expect(sniffFormat(utf8(text), 'plan.txt')).toBe('text');
  });

  it('uses the extension only as a tie-breaker', () => {
    expect(sniffTextFormat('正文一段。\n正文二段。', 'plan.md')).toBe('markdown');
    expect(sniffTextFormat('正文一段。', 'page.html')).toBe('html');
    expect(sniffTextFormat('# 标题\n## 小标题\n', 'plan.txt')).toBe('markdown');
    expect(sniffTextFormat('<!DOCTYPE html><html></html>', 'plan.md')).toBe('html');
  });

  it('sniffs UTF-16 and GB18030 bytes', () => {
    const html = '<html><body>政务</body></html>';
    const le = new Uint8Array(2 + html.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < html.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, html.charCodeAt(i), true);
    expect(sniffFormat(le)).toBe('html');
    const gbk = new Uint8Array([...utf8('# '), 0xd5, 0xfe, 0xce, 0xf1, ...utf8('\n## '), 0xb9, 0xab, 0xbf, 0xaa, 0x0a]);
    expect(sniffFormat(gbk)).toBe('markdown');
  });

  it('does not throw on empty input', () => {
    expect(sniffFormat(new Uint8Array())).toBe('text');
  });
});
