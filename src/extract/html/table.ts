import type { Element, ElementContent } from 'hast';
import { isPlaceholderCell } from '../placeholder.js';
import type { BuiltText } from './text-builder.js';

/** One source cell with its text; a grid slot points at the cell that covers it. */
export interface Cell {
  el: Element;
  readonly text: BuiltText | undefined;
  /** Row index where the cell starts (rowspan copies have a larger row). */
  row: number;
  col: number;
}

export interface Grid {
  rows: Element[];
  /** slots[r][c]: the cell covering (r, c) after expanding rowspan/colspan, or undefined. */
  slots: (Cell | undefined)[][];
  width: number;
}

const MAX_COLSPAN = 1000; // HTML's own cap

/** The table's own rows in document order: direct <tr>s and those in thead/tbody/tfoot, not nested tables'. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child.children);
    }
  };
  visit(table.children);
  return rows;
}

/** Lay cells out on a grid as a browser does, copying merged cells into every slot they cover. */
export function buildGrid(rows: Element[], textOf: (cell: Element) => BuiltText | undefined): Grid {
  const slots: (Cell | undefined)[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((tr, r) => {
    let col = 0;
    for (const child of tr.children) {
      if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) continue;
      while (slots[r][col] !== undefined) col++;
      const rowSpanRaw = Number(child.properties.rowSpan ?? 1);
      const colSpanRaw = Number(child.properties.colSpan ?? 1);
      // rowspan=0 means "to the end of the table"; spans past the last row are clipped, as browsers do.
      const remaining = rows.length - r;
      const rowSpan = rowSpanRaw === 0 ? remaining : Math.min(Math.max(1, Math.floor(rowSpanRaw) || 1), remaining);
      const colSpan = Math.min(Math.max(1, Math.floor(colSpanRaw) || 1), MAX_COLSPAN);
      // Text is computed on first use: a layout table wrapping the page never needs its cells' text.
      let cached: BuiltText | undefined | null = null;
      const el = child;
      const cell: Cell = {
        el,
        row: r,
        col,
        get text() {
          if (cached === null) {
            cached = textOf(el);
            // A placeholder (—, /, 无) marks a column that does not apply: no text, as an empty cell.
            if (cached && isPlaceholderCell(cached.text)) cached = undefined;
          }
          return cached;
        },
      };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) slots[r + dr][col + dc] = cell;
      col += colSpan;
      if (col > width) width = col;
    }
  });
  for (const row of slots) if (row.length > width) width = row.length;
  return { rows, slots, width };
}

/** The distinct cells of a row, left to right (a colspan'd cell once). */
export function rowCells(grid: Grid, r: number): Cell[] {
  const out: Cell[] = [];
  for (let c = 0; c < grid.width; c++) {
    const cell = grid.slots[r][c];
    if (cell && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}

/** Text with all whitespace removed, for label matching ("牵 头 单 位" = "牵头单位"). */
export function squash(text: string | undefined): string {
  return (text ?? '').replace(/[\s\u3000\u00a0]+/g, '');
}

// ---------------------------------------------------------------- task tables

// the column vocabulary lives in src/shared/task-columns.ts (one source for every table reader)
export { headerCategories } from '../../shared/task-columns.js';
import { headerCategories } from '../../shared/task-columns.js';

export interface TaskHeader {
  /** Index of the first body row. */
  bodyStart: number;
  /** Index of the (first) header row; rows before it are captions. */
  headerRow: number;
  /** Header label per grid column, whitespace removed. */
  header: string[];
}

/**
 * Find a task-ledger header (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限) in the
 * first rows: at least two label kinds, one of them a task or unit column.
 */
export function findTaskHeader(grid: Grid): TaskHeader | undefined {
  const limit = Math.min(grid.rows.length, 4);
  for (let r = 0; r < limit; r++) {
    const labels = grid.slots[r].map((cell) => squash(cell?.text?.text));
    const cats = headerCategories(labels);
    if (cats.size < 2 || !(cats.has('task') || cats.has('unit'))) continue;
    const header = Array.from({ length: grid.width }, (_, c) => labels[c] ?? '');
    let bodyStart = r + 1;
    // Two-level header: 责任单位 spanning 牵头单位 | 配合单位 on the next row.
    if (bodyStart < grid.rows.length) {
      const next = grid.slots[bodyStart];
      const own = next.filter((cell, c) => cell && cell.row === bodyStart && (c === 0 || next[c - 1] !== cell));
      const coversFromAbove = next.some((cell) => cell && cell.row === r);
      const nextLabels = own.map((cell) => squash(cell?.text?.text));
      if (coversFromAbove && own.length > 0 && headerCategories(nextLabels).size > 0 && nextLabels.every((l) => l.length <= 12 && !/^\d+$/.test(l))) {
        next.forEach((cell, c) => {
          if (cell && cell.row === bodyStart) header[c] = squash(cell.text?.text);
        });
        bodyStart++;
      }
    }
    return { headerRow: r, bodyStart, header };
  }
  return undefined;
}

// ---------------------------------------------------------------- metadata boxes

// Labels of a 政府信息公开 metadata box: src/shared/page-meta.ts (one list for every reader).
import { STRONG_META, META_LABEL } from '../../shared/page-meta.js';

/** The label of a label-only cell ("索 引 号：" → "索引号"), or undefined. */
export function labelOf(text: string | undefined): string | undefined {
  const label = squash(text).replace(/[:：]$/, '');
  return META_LABEL.test(label) ? label : undefined;
}

/** A "索引号：xxx" run at the start of a text: the label, or undefined. */
export function inlineMetaLabel(text: string, strongOnly = false): string | undefined {
  const m = /^[\s\u3000]*([^:：]{2,16}?)[\s\u3000]*[:：][\s\u3000]*\S/.exec(text);
  if (!m) return undefined;
  const label = squash(m[1]);
  return (strongOnly ? STRONG_META : META_LABEL).test(label) ? label : undefined;
}

export type MetaItem =
  | { type: 'pair'; label: Cell; value: Cell }
  | { type: 'inline'; cell: Cell }
  | { type: 'other'; cell: Cell };

/**
 * If the grid is a metadata box (label cells followed by value cells, or
 * "label：value" cells, with at least two identifying labels), its items in order.
 */
export function metaItems(grid: Grid): MetaItem[] | undefined {
  // Metadata boxes are small; don't read every cell of a big layout or data table.
  if (grid.rows.length > 30 || grid.rows.some((tr) => containsTable(tr))) return undefined;
  const items: MetaItem[] = [];
  let strong = 0;
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = rowCells(grid, r).filter((cell) => cell.row === r);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const text = cell.text?.text;
      if (!text) continue;
      const label = labelOf(text);
      const next = cells[i + 1];
      if (label && next && next.text && !labelOf(next.text.text)) {
        items.push({ type: 'pair', label: cell, value: next });
        if (STRONG_META.test(label)) strong++;
        i++;
      } else if (!label && inlineMetaLabel(text)) {
        items.push({ type: 'inline', cell });
        if (inlineMetaLabel(text, true)) strong++;
      } else if (!label) {
        items.push({ type: 'other', cell });
      }
    }
  }
  return strong >= 2 ? items : undefined;
}

/** A `label：value` text from a label cell and a value cell, with per-char offsets. */
export function joinPair(label: BuiltText, value: BuiltText): BuiltText {
  const chars: string[] = [];
  const offs: number[] = [];
  let colonAt = label.end;
  for (let i = 0; i < label.text.length; i++) {
    const ch = label.text[i];
    if (ch === ':' || ch === '：') {
      colonAt = label.offsets[i];
      break;
    }
    if (/[\s\u3000]/.test(ch)) continue;
    chars.push(ch);
    offs.push(label.offsets[i]);
  }
  chars.push('：');
  offs.push(colonAt);
  const text = chars.join('') + value.text;
  const offsets = new Int32Array(text.length);
  offsets.set(offs, 0);
  offsets.set(value.offsets, offs.length);
  return { text, offsets, start: label.start, end: value.end };
}

function containsTable(el: Element): boolean {
  const stack: ElementContent[] = el.children.slice();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'table') return true;
    stack.push(...node.children);
  }
  return false;
}
