/**
 * XLSX via exceljs (maintained, reads and writes): header row frozen and
 * filterable, column widths set, long text wrapped. In memory only; the
 * library is loaded on first use so parsing never pays for it.
 */
import { BY_UNIT_COLUMNS, byUnitLines, LEDGER_COLUMNS, type Column } from '../columns.js';
import type { LedgerRow } from '../schema.js';
import type { UnitView } from '../by-unit.js';
import type { Workbook, Worksheet } from 'exceljs';
import { safeCell, type CellOptions } from './cells.js';

/** Options for {@link toXlsx}. */
export interface XlsxOptions extends CellOptions {
  /** One sheet with a source column (default), or one sheet per document. */
  sheets?: 'one' | 'per-document';
  /** Also add the per-unit view as a sheet (按单位). */
  byUnit?: UnitView[];
}

/**
 * The ledger as an XLSX workbook (via exceljs, loaded on first use; in memory
 * only): a 工作台账 sheet with the {@link LEDGER_COLUMNS} (or one sheet per
 * document, named after its title, with `sheets: 'per-document'`), plus a
 * 按单位 sheet when `byUnit` is given. Header row bold, frozen and filterable;
 * wide columns wrap.
 *
 * Every value is written as a plain string or number cell, never a formula;
 * formula-like strings also get the leading `'` of {@link toCsv} unless
 * `escapeFormulas` is false, so re-editing a cell in Excel cannot run it.
 *
 * @param rows - Rows from {@link toLedger}.
 * @param options - `sheets` (default `'one'`), `byUnit`, `escapeFormulas` (default true).
 * @returns The .xlsx file's bytes.
 */
export async function toXlsx(rows: readonly LedgerRow[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'gongwen';
  const names = new Set<string>();
  const escape = options.escapeFormulas ?? true;
  if (options.sheets === 'per-document') {
    const groups = new Map<string, LedgerRow[]>();
    for (const r of rows) {
      const k = `${r.source ?? ''}\u0000${r.document}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const g of groups.values()) addSheet(wb, sheetName(g[0].title, names), LEDGER_COLUMNS, g, escape);
    if (groups.size === 0) addSheet(wb, sheetName('工作台账', names), LEDGER_COLUMNS, [], escape);
  } else addSheet(wb, sheetName('工作台账', names), LEDGER_COLUMNS, rows, escape);
  if (options.byUnit) addSheet(wb, sheetName('按单位', names), BY_UNIT_COLUMNS, byUnitLines(options.byUnit), escape);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The per-unit view alone as an XLSX workbook: one 按单位 sheet with the
 * {@link BY_UNIT_COLUMNS}, formatted like {@link toXlsx}.
 *
 * @param views - Units from {@link byUnit}.
 * @param options - `escapeFormulas` (default true).
 * @returns The .xlsx file's bytes.
 */
export async function byUnitToXlsx(views: UnitView[], options: CellOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'gongwen';
  addSheet(wb, '按单位', BY_UNIT_COLUMNS, byUnitLines(views), options.escapeFormulas ?? true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addSheet<T>(wb: Workbook, name: string, columns: Column<T>[], rows: readonly T[], escape: boolean): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  // Only strings and numbers reach exceljs: it writes formulas only for { formula } objects, never for strings.
  for (const r of rows) ws.addRow(columns.map((c) => safeCell(c.value(r), escape) ?? null));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  columns.forEach((c, i) => {
    if (c.width >= 24) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  return ws;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 31 - String(k).length - 1)}-${k}`;
  used.add(name);
  return name;
}
