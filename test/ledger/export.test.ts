import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { toLedger, toCsv, toJsonl, toXlsx, byUnit, byUnitToCsv, LedgerRow, LEDGER_COLUMNS, isGongwenError } from '../../src/index.js';
import { run as tasksCommand } from '../../src/cli/commands/tasks.js';
import { UsageError } from '../../src/cli/io.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';
import { JINCHANG, WUWEI, YONGCHANG } from './helpers.js';

/** A small RFC 4180 reader, to check the writer from the outside. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('toLedger inputs', () => {
  it('accepts a ParseResult, a PolicyDocument, or an array of either', async () => {
    const r = await WUWEI();
    const fromResult = toLedger(r);
    expect(fromResult).toHaveLength(17);
    expect(fromResult[0].source).toBe('source.txt');
    expect(fromResult[0]).toMatchObject({ docNumber: '武政办发〔2023〕51号', title: '武威市 2023 年政务公开工作实施方案', section: '深化重点领域信息公开' });
    const fromDoc = toLedger(r.documents[0]);
    expect(fromDoc[0].source).toBeUndefined();
    expect(fromDoc.map((x) => x.path)).toEqual(fromResult.map((x) => x.path));
    expect(toLedger([r, await JINCHANG()])).toHaveLength(17 + 21);
  });

  it('rejects anything else with INVALID_OPTIONS', () => {
    const err = (() => {
      try {
        toLedger({ nope: true } as never);
      } catch (e) {
        return e;
      }
    })();
    expect(isGongwenError(err) && err.code).toBe('INVALID_OPTIONS');
  });

  it('leaves out 指南 and 通报 unless asked, and 一、总体要求-style context headings', async () => {
    const y = await YONGCHANG();
    expect(new Set(toLedger(y).map((r) => r.title))).toEqual(new Set(['永昌县2025年政务公开工作要点', '永昌县2024-2025年政务公开工作要点']));
    expect(toLedger(y, { kinds: 'all' }).some((r) => r.docKind === '通报')).toBe(true);
  });

  it('every row satisfies the published LedgerRow schema', async () => {
    for (const r of toLedger([await WUWEI(), await JINCHANG(), await YONGCHANG()])) expect(LedgerRow.safeParse(r).success).toBe(true);
  });
});

describe('writers', () => {
  it('CSV: UTF-8 BOM, CRLF, RFC 4180 quoting, one line per task', async () => {
    const rows = toLedger(await WUWEI());
    const csv = toCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const table = readCsv(csv.slice(1));
    expect(table[0]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(table).toHaveLength(18);
    const col = (h: string) => table[0].indexOf(h);
    // （三）: 市发展改革委牵头 … 完成时限：及时发布
    expect(table[3][col('牵头单位')]).toBe('武威市发展和改革委员会');
    expect(table[3][col('时限原文')]).toBe('及时发布');
    expect(table[10][col('完成时限')]).toBe('2023-10-31');
    expect(table[1][col('任务内容')]).toBe(rows[0].text);
  });

  it('CSV quoting of commas, quotes and newlines round-trips', async () => {
    const [row] = toLedger(await WUWEI());
    const tricky = { ...row, heading: 'a,"b"\nc' };
    expect(readCsv(toCsv([tricky], { bom: false }))[1][LEDGER_COLUMNS.findIndex((c) => c.header === '任务')]).toBe('a,"b"\nc');
  });

  it('JSON Lines: one valid LedgerRow per line', async () => {
    const rows = toLedger(await JINCHANG());
    const lines = toJsonl(rows).trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    for (const l of lines) expect(LedgerRow.safeParse(JSON.parse(l)).success).toBe(true);
  });

  it('XLSX read back with exceljs: frozen header, widths, the cells', async () => {
    const rows = toLedger([await WUWEI(), await JINCHANG()]);
    const bytes = await toXlsx(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工作台账']);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(7).width).toBe(60);
    expect(ws.rowCount).toBe(1 + 17 + 21);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    const cell = (r: number, h: string) => ws.getRow(r).getCell(header.indexOf(h) + 1).value;
    expect(cell(2, '文号')).toBe('武政办发〔2023〕51号');
    expect(cell(11, '完成时限')).toBe('2023-10-31'); // Wuwei (十)
    expect(cell(11, '时限类型')).toBe('截止日期');
    // Jinchang (二) is the 20th data row (17 Wuwei rows first)
    expect(cell(1 + 17 + 2, '牵头单位')).toBe('金昌市司法局');
    expect(cell(1 + 17 + 2, '责任单位')).toBe('金昌市人民政府各部门、单位；中央、省属在金有关单位；永昌县人民政府；金川区人民政府');
  });

  it('XLSX one sheet per document, plus the per-unit sheet', async () => {
    const rows = toLedger(await YONGCHANG());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsx(rows, { sheets: 'per-document', byUnit: byUnit(rows) })) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['永昌县2025年政务公开工作要点', '永昌县2024-2025年政务公开工作要点', '按单位']);
    expect(wb.worksheets[1].rowCount).toBe(23);
  });
});

describe('per-unit view', () => {
  it('Jinchang: 金昌市司法局 leads (二) and (十二), and gets the tasks of 市政府各部门、单位', async () => {
    const views = byUnit(toLedger(await JINCHANG()));
    const sfj = views.find((v) => v.canonical === '金昌市司法局')!;
    // source.md: (二) 牵头单位：市司法局; (十二) 牵头单位:市政府办公室,市司法局
    expect(sfj.lead.map((t) => t.path)).toEqual(['1.2', '3.2']);
    expect(sfj.shared).toEqual([]);
    // 市政府各部门、单位 is in every item's clause but (二)/(十二) (led), (四)–(八), (九), (十) and (十七)–(十八);
    // (九) names 市政府有关部门、单位, which a department also sees ("有关" may include it)
    expect(sfj.viaCollective.map((t) => t.path)).toEqual(['1.1', '1.3', '2.6', '3.1', '3.3', '3.4', '4.1', '4.2', '5.1', '5.2', '5.3']);
    expect(sfj.viaCollective[0].via).toBe('金昌市人民政府各部门、单位');
    expect(sfj.viaCollective[2].via).toBe('金昌市人民政府有关部门、单位');
    const dsj = views.find((v) => v.canonical === '金昌市大数据中心')!;
    expect(dsj.lead.map((t) => t.path)).toEqual(['3.4', '4.1', '4.2']);
    const coll = views.find((v) => v.canonical === '中央、省属在金有关单位')!;
    expect(coll).toMatchObject({ kind: 'collective', written: ['中央、省属在金有关单位', '中央、省在金有关单位'] });
    expect(coll.shared.map((t) => t.path)).toEqual(['1.2', '3.1']);
  });

  it('as CSV: one line per unit, role and task', async () => {
    const views = byUnit(toLedger(await WUWEI()));
    const t = readCsv(byUnitToCsv(views).slice(1));
    expect(t[0].slice(0, 3)).toEqual(['单位', '单位类型', '角色']);
    expect(t.filter((l) => l[0] === '武威市发展和改革委员会' && l[2] === '牵头').map((l) => l[6])).toEqual(['1.3', '2.1', '2.3']);
  });
});

describe('gongwen tasks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-tasks-'));
  const wuwei = join(CORPUS_DIR, 'wuwei-2023-gongkai-fangan', 'source.txt');

  it('writes CSV, JSONL and XLSX files chosen by --out extension or --format', async () => {
    expect(await tasksCommand([wuwei, '--out', join(dir, 'a.csv')])).toBe(0);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\r\n')).toHaveLength(19);
    expect(await tasksCommand([wuwei, '--format', 'jsonl', '--out', join(dir, 'a.out')])).toBe(0);
    expect(readFileSync(join(dir, 'a.out'), 'utf8').trimEnd().split('\n')).toHaveLength(17);
    expect(await tasksCommand([wuwei, '--out', join(dir, 'a.xlsx')])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    expect(wb.worksheets[0].rowCount).toBe(18);
    expect(await tasksCommand([wuwei, '--by-unit', '--out', join(dir, 'u.txt')])).toBe(0);
    expect(readFileSync(join(dir, 'u.txt'), 'utf8')).toContain('武威市发展和改革委员会 [部门] (written 市发展改革委): 牵头 3');
  });

  it('usage errors', async () => {
    await expect(tasksCommand([])).rejects.toBeInstanceOf(UsageError);
    await expect(tasksCommand([wuwei, '--format', 'pdf'])).rejects.toBeInstanceOf(UsageError);
    await expect(tasksCommand([wuwei, '--format', 'text'])).rejects.toBeInstanceOf(UsageError);
    await expect(tasksCommand([wuwei, '--bogus'])).rejects.toBeInstanceOf(UsageError);
  });

  it('a missing file is a GongwenError (exit 1 in the CLI)', async () => {
    await expect(tasksCommand([join(dir, 'nope.txt'), '--out', join(dir, 'x.csv')])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
