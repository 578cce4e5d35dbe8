/**
 * Issue 12, "outputs that cannot hurt": ledger cells never run as formulas, and
 * the diff renderers escape hostile text (terminal, Markdown, HTML with CSP).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { parseText, toLedger, toCsv, toXlsx, byUnit, byUnitToCsv, diffDocuments, renderTerminal, renderMarkdown, renderHtml, HTML_REPORT_CSP, safeCell } from '../../src/index.js';
import { CMD, ESCAPES, HYPERLINK, SUM, hostilePlan } from './helpers.js';

const rows = () => toLedger(parseText(hostilePlan()));

/** RFC 4180 reader (quotes doubled), to read the CSV back from the outside. */
function readCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), out.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return out;
}

describe('formula injection (CSV)', () => {
  it('the parser keeps the hostile strings as written (so the writer is what must neutralise them)', () => {
    const r = rows();
    expect(r[0].heading).toBe(HYPERLINK);
    expect(r[0].lead[0]).toMatch(/^=cmd\|'/);
    expect(r[0].responsible).toEqual([SUM]);
  });

  it("prefixes every cell starting with = + - @ with ' (OWASP), so Excel/WPS show text", () => {
    const csv = readCsv(toCsv(rows()));
    const header = csv[0];
    const row = csv[1];
    expect(row[header.indexOf('任务')]).toBe(`'${HYPERLINK}`);
    expect(row[header.indexOf('牵头单位')]).toBe(`'${rows()[0].lead[0]}`);
    expect(row[header.indexOf('责任单位')]).toBe(`'${SUM}`);
    // no cell of the file starts a formula any more
    for (const line of csv) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the exact strings, cell by cell, including tab, CR, + and -', () => {
    expect(safeCell(HYPERLINK)).toBe(`'${HYPERLINK}`);
    expect(safeCell(CMD)).toBe(`'${CMD}`);
    expect(safeCell(SUM)).toBe(`'${SUM}`);
    expect(safeCell('+1+1')).toBe("'+1+1");
    expect(safeCell('-1+1')).toBe("'-1+1");
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('\r=1')).toBe("'\r=1");
    // ordinary text and numbers are untouched; a formula sign inside the text is harmless
    expect(safeCell('市司法局')).toBe('市司法局');
    expect(safeCell('加强=公开')).toBe('加强=公开');
    expect(safeCell(3)).toBe(3);
    expect(safeCell(undefined)).toBeUndefined();
  });

  it('escapeFormulas: false keeps the cells as written (machine consumers)', () => {
    const csv = readCsv(toCsv(rows(), { escapeFormulas: false }));
    expect(csv[1][csv[0].indexOf('任务')]).toBe(HYPERLINK);
    expect(csv[1][csv[0].indexOf('责任单位')]).toBe(SUM);
  });

  it('the per-unit CSV is neutralised too', () => {
    const csv = readCsv(byUnitToCsv(byUnit(rows())));
    const cells = csv.flat();
    expect(cells).toContain(`'${SUM}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('formula injection (XLSX)', () => {
  it('stores the hostile values as shared/inline strings, never as formulas, with the prefix', async () => {
    const bytes = await toXlsx(rows(), { byUnit: byUnit(rows()) });
    const files = unzipSync(bytes);
    const sheets = Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBe(2);
    for (const s of sheets) expect(strFromU8(files[s])).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (col: string) => ws.getRow(2).getCell(header.indexOf(col) + 1);
    expect(cell('任务').type).toBe(ExcelJS.ValueType.String);
    expect(cell('任务').value).toBe(`'${HYPERLINK}`);
    expect(cell('责任单位').value).toBe(`'${SUM}`);
    expect(cell('牵头单位').type).toBe(ExcelJS.ValueType.String);
  });

  it('without the prefix (escapeFormulas: false) the values are still plain strings, not formulas', async () => {
    const bytes = await toXlsx(rows(), { escapeFormulas: false });
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const c = ws.getRow(2).getCell(header.indexOf('任务') + 1);
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.value).toBe(HYPERLINK);
  });
});

/** A diff whose both sides carry hostile text in titles, headings, text and units (no decode stage: the documents are edited in memory). */
function hostileDiff() {
  const base = parseText(hostilePlan('加强公开内容')).documents[0];
  const old = structuredClone(base);
  const neu = structuredClone(base);
  const evil = '<script>alert(1)</script>\x1b[2J\x1b]0;pwned\x07\u202e\x9b31m|*_[x](javascript:alert(1))';
  neu.title = `${neu.title}${evil}`;
  neu.sections[0].children[1].heading = `${ESCAPES}${evil}`;
  neu.sections[0].children[1].text = `${ESCAPES}${evil}。持续推进政务公开。`;
  neu.sections[0].children[1].lead = [`市司法局${evil}`];
  return diffDocuments(old, neu);
}

describe('renderers escape hostile text', () => {
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('terminal: no control or bidi character from the documents reaches the output; ESC shows as \\x1b', () => {
    const plain = renderTerminal(hostileDiff(), { color: false });
    expect(plain).not.toMatch(CONTROL);
    expect(plain).toContain('加强公开\\x1b[2J\\x1b]0;pwned\\x07内容');
    expect(plain).toContain('\\u202e');
    expect(plain).toContain('\\x9b');
    // with colours on, the only ESC sequences are our own SGR colour codes
    const coloured = renderTerminal(hostileDiff(), { color: true });
    expect(coloured.replace(/\x1b\[\d+m/g, '')).not.toMatch(CONTROL);
  });

  it('markdown: no raw HTML, link, control or bidi character from the documents', () => {
    const md = renderMarkdown(hostileDiff(), { includeUnchanged: true });
    expect(md).not.toMatch(CONTROL);
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/(?<!\\)\[x(?<!\\)\]/);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\\\x1b');
  });

  it('html: text escaped, and a CSP with no script, no network and the stylesheet by its hash', () => {
    const html = renderHtml(hostileDiff());
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe(HTML_REPORT_CSP);
    const directives = Object.fromEntries(csp!.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'none'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['img-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['form-action']).toBe("'none'");
    // the hash is of the page's own <style> block, computed here independently
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(directives['style-src']).toBe(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    // nothing would need 'unsafe-inline': no style or event-handler attributes
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    // the CSP comes before anything it governs
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });
});
