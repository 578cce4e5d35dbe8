/** CSV per RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel opens the Chinese text correctly. */
import { BY_UNIT_COLUMNS, byUnitLines, LEDGER_COLUMNS, type Column } from '../columns.js';
import type { LedgerRow } from '../schema.js';
import type { UnitView } from '../by-unit.js';

const BOM = '\ufeff';

export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function table<T>(columns: Column<T>[], rows: readonly T[], bom = true): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r))).join(','));
  return (bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}

export const toCsv = (rows: readonly LedgerRow[], options: { bom?: boolean } = {}): string => table(LEDGER_COLUMNS, rows, options.bom ?? true);

export const byUnitToCsv = (views: UnitView[], options: { bom?: boolean } = {}): string => table(BY_UNIT_COLUMNS, byUnitLines(views), options.bom ?? true);
