/**
 * Issue 12, nesting depth: 50,000 nested w:sdt in document.xml used to end in
 * FILE_CORRUPT "Maximum call stack size exceeded"; a 200,000-deep HTML page
 * took 2.6 s and 366 MB. Both are now TOO_COMPLEX naming the limit, quickly.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseText, GongwenError } from '../../src/index.js';
import { MAX_ELEMENTS, MAX_NESTING_DEPTH } from '../../src/shared/complexity.js';
import { checkHtmlComplexity } from '../../src/extract/html/depth.js';
import { parseXml } from '../../src/extract/docx/xml.js';
import { docx, errorOf, para, planBody } from './helpers.js';

const sdt = (n: number, inner: string) => '<w:sdt><w:sdtContent>'.repeat(n) + inner + '</w:sdtContent></w:sdt>'.repeat(n);

describe('DOCX nesting', () => {
  it('50,000 nested w:sdt: TOO_COMPLEX with details.depth, not a stack overflow', async () => {
    const t0 = performance.now();
    const err = await errorOf(parse(docx(sdt(50_000, planBody())), { name: 'deep.docx' }));
    expect(err).toBeInstanceOf(GongwenError);
    expect(err.code).toBe('TOO_COMPLEX');
    expect(err.details.depth).toBe(MAX_NESTING_DEPTH + 1);
    expect(err.details.limit).toBe(MAX_NESTING_DEPTH);
    expect(err.message).toContain(`${MAX_NESTING_DEPTH} levels`);
    expect(err.message).toContain('word/document.xml');
    expect(err.message).not.toMatch(/call stack/i);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('content controls nested a realistic 20 deep still parse', async () => {
    const r = await parse(docx(sdt(20, planBody())), { name: 'ok.docx' });
    expect(r.documents[0].sections[0].children[0].lead).toEqual(['市司法局']);
  });

  it('right at the limit parses; one level more is refused', async () => {
    // document > body > sdt/sdtContent pairs > p > r > t: 2 + 2n + 3 levels
    const n = Math.floor((MAX_NESTING_DEPTH - 5) / 2);
    await expect(parse(docx(sdt(n, planBody())))).resolves.toBeTruthy();
    const err = await errorOf(parse(docx(sdt(n + 1, planBody()))));
    expect(err?.code).toBe('TOO_COMPLEX');
  });

  it('more elements than the limit in a part: TOO_COMPLEX with details.elements', () => {
    // the limit is checked while the tree grows; a small limit keeps the test light
    const xml = `<w:body>${'<w:bookmarkEnd/>'.repeat(1000)}</w:body>`;
    expect(() => parseXml(xml, 'word/document.xml', { elements: 1001 })).not.toThrow();
    const err = (() => { try { parseXml(xml, 'word/document.xml', { elements: 1000 }); } catch (e) { return e as GongwenError; } })();
    expect(err?.code).toBe('TOO_COMPLEX');
    expect(err?.details).toMatchObject({ elements: 1001, limit: 1000 });
    expect(err?.message).toContain('element limit');
    expect(MAX_ELEMENTS).toBe(1_000_000);
  });
});

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const plan = ['<h1>金昌市2024年政务公开工作要点</h1>', '<p>一、深化重点领域信息公开</p>', '<p>（一）做好政策解读工作。（牵头单位：市司法局）</p>'].join('');

describe('HTML nesting', () => {
  it('a 200,000-deep page: TOO_COMPLEX with details.depth, fast and small', async () => {
    const html = page('<div>'.repeat(200_000) + plan + '</div>'.repeat(200_000));
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const err = await errorOf(parse(Buffer.from(html), { name: 'deep.html' }));
    const ms = performance.now() - t0;
    expect(err?.code).toBe('TOO_COMPLEX');
    expect(err.details).toMatchObject({ depth: MAX_NESTING_DEPTH + 1, limit: MAX_NESTING_DEPTH });
    expect(err.message).toContain('nesting depth limit');
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(100 * 1024 * 1024);
    // parseText goes through the same extractor
    expect((await errorOf(() => parseText(html, { format: 'html' })))?.code).toBe('TOO_COMPLEX');
  });

  it('unclosed <p>, <li>, <td> and void elements do not count as nesting (sloppy real pages parse)', () => {
    const sloppy = page('<table>' + '<tr><td>x<td>y'.repeat(5000) + '</table>' + '<p>para'.repeat(5000) + '<ul>' + '<li>item<br><img src=x>'.repeat(5000) + '</ul>' + plan);
    expect(() => checkHtmlComplexity(sloppy)).not.toThrow();
    expect(parseText(sloppy, { format: 'html' }).documents.length).toBe(1);
  });

  it('comments and script contents are not markup', () => {
    const tricky = page(`<!-- ${'<div>'.repeat(1000)} --><script>${'<div>'.repeat(1000)}</script>${plan}`);
    expect(() => checkHtmlComplexity(tricky)).not.toThrow();
  });

  it('<div/> is not self-closing in HTML (the parser nests it), but <path/> inside <svg> is', () => {
    expect((() => { try { checkHtmlComplexity(page('<div/>'.repeat(MAX_NESTING_DEPTH + 10))); } catch (e) { return (e as GongwenError).code; } })()).toBe('TOO_COMPLEX');
    expect(() => checkHtmlComplexity(page(`<svg>${'<path d="M0 0"/>'.repeat(10_000)}</svg>${plan}`))).not.toThrow();
  });

  it('more elements than the limit: TOO_COMPLEX with details.elements', () => {
    let err: GongwenError | undefined;
    try {
      checkHtmlComplexity('<br>'.repeat(1001), MAX_NESTING_DEPTH, 1000);
    } catch (e) {
      err = e as GongwenError;
    }
    expect(err?.code).toBe('TOO_COMPLEX');
    expect(err?.details).toMatchObject({ elements: 1001, limit: 1000 });
  });
});

describe('DOCX paragraphs inside nested tables stay readable', () => {
  it('tables nested 10 deep parse (each level adds tbl/tr/tc)', async () => {
    let inner = para('（一）做好政策解读工作。（牵头单位：市司法局）');
    for (let i = 0; i < 10; i++) inner = `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>`;
    const r = await parse(docx(para('金昌市2024年政务公开工作要点') + para('一、深化重点领域信息公开') + inner));
    expect(r.documents.length).toBe(1);
  });
});

describe('Markdown nesting', () => {
  const plan = '# 金昌市2024年政务公开工作要点\n\n一、深化重点领域信息公开\n\n（一）做好政策解读工作。（牵头单位：市司法局）\n';

  it('a line of 9,000 nested quotes: TOO_COMPLEX from the pre-scan, before remark spends seconds on it', () => {
    const t0 = performance.now();
    const err = (() => { try { parseText(plan + '> '.repeat(9000) + '加强公开\n', { format: 'markdown' }); } catch (e) { return e as GongwenError; } })();
    expect(err?.code).toBe('TOO_COMPLEX');
    expect(err?.details).toEqual({ depth: 9000, limit: MAX_NESTING_DEPTH });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('nesting built up over many lines is caught on the parsed tree (it used to overflow the stack)', () => {
    // a list item per line, each indented under the last: every line has one marker, the tree is 800 deep
    const lines = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- 加强公开`).join('\n');
    const err = (() => { try { parseText(plan + lines, { format: 'markdown' }); } catch (e) { return e as GongwenError; } })();
    expect(err?.code).toBe('TOO_COMPLEX');
    expect(err?.details?.depth).toBeGreaterThan(MAX_NESTING_DEPTH);
  });

  it('ordinary quotes and nested lists parse', () => {
    const ok = plan + '> 引用\n>> 二级引用\n\n- 一\n  - 二\n    - 三\n';
    expect(parseText(ok, { format: 'markdown' }).documents.length).toBe(1);
  });
});

describe('DOCX characters outside Unicode (found by fuzzing)', () => {
  it('&#x110000; and w:sym w:char="110000" read as nothing harmful instead of a RangeError behind FILE_CORRUPT', async () => {
    const body = planBody() + '<w:p><w:r><w:t>加强&#x110000;公开&#0;</w:t><w:sym w:char="110000"/></w:r></w:p>';
    const r = await parse(docx(body));
    expect(r.documents.length).toBe(1);
    expect(JSON.stringify(r)).toContain('加强\ufffd公开\ufffd');
  });
});

describe('damaged markup is scanned in linear time', () => {
  it('50,000 unclosed "<a x" in an HTML page: the depth pre-scan stays fast (it took 9 s)', () => {
    const t0 = performance.now();
    checkHtmlComplexity('<html><body>' + '<a x'.repeat(50_000));
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it.each([
    ['<w:r x', undefined], // not tags: stray text between paragraphs, ignored
    ['<!--', 'FILE_CORRUPT'], // the comment swallows the rest: w:body never closed
    ['<?pi', 'FILE_CORRUPT'],
    ['<![CDATA[', 'FILE_CORRUPT'],
  ])('30,000 unterminated %s in document.xml: decided quickly (it took seconds)', async (bad, code) => {
    const t0 = performance.now();
    const err = await errorOf(parse(docx(planBody() + bad.repeat(30_000))));
    expect(err?.code).toBe(code);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('DOCX table spans (found by fuzzing)', () => {
  it('a w:gridSpan of 999999999 is capped instead of filling the heap', async () => {
    const cell = (text: string, span?: number) => `<w:tc>${span ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell('序号')}${cell('工作任务')}${cell('牵头单位')}</w:tr><w:tr>${cell('1')}${cell('做好政策解读工作', 999_999_999)}</w:tr></w:tbl>`;
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await expect(parse(docx(planBody() + table))).resolves.toBeTruthy();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(200 * 1024 * 1024);
  });
});
