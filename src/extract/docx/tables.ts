/**
 * Word tables → rows of expanded cells. Task ledgers (序号|工作任务|牵头单位|责任单位|完成时限)
 * merge a 牵头 cell down several rows (w:vMerge) or across columns (w:gridSpan);
 * downstream maps fields by column, so every row gets every column's text.
 */
import { cellValue } from '../placeholder.js';
import { child, children, val, type XmlElement } from './xml.js';

/** Cap on one cell's w:gridSpan (Word itself allows 63 columns; HTML's colspan cap is 1000). */
const MAX_GRID_SPAN = 1000;

export interface TableRows {
  rows: string[][];
  /** Rows marked "repeat as header row" (w:tblHeader), or 1 when none are marked. */
  headerRows: number;
}

/**
 * `cellText` turns a w:tc into text (its paragraphs, markers included).
 * Rows of nested tables are flattened into their host cell's text.
 */
export function expandTable(tbl: XmlElement, cellText: (tc: XmlElement) => string): TableRows {
  const rows: string[][] = [];
  let headerRows = 0;
  let counting = true;
  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'w:trPr');
    if (counting && child(trPr, 'w:tblHeader')) headerRows++;
    else counting = false;
    const cells: string[] = [];
    let col = Number(val(trPr, 'w:gridBefore') ?? 0) || 0;
    for (let i = 0; i < col; i++) cells.push('');
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      // Word tables have at most 63 columns; a hostile gridSpan of 999999999 would fill memory (found by fuzzing)
      const span = Math.min(MAX_GRID_SPAN, Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? 1) || 1));
      const vMerge = child(tcPr, 'w:vMerge');
      // <w:vMerge/> (no val) or val="continue" continues the cell above; "restart" starts a merge.
      const continues = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
      const above = rows[rows.length - 1];
      // A placeholder (—, /, 无) marks a column that does not apply: an empty cell, not a unit.
      const text = continues && above ? (above[col] ?? '') : cellValue(cellText(tc));
      for (let k = 0; k < span; k++) cells[col + k] = text;
      col += span;
    }
    rows.push(cells);
  }
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  for (const r of rows) for (let i = 0; i < width; i++) r[i] ??= '';
  return { rows, headerRows: Math.max(1, Math.min(headerRows, rows.length)) };
}

/** `name` children (w:tr of a table, w:tc of a row), also inside the content controls / custom XML wrappers Word may put around them. */
function wrapped(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') out.push(...children(child(c, 'w:sdtContent'), name));
    else if (c.name === 'w:customXml') out.push(...wrapped(c, name));
  }
  return out;
}

const rowsOf = (tbl: XmlElement) => wrapped(tbl, 'w:tr');
const cellsOf = (tr: XmlElement) => wrapped(tr, 'w:tc');
