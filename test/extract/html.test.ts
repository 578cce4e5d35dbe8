import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/extract/html.js';
import type { TextBlock } from '../../src/extract/block.js';

const page = readFileSync(new URL('../../corpus/html/yongchang-gov-page.html', import.meta.url), 'utf8');
const ledger = readFileSync(new URL('../../corpus/html/task-table.html', import.meta.url), 'utf8');
// The 永昌县2025年政务公开工作要点 section of the scraped page, one paragraph per line (the article body of the fixture).
// Its one NBSP ("责任单位:\u00a0县政府…") reads as a plain space, as whitespace collapsing specifies.
const section = readFileSync(new URL('../fixtures/yongchang-2025-section.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.replace(/\u00a0/g, ' '));

/** Every char of text maps to its source: the char itself, an entity for it, or whitespace for a collapsed space. */
function expectOffsetsMapBack(html: string, block: TextBlock): void {
  expect(block.offsets).toBeDefined();
  const offsets = block.offsets!;
  expect(offsets.length).toBe(block.text.length);
  for (let i = 0; i < block.text.length; i++) {
    const ch = block.text[i];
    const src = html[offsets[i]];
    if (src === ch) continue;
    if (ch === ' ') expect(src).toMatch(/[\s&]/);
    else expect(src, `char ${i} ${ch} of ${block.text.slice(0, 20)}`).toBe('&');
  }
}

describe('extractHtml: government web page', () => {
  const { blocks, noise } = extractHtml(page);
  const texts = blocks.map((b) => b.text);
  const noiseTexts = noise.map((b) => b.text).join('\n');

  it('puts navigation, breadcrumb, search, share, related links, popups and footer in noise', () => {
    for (const junk of ['首页', '走进永昌', '当前位置', '搜索', '政府信息公开指南', '分享到', '打印本页', '相关链接', '领导简介', '工作分工', '备案号', 'Copyright']) {
      expect(noiseTexts).toContain(junk);
      expect(texts.some((t) => t.includes(junk)), junk).toBe(false);
    }
    const roles = new Set(noise.map((b) => b.role));
    for (const role of ['nav', 'breadcrumb', 'footer', 'header', 'aside', 'hidden', 'title']) expect(roles).toContain(role);
    expect(noise.every((b) => b.span.end > b.span.start)).toBe(true);
  });

  it('drops script and style entirely', () => {
    const all = [...texts, noiseTexts].join('\n');
    expect(all).not.toContain('统计代码');
    expect(all).not.toContain('float:left');
    expect(all).not.toContain('_hmt');
  });

  it('makes each plan paragraph one block, text exactly as written', () => {
    expect(section.length).toBe(29);
    for (const line of section) expect(texts, line.slice(0, 20)).toContain(line);
    const title = blocks.find((b) => b.text === section[0])!;
    expect(title.kind).toBe('heading');
    expect(title.style?.align).toBe('center');
    // Layout-table align= must not leak into the body text.
    expect(blocks.find((b) => b.text === section[1])!.style?.align).toBeUndefined();
  });

  it('gives each paragraph the span of its element in the HTML', () => {
    for (const line of section.slice(1)) {
      const block = blocks.find((b) => b.text === line)!;
      const source = page.slice(block.span.start, block.span.end);
      expect(source.startsWith('<p')).toBe(true);
      expect(source.endsWith('</p>')).toBe(true);
      expect(page.slice(0, block.span.start).split('\n').length).toBe(block.span.line);
      expect(block.gapBefore).toBe(true);
      expectOffsetsMapBack(page, block);
    }
  });

  it('maps entity-decoded chars to their entity in the source', () => {
    const block = blocks.find((b) => b.text.includes('“双减”'))!;
    const i = block.text.indexOf('“');
    expect(page.startsWith('&ldquo;', block.offsets![i])).toBe(true);
    expect(page.startsWith('&rdquo;', block.offsets![block.text.indexOf('”')])).toBe(true);
    // The char after the entity maps right after it.
    expect(block.offsets![i + 1]).toBe(block.offsets![i] + '&ldquo;'.length);
    expect(page[block.offsets![i + 1]]).toBe(block.text[i + 1]);
  });

  it('joins source lines wrapped between CJK chars without inventing a space', () => {
    const wrapped = blocks.filter((b) => page.slice(b.span.start, b.span.end).startsWith('<p style="text-indent:2em;">\n'));
    expect(wrapped.length).toBeGreaterThan(0);
    for (const b of wrapped) expect(section).toContain(b.text);
  });

  it('keeps the metadata box as meta blocks "label：value"', () => {
    const meta = blocks.filter((b) => b.role === 'meta').map((b) => b.text);
    // the page's own title (<meta name="ArticleTitle">) comes first, as evidence for the title
    expect(meta).toEqual(['标题：永昌县2025年政务公开工作要点', '索引号：11620621013866049K/2025-00103', '发文机关：永昌县人民政府办公室', '成文日期：2025年03月28日', '发布日期：2025-04-02', '主题分类：政务公开']);
    const indexBlock = blocks.find((b) => b.text.startsWith('索引号'))!;
    expect(page.slice(indexBlock.offsets![0], indexBlock.offsets![0] + 1)).toBe('索');
    expect(page.slice(indexBlock.offsets![4], indexBlock.offsets![4] + 5)).toBe('11620');
    const titleBlock = blocks.find((b) => b.text.startsWith('标题：'))!;
    expect(page.slice(titleBlock.offsets![3], titleBlock.offsets![3] + 3)).toBe('永昌县');
  });
});

describe('extractHtml: task ledger table', () => {
  const { blocks, noise } = extractHtml(ledger);
  const rows = blocks.filter((b) => b.kind === 'table-row');

  it('emits one table-row per task with the header', () => {
    expect(rows.map((r) => r.cells![0])).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const row of rows) expect(row.header).toEqual(['序号', '工作任务', '牵头单位', '责任单位', '完成时限']);
    expect(rows[1].cells![1]).toBe('持续公开行政规范性文件，做好“政府信息公开专栏”动态更新。');
    expect(rows[1].cells![3]).toBe('县司法局 县政府各部门、单位');
  });

  it('applies a rowspan-merged 牵头单位 to every row it covers', () => {
    expect(rows.slice(0, 3).map((r) => r.cells![2])).toEqual(['县政府办公室', '县政府办公室', '县政府办公室']);
    expect(rows[3].cells![2]).toBe('县发改局');
    // Rows 2 and 3 point back at the merged cell's source, in row 1.
    const r2 = rows[1];
    const at = r2.offsets![r2.text.indexOf('县政府办公室')];
    expect(ledger.slice(at, at + 6)).toBe('县政府办公室');
    expect(at).toBeLessThan(r2.span.start);
  });

  it('expands colspan into every column', () => {
    expect(rows[4].cells).toEqual(['5', '加强教育领域信息公开。', '县教育局', '县教育局', '持续推进']);
  });

  it('spans each row over its <tr>', () => {
    for (const row of rows) {
      const source = ledger.slice(row.span.start, row.span.end);
      expect(source.startsWith('<tr>')).toBe(true);
      expect(source.endsWith('</tr>')).toBe(true);
      expect(row.offsets!.length).toBe(row.text.length);
    }
  });

  it('keeps caption and section rows as paragraphs, not tasks', () => {
    const sections = blocks.filter((b) => b.role === 'table-section').map((b) => b.text);
    expect(sections).toEqual(['一、围绕法定内容强化主动公开', '二、围绕重点领域深化信息公开']);
    expect(blocks.find((b) => b.role === 'table-caption')?.text).toBe('2025年政务公开重点任务台账');
    expect(blocks[blocks.length - 1].text).toBe('永昌县人民政府办公室');
    expect(noise.map((b) => b.role)).toEqual(['title', 'nav', 'footer']);
  });

  it('handles <thead><th> headers and a two-level 责任单位 header', () => {
    const html = `<table><thead>
      <tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th colspan="2">责任单位</th><th rowspan="2">时间节点</th></tr>
      <tr><th>牵头单位</th><th>配合单位</th></tr></thead>
      <tbody><tr><td>1</td><td>任务甲</td><td>县数据局</td><td>各乡镇</td><td>6月底前</td></tr>
      <tr><td>2</td><td>任务乙</td><td>县司法局</td><td>县政府各部门</td><td>长期坚持</td></tr></tbody></table>`;
    const rows2 = extractHtml(html).blocks.filter((b) => b.kind === 'table-row');
    expect(rows2).toHaveLength(2);
    expect(rows2[0].header).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '时间节点']);
    expect(rows2[1].cells).toEqual(['2', '任务乙', '县司法局', '县政府各部门', '长期坚持']);
  });

  it('walks a layout table wrapping a ledger as content, finding the nested ledger', () => {
    const html = `<table class="layout"><tr><td><p>正文第一段。</p>
      <table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>任务</td><td>县数据局</td></tr></table>
      </td><td>右栏文字</td></tr></table>`;
    const { blocks: b } = extractHtml(html);
    expect(b.map((x) => x.kind)).toEqual(['paragraph', 'table-row', 'paragraph']);
    expect(b[1].cells).toEqual(['1', '任务', '县数据局']);
    expect(b[2].text).toBe('右栏文字');
  });

  it('does not take a document list (序号 | 标题 | 发文字号 | 成文日期) for a ledger or a metadata box', () => {
    const html = '<table><tr><td>序号</td><td>标题</td><td>发文字号</td><td>成文日期</td></tr><tr><td>1</td><td>某通知</td><td>永政办发〔2024〕66号</td><td>2024-05-01</td></tr></table>';
    const b = extractHtml(html).blocks;
    expect(b.some((x) => x.kind === 'table-row' || x.role === 'meta')).toBe(false);
    expect(b.map((x) => x.text)).toContain('永政办发〔2024〕66号');
  });
});

describe('extractHtml: blocks and whitespace', () => {
  it('splits <br> lines into blocks; a blank line is a gap', () => {
    const html = '<p>第一行<br>第二行<br><br>第三行</p>';
    const { blocks } = extractHtml(html);
    expect(blocks.map((b) => b.text)).toEqual(['第一行', '第二行', '第三行']);
    expect(blocks.map((b) => b.gapBefore)).toEqual([true, false, true]);
    for (const b of blocks) expect(html.slice(b.span.start, b.span.end)).toBe(b.text);
  });

  it('collapses ASCII whitespace and &nbsp; but keeps full-width text', () => {
    const { blocks } = extractHtml('<p>  a \n\t b&nbsp;&nbsp;c </p><p>政务\n  公开</p><p>索 引 号：　全角（一）,</p>');
    expect(blocks.map((b) => b.text)).toEqual(['a b c', '政务公开', '索 引 号：　全角（一）,']);
  });

  it('maps astral characters and legacy entities', () => {
    const html = '<p>&#x20000;x &copy2025 &amp; &foo;</p>';
    const [block] = extractHtml(html).blocks;
    expect(block.text).toBe('\u{20000}x ©2025 & &foo;');
    expectOffsetsMapBack(html, block);
    expect(block.offsets![2]).toBe(html.indexOf(';x') + 1);
    expect(block.offsets![block.text.indexOf('2025')]).toBe(html.indexOf('2025'));
    expect(block.offsets![block.text.indexOf('&foo;')]).toBe(html.indexOf('&foo;'));
  });

  it('maps CRLF sources', () => {
    const html = '<p>a\r\n&lt;b</p>\r\n<p>c</p>';
    const { blocks } = extractHtml(html);
    expect(blocks.map((b) => b.text)).toEqual(['a <b', 'c']);
    expect(blocks[0].offsets![2]).toBe(html.indexOf('&lt;'));
    expect(blocks[1].span.line).toBe(3);
  });

  it('emits headings, rules and ordered-list markers', () => {
    const { blocks } = extractHtml('<h2>一、总体要求</h2><hr><ol start="3"><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>');
    expect(blocks.map((b) => [b.kind, b.text, b.listMarker])).toEqual([
      ['heading', '一、总体要求', undefined],
      ['rule', '', undefined],
      ['paragraph', '甲', '3.'],
      ['paragraph', '乙', '4.'],
      ['paragraph', '丙', undefined],
    ]);
  });

  it('gives a div its direct text as blocks around its child blocks', () => {
    const html = '<div>前言<p>段落</p>后记</div>';
    const { blocks } = extractHtml(html);
    expect(blocks.map((b) => b.text)).toEqual(['前言', '段落', '后记']);
    expect(html.slice(blocks[0].span.start, blocks[0].span.end)).toBe('前言');
    expect(html.slice(blocks[2].span.start, blocks[2].span.end)).toBe('后记');
  });

  it('keeps <header>/<footer> inside <article> as content and reads a <dl> metadata box', () => {
    const html = '<article><header><h1>标题</h1></header><p>正文</p><footer>（此件公开发布）</footer></article><dl><dt>索引号</dt><dd>123</dd><dt>发文机关</dt><dd>县政府办</dd></dl>';
    const { blocks, noise } = extractHtml(html);
    expect(blocks.map((b) => b.text)).toEqual(['标题', '正文', '（此件公开发布）', '索引号：123', '发文机关：县政府办']);
    expect(noise).toEqual([]);
  });
});

describe('extractHtml: robustness', () => {
  it('returns empty arrays for empty or content-free HTML', () => {
    for (const html of ['', '   \n', '<html><head></head><body></body></html>', '</p></div><td></tr><table></table>', '<!-- only a comment -->', '<script>alert(1)</script>']) {
      expect(extractHtml(html)).toEqual({ blocks: [], noise: [] });
    }
  });

  it('does not throw on malformed HTML', () => {
    const { blocks } = extractHtml('<div><p>未闭合<span>段落<table><tr><td>单元格<p>又一段</div></b></i><<>>&;&#;&#xZZ;');
    expect(blocks.map((b) => b.text).join('|')).toContain('未闭合');
    expect(() => extractHtml('\u0000\u0001<\u0002>\uFFFD')).not.toThrow();
  });

  it('refuses absurd nesting with a typed error naming the limit (issue 12), quickly', () => {
    const html = '<div>'.repeat(20000) + '<p>深处</p>';
    const t0 = performance.now();
    expect(() => extractHtml(html)).toThrow(expect.objectContaining({ code: 'TOO_COMPLEX', details: { depth: 257, limit: 256 } }));
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('handles a 5 MB page', () => {
    const body = page.slice(page.indexOf('<div id="zoom"'), page.indexOf('<div class="share">'));
    const big = '<html><body>' + body.repeat(Math.ceil((5 * 1024 * 1024) / body.length)) + '</body></html>';
    const t0 = performance.now();
    const { blocks } = extractHtml(big);
    const ms = performance.now() - t0;
    expect(blocks.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(20_000);
  });
});
