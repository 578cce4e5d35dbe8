import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, extractPdf, type PdfExtraction } from '../../src/extract/pdf/index.js';
import type { PageLines } from '../../src/extract/pdf/furniture.js';
import { isPageNumberText } from '../../src/extract/pdf/furniture.js';
import { buildLines, keepSpace } from '../../src/extract/pdf/lines.js';

const dir = fileURLToPath(new URL('../../corpus/pdf-docx', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Record<string, { level1_markers: string[]; level2_markers: string[] }>;
const squash = (s: string) => s.replace(/\s+/g, '');

interface Case {
  id: string;
  pdf: string;
  pages: number;
  /** The source text's main content, as the PDF renders it (see MANIFEST "text changes"). */
  source: () => string;
  /** Strings that a page break (in the PDF or in the original text) split, which must sit inside one block. */
  joins: string[];
}

const cases: Case[] = [
  {
    id: 'jinchang-2023-2024-gongkai-yaodian',
    pdf: 'jinchang-2023-2024-gongkai-yaodian.pdf',
    pages: 10,
    source: () =>
      readFileSync(join(dir, 'jinchang-2023-2024-gongkai-yaodian.md'), 'utf8')
        .replace(/^#+ /gm, '')
        .replace(/^---$/gm, ''),
    joins: [
      '中央、省属在金有关单位，永昌县、金川区政府',
      '智能咨询功能。强化重大税收违法失信案件信息公开。',
      '围绕政策措施的执行过程',
      '牵头单位：市大数据中心，责任单位',
      '优化政府公文主题划分和下载功能', // PDF page 2 → 3
      '认真抓好工作落实。', // (二十一) runs from page 9 onto page 10
    ],
  },
  {
    id: 'wuwei-2023-gongkai-fangan',
    pdf: 'wuwei-2023-gongkai-fangan.pdf',
    pages: 9,
    source: () => readFileSync(join(dir, 'wuwei-2023-gongkai-fangan.txt'), 'utf8'),
    joins: ['结合实际梳理编发该领域基层政务公开事项目录', '市政府各部门，完成时限：长期坚持', '切实做到以公开为常态', '加强涉外数据活动风险评估、监测预警'],
  },
  {
    id: 'yongchang-2025-gongkai-yaodian',
    pdf: 'yongchang-2025-gongkai-yaodian.pdf',
    pages: 9,
    // The 2025 plan inside the web scrape (its title up to the 2024-2025 notice that follows).
    source: () => {
      const lines = readFileSync(join(dir, 'yongchang-site-scrape.txt'), 'utf8').split('\n');
      const start = lines.indexOf('永昌县2025年政务公开工作要点');
      const end = lines.findIndex((l, i) => i > start && l.startsWith('永昌县人民政府办公室关于印发'));
      return lines.slice(start, end).join('\n');
    },
    joins: ['营造诚信守法、公平'],
  },
];

const results = new Map<string, PdfExtraction>();
beforeAll(async () => {
  for (const c of cases) results.set(c.id, await extractPdf(read(c.pdf)));
});

describe.each(cases)('extractPdf($id)', (c) => {
  const r = () => results.get(c.id)!;

  it('counts pages', () => {
    expect(r().pages).toBe(c.pages);
  });

  it('reproduces the source text (whitespace aside)', () => {
    const got = squash(r().blocks.map((b) => b.text).join(''));
    expect(got).toBe(squash(c.source()));
  });

  it('moves every page number to furniture and none into blocks', () => {
    const f = r().furniture;
    expect(f.map((b) => b.span.page)).toEqual(Array.from({ length: c.pages }, (_, i) => i + 1));
    expect(f.every((b) => b.kind === 'furniture' && b.role === 'page-number')).toBe(true);
    expect(f.map((b) => b.text)).toEqual(Array.from({ length: c.pages }, (_, i) => `—${i + 1}—`));
    for (const b of r().blocks) {
      expect(b.kind).toBe('paragraph');
      expect(b.text).not.toMatch(/[—-]\s*\d+\s*[—-]\s*$/);
      expect(b.text).not.toMatch(/^\s*[—-]\s*\d+\s*[—-]/);
    }
  });

  it('starts a block at every 一、 and （一） marker, in order', () => {
    const blocks = r().blocks.map((b) => b.text);
    const level1 = blocks.map((t) => /^[一二三四五六七八九十]+、/.exec(t)?.[0]).filter(Boolean);
    const level2 = blocks.map((t) => /^[（(][一二三四五六七八九十]+[)）]/.exec(t)?.[0]).filter(Boolean);
    expect(level1).toEqual(facts[c.id].level1_markers);
    expect(level2).toEqual(facts[c.id].level2_markers);
    // …and no marker hides mid-block after a line that should have ended a paragraph.
    for (const t of blocks) expect(t.slice(1)).not.toMatch(/。[（(][一二三四五六七八九十]+[)）]/);
  });

  it('joins sentences split by page breaks inside one block', () => {
    for (const s of c.joins) expect(r().blocks.some((b) => squash(b.text).includes(s)), s).toBe(true);
  });

  it('gives spans that slice back into the synthesised text', () => {
    const { text, blocks, furniture } = r();
    let last = -1;
    for (const b of [...blocks, ...furniture]) {
      expect(text.slice(b.span.start, b.span.end)).toBe(b.text);
      expect(b.span.line).toBe(text.slice(0, b.span.start).split('\n').length);
      expect(b.span.page).toBeGreaterThanOrEqual(1);
      expect(b.span.page).toBeLessThanOrEqual(c.pages);
    }
    for (const b of blocks) {
      expect(b.span.start).toBeGreaterThan(last);
      last = b.span.start;
    }
    // Paragraphs are separated by blank lines and pages are non-decreasing.
    expect(blocks.slice(1).every((b) => b.gapBefore === true)).toBe(true);
    expect(blocks.map((b) => b.span.page)).toEqual([...blocks.map((b) => b.span.page!)].sort((a, b) => a - b));
  });

  it('removes the spaces LibreOffice puts between CJK and digits', () => {
    // (The 版记 印发 line keeps one space where the source had a tab: see the layout tests.)
    const text = r().blocks.filter((b) => !b.text.endsWith('印发')).map((b) => b.text).join('\n');
    expect(text).not.toMatch(/[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]/);
  });
});

describe('extractPdf layout details (Jinchang)', () => {
  const r = () => results.get('jinchang-2023-2024-gongkai-yaodian')!;
  it('keeps the 3-line centred notice title as one centred block', () => {
    const title = r().blocks.find((b) => b.text.startsWith('金昌市人民政府办公室关于印发'))!;
    expect(title.text).toBe('金昌市人民政府办公室关于印发金昌市2023-2024年政务公开工作要点的通知');
    expect(title.style).toMatchObject({ fontSize: 22, align: 'center' });
  });
  it('marks 文号 centred, 署名/日期 right-aligned and separate, body indented 2 em', () => {
    const byText = (t: string) => r().blocks.find((b) => b.text === t)!;
    expect(byText('金政办发〔2023〕90号').style?.align).toBe('center');
    expect(byText('金昌市人民政府办公室').style?.align).toBe('right');
    expect(byText('2023年10月27日').style?.align).toBe('right');
    expect(r().blocks.find((b) => b.text.startsWith('(一)'))!.style).toMatchObject({ fontSize: 16, align: 'left', indent: 2 });
  });
  it('keeps 版记 lines apart and the tab gap before 印发日期 as a space', () => {
    const texts = r().blocks.slice(-3).map((b) => b.text);
    expect(texts).toEqual(['抄送：市委网信办。', '公开属性：主动公开', '金昌市人民政府办公室 2023年10月27日印发']);
  });
  it('records the start page of a paragraph that crosses a page break', () => {
    const b = r().blocks.find((x) => x.text.startsWith('(二)'))!;
    expect(b.span.page).toBe(2);
    expect(b.text).toContain('优化政府公文主题划分和下载功能');
  });
  it('leaves the caller’s bytes usable (pdfjs detaches the buffer it is given)', async () => {
    const bytes = read('wuwei-2023-gongkai-fangan.pdf');
    await extractPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(String.fromCharCode(...bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

// Synthetic pages: the layout rules without pdfjs.
const item = (str: string, x: number, y: number, size = 16) => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size });
function page(p: number, rows: [string, number, number][]): PageLines {
  return { page: p, height: 842, bottom: 0, lines: buildLines(rows.map(([s, x, y]) => item(s, x, y)), p) };
}
const FULL = '一二三四五六七八九十一二三四五六七八九十'; // 20 chars × 16 pt = 320 pt: from x=80 to the right edge at 400

describe('PDF layout rules (synthetic)', () => {
  it('joins a paragraph across a page break only when the next page does not indent', () => {
    const pages = [
      page(1, [[FULL, 80, 700], [FULL, 80, 671], ['头' + FULL.slice(1), 80, 642], [FULL, 80, 613], ['— 1 —', 200, 60]]),
      page(2, [['接着', 80, 700], ['尾句。', 80, 671], ['新段落' + FULL.slice(5), 112, 642], [FULL, 80, 613], ['— 2 —', 200, 60]]),
      page(3, [[FULL.slice(2), 112, 700], [FULL, 80, 671], ['— 3 —', 200, 60]]),
    ];
    const r = assemble(pages);
    const texts = r.blocks.map((b) => b.text);
    expect(texts[0]).toBe(FULL + FULL + '头' + FULL.slice(1) + FULL + '接着');
    expect(r.blocks[0].span.page).toBe(1);
    expect(texts[1]).toBe('尾句。');
    expect(texts[2].startsWith('新段落')).toBe(true);
    expect(texts[3].startsWith(FULL.slice(2))).toBe(true); // page 3 starts indented: a new paragraph
    expect(r.furniture.map((f) => f.text)).toEqual(['—1—', '—2—', '—3—']);
  });

  it('detects running headers and 第 N 页 共 M 页 footers', () => {
    const pages = [1, 2, 3].map((p) =>
      page(p, [['某某市人民政府文件汇编', 150, 800], [FULL, 80, 700], [FULL, 80, 671], [`第 ${p} 页 共 3 页`, 180, 40]]),
    );
    const r = assemble(pages);
    expect(r.furniture.map((f) => f.role)).toEqual(['running-header', 'page-number', 'running-header', 'page-number', 'running-header', 'page-number']);
    expect(r.blocks.map((b) => b.text).join('')).toBe((FULL + FULL).repeat(3));
  });

  it('recognises page-number shapes', () => {
    for (const s of ['— 3 —', '-3-', '3', '第3页', '第 3 页 共 9 页', '3/9', 'Page 3 of 9', '- 12 -']) expect(isPageNumberText(s), s).toBe(true);
    for (const s of ['3、', '一、总体要求', '2023年', '（三）']) expect(isPageNumberText(s), s).toBe(false);
  });

  it('drops spaces next to CJK but keeps them between Latin words', () => {
    expect(keepSpace('3', '年')).toBe(false);
    expect(keepSpace('〕', '9')).toBe(false);
    expect(keepSpace('a', 'b')).toBe(true);
    const [line] = buildLines([item('对', 80, 700), item(' ', 96, 700), item('26', 101, 700), item(' ', 117, 700), item('个', 122, 700), item('Open', 140, 700), item(' ', 204, 700), item('Data', 209, 700)], 1);
    expect(line.text).toBe('对26个Open Data');
  });
});
