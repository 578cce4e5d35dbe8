import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GongwenError } from '../../src/errors.js';
import { extractDocx } from '../../src/extract/docx/index.js';
import { formatNumber, Numbering } from '../../src/extract/docx/numbering.js';
import { parseStyles } from '../../src/extract/docx/styles.js';
import { parseXml } from '../../src/extract/docx/xml.js';

const file = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../corpus/${path}`, import.meta.url))));
const squash = (s: string) => s.replace(/\s+/g, '');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(GongwenError);
    return (err as GongwenError).code;
  }
  throw new Error('expected a GongwenError');
}

describe('extractDocx: Word auto-numbering', async () => {
  const { text, blocks } = await extractDocx(file('fixtures/numbered.docx'));
  const byStart = (s: string) => blocks.find((b) => b.text.includes(s))!;

  it('recovers 一、 / （一） / 1. / ① markers, restarting （一） under 二、', () => {
    expect(blocks.map((b) => b.listMarker ?? '')).toEqual([
      '', '', '一、', '（一）', '（二）', '二、', '（一）', '1.', '2.', '①', '（二）', '1.', '', '三、', '（一）', '1.', '2.', '5.',
    ]);
  });

  it('prefixes the marker to the text so downstream sees 一、…', () => {
    expect(byStart('总体要求').text).toBe('一、总体要求');
    expect(byStart('强化政策解读').text).toBe('（一）强化政策解读。做好政策文件解读工作。（牵头单位：市司法局，责任单位：市政府各部门、单位）');
    expect(byStart('深化重点领域').text.startsWith('（一）深化重点领域')).toBe(true);
    expect(byStart('细化公开事项').text).toBe('1. 细化公开事项清单。'); // a tab-suffixed Latin marker keeps one space
  });

  it('numbers through a Heading style and marks it as a heading', () => {
    const h = byStart('保障措施');
    expect(h).toMatchObject({ kind: 'heading', text: '三、保障措施', listMarker: '三、' });
    expect(h.style).toMatchObject({ name: 'heading 1', bold: true });
  });

  it('treats numId 0 as "not numbered", honours startOverride and separate lists', () => {
    expect(byStart('这一段不编号').listMarker).toBeUndefined();
    expect(byStart('另一编号列表第一项').text).toBe('1. 另一编号列表第一项');
    expect(byStart('从五开始').text).toBe('5. 从五开始的列表');
  });

  it('keeps footers out of the body and spans slicing the synthesised text', () => {
    expect(text).not.toContain('— 1 —');
    for (const b of blocks) {
      expect(text.slice(b.span.start, b.span.end)).toBe(b.text);
      expect(b.span.line).toBe(text.slice(0, b.span.start).split('\n').length);
    }
    expect(blocks[0].style).toMatchObject({ align: 'center', fontSize: 22 });
    expect(blocks[1].style).toMatchObject({ indent: 2, fontSize: 16 });
  });
});

describe('extractDocx: task ledger table', async () => {
  const { text, blocks } = await extractDocx(file('fixtures/task-table.docx'));
  const rows = blocks.filter((b) => b.kind === 'table-row');
  const header = ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'];

  it('emits one table-row per row with the header attached', () => {
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ cells: header, role: 'table-header' });
    for (const r of rows) expect(r.header).toEqual(header);
  });

  it('expands the vMerge’d 牵头单位 over every row it covers, and gridSpan across columns', () => {
    expect(rows.slice(2, 5).map((r) => r.cells![2])).toEqual(['市司法局', '市司法局', '市司法局']);
    expect(rows[5].cells![2]).toBe('市政府办公室');
    expect(rows[1].cells).toEqual(Array(5).fill('一、重点领域信息公开'));
    expect(rows[3].cells).toEqual(['2', '规范依申请公开', '市司法局', '各县区政府\n市直各部门', '2024年6月底前']);
  });

  it('keeps paragraphs around the table in order, spans slicing back', () => {
    expect(blocks[0].text).toBe('某某市2024年政务公开重点任务分工台账');
    expect(blocks.at(-1)!.text).toBe('（此件公开发布）');
    for (const b of blocks) expect(text.slice(b.span.start, b.span.end)).toBe(b.text);
  });
});

describe('extractDocx: corpus documents', () => {
  const cases = [
    ['jinchang-2023-2024-gongkai-yaodian', 21],
    ['wuwei-2023-gongkai-fangan', 17],
    ['yongchang-2025-gongkai-yaodian', 22],
  ] as const;
  const facts = JSON.parse(readFileSync(fileURLToPath(new URL('../../corpus/pdf-docx/facts.json', import.meta.url)), 'utf8'));

  it.each(cases)('%s: typed markers start blocks; text matches the PDF rendering', async (id, n) => {
    const { blocks } = await extractDocx(file(`pdf-docx/${id}.docx`));
    const level2 = blocks.map((b) => /^[（(][一二三四五六七八九十]+[)）]/.exec(b.text)?.[0]).filter(Boolean);
    expect(level2).toHaveLength(n);
    expect(level2).toEqual(facts[id].level2_markers);
    expect(blocks.every((b) => b.kind === 'paragraph' && !b.listMarker)).toBe(true);
    // The PDFs are LibreOffice exports of these DOCX files: same text, whitespace aside.
    const pdfText = (await import('../../src/extract/pdf/index.js')).extractPdf;
    const pdf = await pdfText(file(`pdf-docx/${id}.pdf`));
    expect(squash(blocks.map((b) => b.text).join(''))).toBe(squash(pdf.blocks.map((b) => b.text).join('')));
  });
});

describe('extractDocx: bad files', () => {
  it('a ZIP without word/document.xml → UNSUPPORTED_FORMAT', async () => {
    expect(await codeOf(extractDocx(file('fixtures/not-a-docx.zip')))).toBe('UNSUPPORTED_FORMAT');
  });
  it('not a ZIP at all → UNSUPPORTED_FORMAT; an OLE .doc → UNSUPPORTED_FORMAT', async () => {
    expect(await codeOf(extractDocx(new TextEncoder().encode('一、总体要求')))).toBe('UNSUPPORTED_FORMAT');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codeOf(extractDocx(ole))).toBe('UNSUPPORTED_FORMAT');
  });
  it('truncated → FILE_CORRUPT', async () => {
    expect(await codeOf(extractDocx(file('fixtures/truncated.docx')))).toBe('FILE_CORRUPT');
  });
  it('a flipped byte in a part → FILE_CORRUPT (CRC/inflate), not garbage text', async () => {
    const bytes = file('fixtures/numbered.docx').slice();
    const at = Buffer.from(bytes).indexOf('word/document.xml') + 'word/document.xml'.length + 40;
    bytes[at] ^= 0xff;
    expect(await codeOf(extractDocx(bytes))).toBe('FILE_CORRUPT');
  });
  it('decompression bombs → TOO_LARGE before inflating', async () => {
    expect(await codeOf(extractDocx(file('fixtures/bomb-ratio.docx')))).toBe('TOO_LARGE');
    expect(await codeOf(extractDocx(file('fixtures/bomb-declared.docx')))).toBe('TOO_LARGE');
    expect(await codeOf(extractDocx(file('fixtures/numbered.docx'), { maxUncompressedBytes: 1000 }))).toBe('TOO_LARGE');
  });
});

describe('Word number formats and counters', () => {
  it('formats Chinese and enclosed numbers', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十',
    ]);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'chineseLegalSimplified')).toBe('肆');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
  });

  it('honours w:start and w:lvlRestart="0" (a level that never restarts)', () => {
    const xml = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const n = new Numbering(parseXml(xml, 'numbering.xml'), parseStyles(undefined));
    const seq = [0, 1, 1, 0, 1].map((l) => n.next('7', l)!.marker);
    expect(seq).toEqual(['三、', '（一）', '（二）', '四、', '（三）']); // as in Wuwei: （一） runs on across 一、…五、
  });
});
