/** The ledger's columns, shared by the CSV and XLSX writers: Chinese headers (what the offices use), widths in characters. */
import type { LedgerRow } from './schema.js';
import type { UnitView, UnitTaskRef } from './by-unit.js';

/**
 * One column of a ledger table: Chinese header, width in characters (XLSX),
 * and how to read the cell from a row (undefined for an empty cell).
 */
export interface Column<T> {
  /** Header text, e.g. 牵头单位. */
  header: string;
  /** Column width in characters (XLSX); 24 or more also wraps the text. */
  width: number;
  /** The cell value of a row; undefined for an empty cell. */
  value: (row: T) => string | number | undefined;
}

/** Several units in one cell: ； never appears inside a unit name (、 does: 市政府各部门、单位). */
export const LIST_SEPARATOR = '；';
const list = (xs: string[]) => xs.join(LIST_SEPARATOR);

const KIND_ZH: Record<string, string> = {
  by: '截止日期',
  within: '期间',
  recurring: '周期性',
  ongoing: '长期',
  continuous: '持续',
  unknown: '未识别',
};

/**
 * The columns of the ledger table ({@link toCsv}, {@link toXlsx}), in order:
 * 来源文件, 文号, 文件标题, 序号, 一级标题, 任务, 任务内容, 牵头单位, 责任单位,
 * 配合单位, 完成时限, 时限类型, 时限原文, 页码, 备注 (diagnostic messages).
 * Unit lists are joined with {@link LIST_SEPARATOR}.
 */
export const LEDGER_COLUMNS: Column<LedgerRow>[] = [
  { header: '来源文件', width: 24, value: (r) => r.source },
  { header: '文号', width: 20, value: (r) => r.docNumber },
  { header: '文件标题', width: 30, value: (r) => r.title },
  { header: '序号', width: 8, value: (r) => r.path },
  { header: '一级标题', width: 24, value: (r) => r.section },
  { header: '任务', width: 30, value: (r) => r.heading },
  { header: '任务内容', width: 60, value: (r) => r.text },
  { header: '牵头单位', width: 28, value: (r) => list(r.lead) },
  { header: '责任单位', width: 36, value: (r) => list(r.responsible) },
  { header: '配合单位', width: 24, value: (r) => list(r.cooperating) },
  { header: '完成时限', width: 12, value: (r) => r.due },
  { header: '时限类型', width: 10, value: (r) => (r.deadlineKind ? KIND_ZH[r.deadlineKind] : undefined) },
  { header: '时限原文', width: 16, value: (r) => r.deadlineRaw },
  { header: '页码', width: 6, value: (r) => r.page },
  { header: '备注', width: 40, value: (r) => r.diagnostics.map((d) => d.message).join(LIST_SEPARATOR) },
];

/**
 * One line per (unit, role, task) for the per-unit view as a table.
 *
 * @inline
 */
export interface ByUnitLine {
  /** The unit. */
  unit: UnitView;
  /** 牵头, 责任, 配合 or 统称所含 (through a collective). */
  role: string;
  /** The task. */
  task: UnitTaskRef;
}

const UNIT_KIND_ZH: Record<string, string> = { agency: '部门', government: '政府', collective: '统称', unknown: '未识别' };

/**
 * The columns of the per-unit table ({@link byUnitToCsv}, {@link byUnitToXlsx},
 * the 按单位 sheet of {@link toXlsx}), one line per unit, role and task, in order:
 * 单位, 单位类型, 角色 (牵头/责任/配合/统称所含), 经由 (the collective), 来源文件,
 * 文件标题, 序号, 任务, 完成时限, 时限原文.
 */
export const BY_UNIT_COLUMNS: Column<ByUnitLine>[] = [
  { header: '单位', width: 28, value: (l) => l.unit.canonical },
  { header: '单位类型', width: 8, value: (l) => UNIT_KIND_ZH[l.unit.kind] },
  { header: '角色', width: 10, value: (l) => l.role },
  { header: '经由', width: 24, value: (l) => l.task.via },
  { header: '来源文件', width: 24, value: (l) => l.task.source },
  { header: '文件标题', width: 30, value: (l) => l.task.title },
  { header: '序号', width: 8, value: (l) => l.task.path },
  { header: '任务', width: 30, value: (l) => l.task.heading },
  { header: '完成时限', width: 12, value: (l) => l.task.due },
  { header: '时限原文', width: 16, value: (l) => l.task.deadlineRaw },
];

/** The per-unit view flattened to table lines: for each unit, its lead, shared, cooperating, then via-collective tasks. */
export function byUnitLines(views: UnitView[]): ByUnitLine[] {
  return views.flatMap((unit) => [
    ...unit.lead.map((task) => ({ unit, role: '牵头', task })),
    ...unit.shared.map((task) => ({ unit, role: '责任', task })),
    ...unit.cooperating.map((task) => ({ unit, role: '配合', task })),
    ...unit.viaCollective.map((task) => ({ unit, role: '统称所含', task })),
  ]);
}
