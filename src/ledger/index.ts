/**
 * Ledger (工作台账): canonical units, resolved deadlines, rows for CSV/XLSX/JSONL,
 * and a per-unit view. Nothing here touches the file system.
 */
export { toLedger, PLAN_KINDS, type LedgerOptions } from './rows.js';
export type { LedgerInput } from './input.js';
export { LedgerRow, LedgerUnit, LedgerDeadline, UnitKind, LedgerDeadlineKind } from './schema.js';
export { resolveUnit, type UnitContext, type ResolvedUnits } from './units/canonical.js';
export { resolveTaskDeadlines, planYears, type DueRule } from './deadlines.js';
export { byUnit, type UnitView, type UnitTaskRef, type ByUnitOptions } from './by-unit.js';
export { toCsv, byUnitToCsv, type CsvOptions } from './write/csv.js';
export { safeCell, type CellOptions } from './write/cells.js';
export { toJsonl } from './write/jsonl.js';
export { toXlsx, byUnitToXlsx, type XlsxOptions } from './write/xlsx.js';
export { LEDGER_COLUMNS, BY_UNIT_COLUMNS, LIST_SEPARATOR, type Column } from './columns.js';
