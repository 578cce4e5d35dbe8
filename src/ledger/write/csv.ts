/** CSV per RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel opens the Chinese text correctly. */
import { BY_UNIT_COLUMNS, byUnitLines, LEDGER_COLUMNS, type Column } from '../columns.js';
import type { LedgerRow } from '../schema.js';
import type { UnitView } from '../by-unit.js';
import { safeCell, type CellOptions } from './cells.js';

const BOM = '\ufeff';

/** One CSV field: empty for undefined, quoted (quotes doubled) when it holds a quote, comma or line break. */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Options for {@link toCsv} and {@link byUnitToCsv}. */
export interface CsvOptions extends CellOptions {
  /** Start with a UTF-8 BOM so Excel reads the Chinese text correctly (default true). */
  bom?: boolean;
}

/**
 * A CSV table: header line, then one line per row, CRLF line ends, with a UTF-8
 * BOM unless `bom` is false; formula-like cells prefixed with `'` unless `escapeFormulas` is false.
 */
export function table<T>(columns: Column<T>[], rows: readonly T[], options: CsvOptions = {}): string {
  const bom = options.bom ?? true;
  const escape = options.escapeFormulas ?? true;
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(safeCell(c.value(r), escape))).join(','));
  return (bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}

/**
 * The ledger as CSV (RFC 4180: CRLF line ends, quotes doubled) with the
 * {@link LEDGER_COLUMNS} headers. Starts with a UTF-8 BOM unless `bom` is
 * false, so that Excel reads the Chinese text correctly. Cells starting with
 * `=`, `+`, `-`, `@`, TAB or CR get a leading `'` (formula injection, OWASP)
 * unless `escapeFormulas` is false.
 *
 * @param rows - Rows from {@link toLedger}.
 * @param options - `bom` (default true), `escapeFormulas` (default true).
 * @returns The CSV text.
 */
export const toCsv = (rows: readonly LedgerRow[], options: CsvOptions = {}): string => table(LEDGER_COLUMNS, rows, options);

/**
 * The per-unit view as CSV, one line per unit, role and task, with the
 * {@link BY_UNIT_COLUMNS} headers; same format as {@link toCsv}.
 *
 * @param views - Units from {@link byUnit}.
 * @param options - `bom` (default true), `escapeFormulas` (default true).
 * @returns The CSV text.
 */
export const byUnitToCsv = (views: UnitView[], options: CsvOptions = {}): string => table(BY_UNIT_COLUMNS, byUnitLines(views), options);
