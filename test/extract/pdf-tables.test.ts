import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flattenTasks, parse } from '../../src/index.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { openPdf } from '../../src/extract/pdf/load.js';
import { ruledTables, stitchTables, type PageTable } from '../../src/extract/pdf/tables.js';
import { pageFrame, uprightItems, type Segment } from '../../src/extract/pdf/geometry.js';
import { isPlaceholderCell } from '../../src/extract/placeholder.js';
import { LEDGER, tableFixtures } from '../../scripts/fixtures/make-pdf-tables.js';
import { writeZip } from '../../scripts/fixtures/zip-writer.js';

const corpus = (p: string) => fileURLToPath(new URL(`../../corpus/${p}`, import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(corpus(`fixtures/${name}`)));

/** What a task is, for comparing formats: marker, heading, units, deadline, parents. */
async function tasksOf(input: string | Uint8Array) {
  const r = await parse(input);
  return flattenTasks(r.documents[0]).map((t) => [t.marker, t.heading, t.lead, t.responsible, t.deadline?.raw ?? null, t.parents]);
}

async function pageTexts(bytes: Uint8Array): Promise<{ text: string; rotate: number; width: number }[]> {
  const doc = await openPdf(bytes, 10_000);
  const out = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    out.push({ text: content.items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, ''), rotate: page.rotate, width: page.getViewport({ scale: 1 }).width });
  }
  await doc.destroy();
  return out;
}

const HEADER = ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'];

describe('PDF task tables: the same tasks as the same table in HTML', async () => {
  const html = await tasksOf(corpus('html/task-table.html'));

  it('the HTML reference has the tasks the fixtures hold (hand-checked)', () => {
    expect(html.map((t) => t[0])).toEqual(['一、', '1', '2', '3', '二、', '4', '5', '6']);
    expect(html[2]).toEqual(['2', '持续公开行政规范性文件，做好“政府信息公开专栏”动态更新', ['县政府办公室'], ['县司法局', '县政府各部门、单位'], '持续推进', ['围绕法定内容强化主动公开']]);
    expect(html[6]).toEqual(['5', '加强教育领域信息公开', ['县教育局'], ['县教育局'], '持续推进', ['围绕重点领域深化信息公开']]);
  });

  it.each(['task-table.pdf', 'task-table-multipage.pdf', 'task-table-rotated.pdf', 'task-table-unruled.pdf'])('%s', async (name) => {
    expect(await tasksOf(corpus(`fixtures/${name}`))).toEqual(html);
  });

  it('the committed fixtures are what the generator writes', () => {
    for (const [name, bytes] of Object.entries(tableFixtures())) expect(Buffer.from(fixture(name)).equals(Buffer.from(bytes)), name).toBe(true);
  });
});

/**
 * The ledger as a Word table: rowSpan → vMerge, colSpan → gridSpan; `extra` rows appended.
 * Without its caption row: the DOCX adapter takes the first row (or the w:tblHeader rows) as the header.
 */
function ledgerDocx(extra: string[][] = []): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const para = (t: string) => t.split('\n').map((x) => `<w:p><w:r><w:t xml:space="preserve">${esc(x)}</w:t></w:r></w:p>`).join('');
  const tc = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(t)}</w:tc>`;
  const covered = new Map<string, number>(); // "row,col" → rows left of a vertical merge
  const rows = [...LEDGER.slice(1).map((r) => r.map((c) => ({ ...c }))), ...extra.map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 })))];
  const trs = rows.map((row, r) => {
    let col = 0;
    const cells: string[] = [];
    for (const cell of row) {
      while (covered.has(`${r},${col}`)) {
        cells.push(tc('', '<w:vMerge/>'));
        col++;
      }
      const span = cell.colSpan ?? 1;
      const pr = (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') + ((cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '');
      for (let k = 1; k < (cell.rowSpan ?? 1); k++) covered.set(`${r + k},${col}`, 1);
      cells.push(tc(cell.text, pr));
      col += span;
    }
    while (covered.has(`${r},${col}`)) {
      cells.push(tc('', '<w:vMerge/>'));
      col++;
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const body = `<w:p><w:r><w:t>永昌县2025年政务公开重点任务分解表</w:t></w:r></w:p><w:p><w:r><w:t>为抓好《永昌县2025年政务公开工作要点》落实，现将重点任务分解如下：</w:t></w:r></w:p><w:tbl><w:tblGrid>${'<w:gridCol w:w="1800"/>'.repeat(5)}</w:tblGrid>${trs.join('')}</w:tbl><w:p><w:r><w:t>永昌县人民政府办公室</w:t></w:r></w:p>`;
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
  ]);
}

describe('the same ledger in DOCX', () => {
  it('gives the same tasks as the PDF (vMerge, gridSpan)', async () => {
    expect(await tasksOf(ledgerDocx())).toEqual(await tasksOf(fixture('task-table.pdf')));
  });

  it('DOCX placeholder cells (— 牵头单位, 无 责任单位, / 完成时限) are empty, not units', async () => {
    const tasks = await tasksOf(ledgerDocx([['7', '做好政务公开培训。', '—', '无', '/']]));
    expect(tasks[tasks.length - 1]).toEqual(['7', '做好政务公开培训', [], [], null, ['围绕重点领域深化信息公开']]);
  });
});

describe('extractPdf: table-row blocks like the DOCX and HTML adapters', () => {
  it('emits the header once, captions and section rows as paragraphs, merged cells expanded', async () => {
    const { blocks } = await extractPdf(fixture('task-table.pdf'));
    const rows = blocks.filter((b) => b.kind === 'table-row');
    expect(rows[0]).toMatchObject({ role: 'table-header', cells: HEADER });
    for (const r of rows) expect(r.header).toEqual(HEADER);
    expect(rows.slice(1, 4).map((r) => r.cells![2])).toEqual(['县政府办公室', '县政府办公室', '县政府办公室']); // 牵头 merged down 3 rows
    expect(rows[5].cells).toEqual(['5', '加强教育领域信息公开。', '县教育局', '县教育局', '持续推进']); // 牵头+责任 merged across
    expect(rows[2].cells![3]).toBe('县司法局\n县政府各部门、单位'); // a line break inside a cell is kept, a wrap is not
    expect(rows[1].cells![4]).toBe('2025年12月底前');
    expect(blocks.filter((b) => b.role === 'table-section').map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '一、围绕法定内容强化主动公开'],
      ['paragraph', '二、围绕重点领域深化信息公开'],
    ]);
    expect(blocks.find((b) => b.role === 'table-caption')?.text).toBe('2025年政务公开重点任务台账');
    // reading order: title and intro before the table, signature after
    expect(blocks[0].text).toBe('永昌县2025年政务公开重点任务分解表');
    expect(blocks[blocks.length - 1].text).toBe('永昌县人民政府办公室');
  });

  it('multi-page: the header is repeated and a row and the merged 牵头 cell are cut by the page break (fixture check)', async () => {
    const pages = await pageTexts(fixture('task-table-multipage.pdf'));
    expect(pages).toHaveLength(2);
    // page 2 starts with the repeated header, then the rest of row 2 (no 序号): "动态更新。" and "县政府各部门、单位"
    expect(pages[1].text.startsWith('序号工作任务牵头单位责任单位完成时限')).toBe(true);
    expect(pages[0].text).toContain('持续公开行政规范性');
    expect(pages[0].text).not.toContain('动态更新');
    expect(pages[1].text).toContain('动态更新。');
    expect(pages[0].text.split('县政府办公室').length - 1).toBe(1); // the merged cell's text is printed once, on page 1
  });

  it('multi-page: one header block, the split row joined, the merged cell carried onto page 2', async () => {
    const { blocks } = await extractPdf(fixture('task-table-multipage.pdf'));
    const rows = blocks.filter((b) => b.kind === 'table-row');
    expect(rows.filter((r) => r.role === 'table-header')).toHaveLength(1);
    expect(rows.map((r) => r.cells![0])).toEqual(['序号', '1', '2', '3', '4', '5', '6']);
    const row2 = rows[2];
    expect(row2.cells).toEqual(['2', '持续公开行政规范性文件，做好“政府信息公开专栏”动态更新。', '县政府办公室', '县司法局\n县政府各部门、单位', '持续推进']);
    expect(row2.span.page).toBe(1);
    expect(rows[3]).toMatchObject({ cells: ['3', '科学编发信息公开年报。', '县政府办公室', '县政府各部门、单位', '2025年1月31日前'], span: { page: 2 } });
    // page numbers are still furniture
    expect((await extractPdf(fixture('task-table-multipage.pdf'))).furniture.map((f) => f.text)).toEqual(['—1—', '—2—']);
  });

  it('/Rotate 90: the fixture is a portrait MediaBox shown landscape, read in display order', async () => {
    const [page] = await pageTexts(fixture('task-table-rotated.pdf'));
    expect(page.rotate).toBe(90);
    expect(page.width).toBe(842);
    const { blocks } = await extractPdf(fixture('task-table-rotated.pdf'));
    expect(blocks.map((b) => b.text)).toEqual((await extractPdf(fixture('task-table.pdf'))).blocks.map((b) => b.text));
  });

  it('spans slice back into the synthesised text (tab-separated cells)', async () => {
    const { text, blocks } = await extractPdf(fixture('task-table-multipage.pdf'));
    for (const b of blocks) {
      expect(text.slice(b.span.start, b.span.end)).toBe(b.text);
      expect(b.span.line).toBe(text.slice(0, b.span.start).split('\n').length);
    }
    expect(blocks.find((b) => b.cells?.[0] === '4')?.text).toBe('4\t加强涉及市场主体信息公开。\t县发改局\t县市场监管局、县工信局、县科技局、县商务局\t2025年6月底前');
  });
});

// Synthetic geometry: grids without pdfjs.
const item = (str: string, x: number, y: number, size = 10) => ({ str, transform: [size, 0, 0, size, x, y], width: Array.from(str).length * size });
const h = (y: number, x0: number, x1: number): Segment => ({ dir: 'h', x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ dir: 'v', x0: x, x1: x, y0, y1 });
/** A 3-column grid at x = 0 | 100 | 200 | 300, rows 20 pt high from y = 500 down. */
function grid(rows: string[][], y0 = 500): { items: ReturnType<typeof item>[]; segments: Segment[] } {
  const items = rows.flatMap((cells, r) => cells.map((s, c) => item(s, c * 100 + 4, y0 - 20 * r - 14)).filter((i) => i.str));
  const segments = [...Array.from({ length: rows.length + 1 }, (_, r) => h(y0 - 20 * r, 0, 300)), ...[0, 100, 200, 300].map((x) => v(x, y0 - 20 * rows.length, y0))];
  return { items, segments };
}

describe('ruled grids (synthetic)', () => {
  it('placeholder cells (—, /, －, 无, \\) are empty', () => {
    const { items, segments } = grid([
      ['工作任务', '牵头单位', '完成时限'],
      ['公开目录', '—', '无'],
      ['公开年报', '/', '－'],
      ['答复文书', '\\', '长期坚持'],
    ]);
    const { tables } = ruledTables(items, segments, 1);
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ['工作任务', '牵头单位', '完成时限'],
      ['公开目录', '', ''],
      ['公开年报', '', ''],
      ['答复文书', '', '长期坚持'],
    ]);
  });

  it('a box without a task header is not a table: its text stays for the line builder', () => {
    const { items, segments } = grid([
      ['索引号', '0001', '主动公开'],
      ['文号', '永政办发〔2025〕1号', ''],
    ]);
    const { tables, rest } = ruledTables(items, segments, 1, (t) => stitchTables([t]).length > 0);
    expect(tables).toEqual([]);
    expect(rest.map((i) => i.str).join('')).toBe('索引号0001主动公开文号永政办发〔2025〕1号');
  });

  it('a missing line between two rows merges the cells; text outside the grid is left alone', () => {
    const { items, segments } = grid([
      ['工作任务', '牵头单位', '完成时限'],
      ['公开目录', '市司法局', '6月底前'],
      ['公开年报', '', '年底前'],
    ]);
    // remove the 牵头 column's line between the two body rows (y = 460, x 100–200)
    const cut = segments.filter((s) => !(s.dir === 'h' && s.y0 === 460));
    cut.push(h(460, 0, 100), h(460, 200, 300));
    items.push(item('表外的一段文字', 0, 300));
    const { tables, rest } = ruledTables(items, cut, 1);
    expect(tables[0].rows.map((r) => r.cells[1])).toEqual(['牵头单位', '市司法局', '市司法局']);
    expect(rest.map((i) => i.str)).toEqual(['表外的一段文字']);
  });

  it('stitches a continuation on the next page: repeated header dropped, split row joined', () => {
    const page1 = grid([
      ['工作任务', '牵头单位', '完成时限'],
      ['公开目录', '市司法局', '6月底前'],
      ['编制公开', '市政府办', ''],
    ]);
    const page2 = grid([
      ['工作任务', '牵头单位', '完成时限'],
      ['指南', '', '年底前'],
      ['公开年报', '市统计局', '长期坚持'],
    ]);
    const parts: PageTable[] = [...ruledTables(page1.items, page1.segments, 1).tables, ...ruledTables(page2.items, page2.segments, 2).tables];
    // No 序号 column: the first column is the key; a row whose key is filled is a row of its own.
    const [table] = stitchTables(parts);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['工作任务', '牵头单位', '完成时限'],
      ['公开目录', '市司法局', '6月底前'],
      ['编制公开', '市政府办', ''],
      ['指南', '', '年底前'],
      ['公开年报', '市统计局', '长期坚持'],
    ]);
    expect(table.rows.filter((r) => r.role === 'table-header')).toHaveLength(1);
  });

  it('upright frame: /Rotate 90 turns text drawn upwards into left-to-right lines', () => {
    // pdfjs's viewport transform for a 595×842 MediaBox with /Rotate 90: [0 1 1 0 0 0], shown 842×595.
    const frame = pageFrame([0, 1, 1, 0, 0, 0], 842, 595);
    const { upright, skewed } = uprightItems([{ str: '牵头单位', transform: [0, 12, -12, 0, 500, 100], width: 48 }], frame);
    expect(skewed).toEqual([]);
    expect(upright[0].transform.map((n) => Math.round(n))).toEqual([12, 0, 0, 12, 100, 95]);
  });
});

describe('placeholder cells in every table adapter', () => {
  it('recognises the placeholders and nothing else', () => {
    for (const s of ['—', '——', '/', '－', '无', '\\', ' — ', '／']) expect(isPlaceholderCell(s), s).toBe(true);
    for (const s of ['', '无锡市', '县司法局', '6月底前', '2025/6/30']) expect(isPlaceholderCell(s), s).toBe(false);
  });

  it('HTML: a — 牵头单位 and a / 完成时限 give no unit and no deadline', async () => {
    const page =
      '<html><body><h1>某县2025年政务公开重点任务分解表</h1><table>' +
      '<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>' +
      '<tr><td>1</td><td>公开年报。</td><td>—</td><td>县统计局</td><td>/</td></tr>' +
      '<tr><td>2</td><td>公开目录。</td><td>县司法局</td><td>无</td><td>6月底前</td></tr></table></body></html>';
    const r = await parse(new TextEncoder().encode(page), { format: 'html' });
    const tasks = flattenTasks(r.documents[0]);
    expect(tasks.map((t) => [t.lead, t.responsible, t.deadline?.raw ?? null])).toEqual([
      [[], ['县统计局'], null],
      [['县司法局'], [], '6月底前'],
    ]);
  });
});

describe('ruling lines from the operator list (pageGraphics)', async () => {
  const { pageGraphics } = await import('../../src/extract/pdf/geometry.js');
  const { loadPdfJs } = await import('../../src/extract/pdf/load.js');
  const { OPS } = await loadPdfJs();
  const frame = pageFrame([1, 0, 0, -1, 0, 842], 595, 842); // an unrotated A4 page
  const path = (paint: number, ...data: number[]) => [paint, [Float32Array.from(data)], null];

  it('stroked segments and rectangles, filled thin bars (Word borders); fills of large areas and curves are not lines', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.paintImageXObject];
    const args = [
      null,
      [1, 0, 0, 1, 100, 0], // shifts the next path 100 pt right, until restore
      path(OPS.stroke, 0, 0, 500, 1, 200, 500), // moveTo (0,500) lineTo (200,500): horizontal
      null,
      path(OPS.stroke, 0, 50, 100, 1, 150, 100, 1, 150, 50, 1, 50, 50, 4), // a stroked rectangle: 4 edges
      path(OPS.fill, 0, 300, 400, 1, 500, 400, 1, 500, 400.6, 1, 300, 400.6, 4), // a 0.6 pt filled bar: one line
      path(OPS.fill, 0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 4), // a page-sized fill: not a line
      path(OPS.stroke, 0, 10, 10, 2, 20, 20, 30, 20, 40, 10), // a curve: not a line
      [null],
    ];
    const g = pageGraphics(fn, args, OPS as never, frame);
    const round = (n: number) => Math.round(n * 10) / 10;
    expect(g.segments.map((s) => [s.dir, round(s.x0), round(s.y0), round(s.x1), round(s.y1)])).toEqual([
      ['h', 100, 500, 300, 500],
      ['h', 50, 100, 150, 100],
      ['v', 150, 50, 150, 100],
      ['h', 50, 50, 150, 50],
      ['v', 50, 50, 50, 100],
      ['h', 300, 400.3, 500, 400.3],
    ]);
    expect(g.images).toEqual([{ x0: 0, y0: 0, x1: 1, y1: 1 }]); // a unit square under the identity CTM
  });
});

describe('glyphs drawn as outlines (a "print to PDF" without text)', () => {
  it('count as no text layer', async () => {
    const { cjkPdf } = await import('../../scripts/fixtures/cjk-pdf.js');
    // a "字" made of filled curves and bars: vector ink, no text operators
    const glyph = (x: number, y: number) => `${x} ${y} m ${x + 10} ${y + 12} ${x + 14} ${y + 2} ${x + 16} ${y} c f ${x} ${y + 6} 16 1.2 re f`;
    const pdf = cjkPdf([{ width: 595, height: 842, ops: Array.from({ length: 40 }, (_, i) => glyph(72 + (i % 20) * 18, 700 - Math.floor(i / 20) * 30)) }]);
    const err = await extractPdf(pdf).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('PDF_NO_TEXT_LAYER');
  });
});

describe('bounded work', () => {
  it('a page of 1,000 × 1,000 lines (hatching, a hostile file) is no table, and quick', () => {
    const segments: Segment[] = [];
    for (let i = 0; i < 1000; i++) segments.push(h(i * 0.8, 0, 800), v(i * 0.8, 0, 800));
    const t0 = performance.now();
    const { tables, rest } = ruledTables([item('工作任务', 10, 10), item('牵头单位', 100, 10)], segments, 1);
    expect(tables).toEqual([]);
    expect(rest).toHaveLength(2);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('two-level header', () => {
  it('责任单位 over 牵头单位 | 配合单位, 序号/工作任务/完成时限 spanning both rows: the lower labels name the columns', () => {
    // 5 columns at x = 0,60,200,300,400,500; rows 20 pt from y = 500.
    const xs = [0, 60, 200, 300, 400, 500];
    const row = (y: number, cells: string[]) => cells.map((s, c) => item(s, xs[c] + 4, y - 14)).filter((i) => i.str);
    const items = [...row(500, ['序号', '工作任务', '责任单位', '', '完成时限']), ...row(480, ['', '', '牵头单位', '配合单位', '']), ...row(460, ['1', '公开年报', '市统计局', '市政府办', '年底前'])];
    const segments: Segment[] = [
      h(500, 0, 500),
      h(480, 200, 400), // only under 责任单位: the other header cells span both rows
      h(460, 0, 500),
      h(440, 0, 500),
      ...[0, 60, 200, 400, 500].map((x) => v(x, 440, 500)),
      v(300, 440, 480), // 牵头 | 配合 split below 责任单位 only
    ];
    const [table] = stitchTables(ruledTables(items, segments, 1).tables);
    expect(table.header).toEqual(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    expect(table.rows.filter((r) => r.role === 'table-header')).toHaveLength(2);
    expect(table.rows[2].cells).toEqual(['1', '公开年报', '市统计局', '市政府办', '年底前']);
  });
});

describe('a two-level header table through parse()', () => {
  it('gives lead and 配合单位 from the lower header labels; the header rows are no tasks; — is empty', async () => {
    const { cjkPdf, text, line } = await import('../../scripts/fixtures/cjk-pdf.js');
    const xs = [60, 100, 300, 400, 500, 560];
    const cell = (c: number, y: number, s: string) => text(xs[c] + 4, y - 14, 11, s);
    const ops = [
      text(150, 760, 18, '某县2025年政务公开重点任务分工表'),
      cell(0, 700, '序号'), cell(1, 700, '工作任务'), cell(2, 700, '责任单位'), cell(4, 700, '完成时限'),
      cell(2, 680, '牵头单位'), cell(3, 680, '配合单位'),
      cell(0, 660, '1'), cell(1, 660, '公开年报。'), cell(2, 660, '县统计局'), cell(3, 660, '县政府办'), cell(4, 660, '年底前'),
      cell(0, 640, '2'), cell(1, 640, '公开目录。'), cell(2, 640, '县司法局'), cell(3, 640, '—'), cell(4, 640, '6月底前'),
      ...[700, 660, 640, 620].map((y) => line(60, y, 560, y)),
      line(300, 680, 500, 680),
      ...[60, 100, 300, 500, 560].map((x) => line(x, 620, x, 700)),
      line(400, 620, 400, 680),
    ];
    const r = await parse(cjkPdf([{ width: 595, height: 842, ops }]));
    expect(flattenTasks(r.documents[0]).map((t) => [t.marker, t.heading, t.lead, t.cooperating, t.deadline?.raw])).toEqual([
      ['1', '公开年报', ['县统计局'], ['县政府办'], '年底前'],
      ['2', '公开目录', ['县司法局'], [], '6月底前'],
    ]);
  });
});
