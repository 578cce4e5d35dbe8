/**
 * Task tables in PDF (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限) recovered from
 * geometry: a grid from the ruling lines (cells whose separating line is
 * missing are merged, as DOCX vMerge/gridSpan and HTML rowspan/colspan are),
 * or, when a table has no lines, columns from the white space that runs down
 * between x-aligned text. A table continued on the next page with the same
 * columns is one table: its repeated header is dropped, a row split by the
 * page break is joined, and a merged cell running across the break keeps its
 * text. Only tables with a task header are taken; other ruled boxes stay text.
 */
import { headerCategories } from '../html/table.js';
import { cellValue } from '../placeholder.js';
import type { Segment } from './geometry.js';
import { buildLines, keepSpace, type PdfLine, type PdfTextItem } from './lines.js';

/** One row of a recovered table, cells expanded (a merged cell's text in every slot it covers). */
export interface PdfTableRow {
  cells: string[];
  /** Page and top (upright y) where the row starts. */
  page: number;
  top: number;
  /** Role, as the HTML adapter names them: a header row, a caption above it, a section row spanning all columns. */
  role?: 'table-header' | 'table-caption' | 'table-section';
  /** Per column: rows the covering cell spans on its page, counted from this row down (merges). */
  spanDown: number[];
  /** Per column: the covering cell started above this row. */
  fromAbove: boolean[];
  /** Per column: the cell's last line stopped short of its right edge (a line break, not a wrap). */
  endsShort?: boolean[];
}

export interface PdfTable {
  page: number;
  /** Last page the table runs onto. */
  lastPage: number;
  /** Upright y of the top edge on `page` (reading order on the first page). */
  top: number;
  /** Column edges (upright x), left to right. */
  columns: number[];
  header: string[];
  rows: PdfTableRow[];
}

/** A table found on one page, before pages are stitched. */
export interface PageTable {
  page: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  columns: number[];
  rows: PdfTableRow[];
  /** Index of the header row in `rows`, when this page's part has one. */
  headerRow?: number;
  ruled: boolean;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const TOL = 2;
/** Work bounds: horizontal × vertical lines compared, and cells of one grid. */
const MAX_CROSSINGS = 250_000;
const MAX_SLOTS = 20_000;

// ---------------------------------------------------------------- characters

interface Char {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  item: PdfTextItem;
}

/** Items cut into characters with estimated positions (pdfjs gives one width per run). */
function charsOf(items: readonly PdfTextItem[]): Char[] {
  const out: Char[] = [];
  for (const it of items) {
    const chars = Array.from(it.str);
    if (!chars.length) continue;
    const t = it.transform;
    const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || 1;
    const w = it.width / chars.length;
    chars.forEach((str, i) => out.push({ str, x: t[4] + i * w, y: t[5], w, size, item: it }));
  }
  return out;
}

/** Consecutive characters of one item back into items (so lines.ts can rebuild lines). */
function itemsOf(chars: readonly Char[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let run: Char[] = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0];
    const t = first.item.transform;
    out.push({ str: run.map((c) => c.str).join(''), transform: [t[0], t[1], t[2], t[3], first.x, first.y], width: run.reduce((s, c) => s + c.w, 0), fontName: first.item.fontName });
    run = [];
  };
  for (const c of chars) {
    const prev = run[run.length - 1];
    if (prev && (prev.item !== c.item || Math.abs(prev.x + prev.w - c.x) > 0.01)) flush();
    run.push(c);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- ruled grids

function mergeSegments(segments: readonly Segment[], dir: 'h' | 'v'): Segment[] {
  const pos = (s: Segment) => (dir === 'h' ? s.y0 : s.x0);
  const from = (s: Segment) => (dir === 'h' ? s.x0 : s.y0);
  const to = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const sorted = segments.filter((s) => s.dir === dir).sort((a, b) => pos(a) - pos(b) || from(a) - from(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    let last: Segment | undefined;
    // Sorted by position: only the segments at (about) this position can take it.
    for (let k = out.length - 1; k >= 0 && !last && pos(s) - pos(out[k]) <= 1; k--) if (from(s) <= to(out[k]) + TOL) last = out[k];
    if (last) {
      if (dir === 'h') last.x1 = Math.max(last.x1, s.x1);
      else last.y1 = Math.max(last.y1, s.y1);
    } else out.push({ ...s });
  }
  return out;
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Grid {
  xs: number[]; // ascending
  ys: number[]; // descending (top first)
  /** region id per slot [r][c] */
  region: number[][];
}

/** Connected groups of crossing horizontal and vertical lines, each a candidate grid. */
function grids(segments: readonly Segment[]): Grid[] {
  const hs = mergeSegments(segments, 'h');
  const vs = mergeSegments(segments, 'v');
  if (hs.length < 2 || vs.length < 3) return [];
  // A page of thousands of lines (a chart, hatching, a hostile file) is not a task table: bound the work.
  if (hs.length * vs.length > MAX_CROSSINGS) return [];
  const all = [...hs, ...vs];
  const uf = new UnionFind(all.length);
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i];
      const v = vs[j];
      if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL) uf.union(i, hs.length + j);
    }
  }
  const groups = new Map<number, Segment[]>();
  all.forEach((s, i) => {
    const root = uf.find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  const out: Grid[] = [];
  for (const group of groups.values()) {
    const gh = group.filter((s) => s.dir === 'h');
    const gv = group.filter((s) => s.dir === 'v');
    const xs = cluster(gv.map((s) => s.x0), TOL);
    const ys = cluster(gh.map((s) => s.y0), TOL).reverse();
    if (xs.length < 3 || ys.length < 2) continue;
    const R = ys.length - 1;
    const C = xs.length - 1;
    if (R * C > MAX_SLOTS) continue;
    const vAt = (x: number, y: number) => gv.some((s) => Math.abs(s.x0 - x) <= TOL && y >= s.y0 - TOL && y <= s.y1 + TOL);
    const hAt = (y: number, x: number) => gh.some((s) => Math.abs(s.y0 - y) <= TOL && x >= s.x0 - TOL && x <= s.x1 + TOL);
    const uf2 = new UnionFind(R * C);
    for (let r = 0; r < R; r++) {
      const yMid = (ys[r] + ys[r + 1]) / 2;
      for (let c = 0; c < C; c++) {
        const xMid = (xs[c] + xs[c + 1]) / 2;
        if (c + 1 < C && !vAt(xs[c + 1], yMid)) uf2.union(r * C + c, r * C + c + 1);
        if (r + 1 < R && !hAt(ys[r + 1], xMid)) uf2.union(r * C + c, (r + 1) * C + c);
      }
    }
    out.push({ xs, ys, region: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => uf2.find(r * C + c))) });
  }
  return out;
}

/** Text of one cell from its characters: wrapped lines joined, a line that stopped short kept as a line break. */
function cellText(chars: readonly Char[], x0: number, x1: number, page: number): string {
  return cellLines(chars, x0, x1, page).text;
}

function cellLines(chars: readonly Char[], x0: number, x1: number, page: number): { text: string; endsShort: boolean } {
  if (!chars.length) return { text: '', endsShort: false };
  const lines = buildLines(itemsOf(chars), page);
  if (!lines.length) return { text: '', endsShort: false };
  const pad = Math.min(12, Math.max(0, Math.min(...lines.map((l) => l.x0 - x0))));
  let text = '';
  let prev: PdfLine | undefined;
  for (const l of lines) {
    if (prev) {
      const short = prev.x1 < x1 - pad - 1.2 * prev.size;
      if (short) text += '\n';
      // A wrapped line: a space only between two Latin words (CJK and numbers wrap anywhere).
      else if (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(l.text)) text += ' ';
    }
    text += l.text;
    prev = l;
  }
  return { text: cellValue(text.trim()), endsShort: prev!.x1 < x1 - pad - 1.2 * prev!.size };
}

interface Placed {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/**
 * Grids from ruling lines on one page, with their cell texts. Returns the
 * tables and the characters no table claimed (as items, for the line builder).
 */
export function ruledTables(
  items: readonly PdfTextItem[],
  segments: readonly Segment[],
  page: number,
  accept: (table: PageTable) => boolean = () => true,
): { tables: PageTable[]; rest: PdfTextItem[] } {
  const found = grids(segments);
  if (!found.length) return { tables: [], rest: items as PdfTextItem[] };
  const chars = charsOf(items);
  const claimed = new Set<Char>();
  const tables: PageTable[] = [];
  for (const g of found) {
    const R = g.ys.length - 1;
    const C = g.xs.length - 1;
    const box: Placed = { x0: g.xs[0], x1: g.xs[C], top: g.ys[0], bottom: g.ys[R] };
    const byRegion = new Map<number, Char[]>();
    const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        const id = g.region[r][c];
        const e = extent.get(id);
        if (!e) extent.set(id, { r0: r, r1: r, c0: c, c1: c });
        else {
          e.r1 = Math.max(e.r1, r);
          e.c0 = Math.min(e.c0, c);
          e.c1 = Math.max(e.c1, c);
        }
      }
    }
    const inside: Char[] = [];
    for (const ch of chars) {
      if (claimed.has(ch)) continue;
      const cx = ch.x + ch.w / 2;
      const cy = ch.y + 0.3 * ch.size;
      if (cx < box.x0 || cx > box.x1 || cy > box.top || cy < box.bottom) continue;
      const c = Math.min(C - 1, Math.max(0, g.xs.findIndex((x, k) => k < C && cx >= x && cx <= g.xs[k + 1])));
      const r = Math.min(R - 1, Math.max(0, g.ys.findIndex((y, k) => k < R && cy <= y && cy >= g.ys[k + 1])));
      const id = g.region[r][c];
      if (!byRegion.has(id)) byRegion.set(id, []);
      byRegion.get(id)!.push(ch);
      inside.push(ch);
    }
    const texts = new Map<number, { text: string; endsShort: boolean }>();
    for (const [id, e] of extent) texts.set(id, cellLines(byRegion.get(id) ?? [], g.xs[e.c0], g.xs[e.c1 + 1], page));
    const rows: PdfTableRow[] = [];
    for (let r = 0; r < R; r++) {
      const ids = g.region[r];
      // A slot row that adds no cell of its own (every cell started above) is not a row of its own.
      if (ids.every((id) => extent.get(id)!.r0 < r)) continue;
      rows.push({
        cells: ids.map((id) => texts.get(id)?.text ?? ''),
        endsShort: ids.map((id) => texts.get(id)?.endsShort ?? false),
        page,
        top: g.ys[r],
        spanDown: ids.map((id) => extent.get(id)!.r1 - r + 1),
        fromAbove: ids.map((id) => extent.get(id)!.r0 < r),
      });
    }
    const table: PageTable = { page, ...box, columns: g.xs, rows, ruled: true };
    if (!rows.length || !accept(table)) continue;
    tables.push(table);
    for (const ch of inside) claimed.add(ch);
  }
  const rest = itemsOf(chars.filter((c) => !claimed.has(c)));
  return { tables, rest };
}

// ---------------------------------------------------------------- header rows

/** Index of the task header among the first rows, or undefined: two label kinds, one a task or unit column. */
export function findHeaderRow(rows: readonly PdfTableRow[]): number | undefined {
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const cats = headerCategories(rows[r].cells.map(squash));
    if (cats.size >= 2 && (cats.has('task') || cats.has('unit'))) return r;
  }
  return undefined;
}

/**
 * Cheap test before reading a page's graphics: a line of header labels set far
 * apart (序号  工作任务  牵头单位 …; the line builder keeps wide gaps as spaces).
 */
export function hasHeaderLine(lines: readonly PdfLine[]): boolean {
  return lines.some((l) => {
    const labels = l.text.split(/\s+/).map(squash);
    if (labels.length < 2) return false;
    const cats = headerCategories(labels);
    return cats.size >= 2 && (cats.has('task') || cats.has('unit'));
  });
}

// ---------------------------------------------------------------- tables without lines

/**
 * A task table laid out with spaces or tabs instead of lines: a header line of
 * labels (序号 工作任务 牵头单位 …) far apart, then lines whose text falls in the
 * same columns. Columns are cut where white space runs down every line; a
 * row starts where the first column has text. Merged cells cannot be seen
 * without lines, so they stay in the row where their text is.
 */
export function unruledTables(lines: readonly PdfLine[], items: readonly PdfTextItem[], page: number): { tables: PageTable[]; rest: PdfTextItem[] } {
  const chars = charsOf(items);
  const tables: PageTable[] = [];
  const claimed = new Set<Char>();
  const charsOn = (l: PdfLine) => chars.filter((c) => !claimed.has(c) && c.str.trim() && Math.abs(c.y - l.y) <= 0.35 * Math.max(l.size, c.size));
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i];
    const parts = splitAtGaps(charsOn(head), 1.5);
    if (parts.length < 3) continue;
    const labels = parts.map((p) => squash(p.map((c) => c.str).join('')));
    const cats = headerCategories(labels);
    if (cats.size < 2 || !(cats.has('task') || cats.has('unit'))) continue;
    // The body: following lines until a line that runs through the white space between header labels.
    const body: PdfLine[] = [];
    const gapsOfHeader = parts.slice(1).map((p, k) => [parts[k][parts[k].length - 1].x + parts[k][parts[k].length - 1].w, p[0].x] as [number, number]);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.y >= head.y) break;
      const cs = charsOn(l);
      // A line that crosses into the gap between the first two columns is a section row (一、…) or the end of the table.
      const crossesAll = cs.some((c) => c.x < gapsOfHeader[0][0]) && cs.some((c) => c.x > gapsOfHeader[gapsOfHeader.length - 1][1]) && splitAtGaps(cs, 1.5).length === 1;
      if (crossesAll && !/^[一二三四五六七八九十]+、/.test(l.text)) break;
      if (body.length && body[body.length - 1].y - l.y > 3 * l.size) break;
      body.push(l);
    }
    if (!body.length) continue;
    // Column cuts: white space that runs down every body line (section rows aside); between
    // two header labels, the widest such river. Labels are often centred over left-aligned text.
    const covered: [number, number][] = [];
    for (const l of body) {
      if (/^[一二三四五六七八九十]+、/.test(l.text)) continue;
      for (const ch of charsOn(l)) covered.push([ch.x, ch.x + ch.w]);
    }
    for (const ch of charsOn(head)) covered.push([ch.x, ch.x + ch.w]);
    covered.sort((a, b) => a[0] - b[0]);
    const rivers: [number, number][] = [];
    let reach = -Infinity;
    for (const [a, b] of covered) {
      if (reach > -Infinity && a - reach >= 0.6 * head.size) rivers.push([reach, a]);
      reach = Math.max(reach, b);
    }
    const cuts: number[] = [];
    for (const [g0, g1] of gapsOfHeader) {
      let best: [number, number] | undefined;
      for (const [a, b] of rivers) {
        const lo = Math.max(a, g0);
        const hi = Math.min(b, g1);
        if (hi > lo && (!best || b - a > best[1] - best[0])) best = [a, b];
      }
      cuts.push(best ? (best[0] + best[1]) / 2 : (g0 + g1) / 2);
    }
    const x0 = Math.min(head.x0, ...body.map((l) => l.x0)) - 1;
    const x1 = Math.max(head.x1, ...body.map((l) => l.x1)) + 1;
    const columns = [x0, ...cuts, x1];
    const C = columns.length - 1;
    const colOf = (c: Char) => {
      const cx = c.x + c.w / 2;
      let k = 0;
      while (k < C - 1 && cx > columns[k + 1]) k++;
      return k;
    };
    const rows: PdfTableRow[] = [];
    const headerChars = charsOn(head);
    const headerCells = Array.from({ length: C }, (_, k) => headerChars.filter((c) => colOf(c) === k));
    const rowOf = (cellChars: Char[][], top: number, role?: PdfTableRow['role']): PdfTableRow => ({
      cells: cellChars.map((cs, k) => cellText(cs, columns[k], columns[k + 1], page)),
      page,
      top,
      spanDown: cellChars.map(() => 1),
      fromAbove: cellChars.map(() => false),
      ...(role ? { role } : {}),
    });
    rows.push(rowOf(headerCells, head.y + head.size));
    for (const c of headerChars) claimed.add(c);
    let cur: { chars: Char[][]; top: number } | undefined;
    for (const l of body) {
      const cs = charsOn(l);
      for (const c of cs) claimed.add(c);
      if (/^[一二三四五六七八九十]+、/.test(l.text) && cs.some((c) => colOf(c) === 0) && cs.some((c) => colOf(c) >= 1)) {
        if (cur) rows.push(rowOf(cur.chars, cur.top));
        cur = undefined;
        const all = Array.from({ length: C }, () => cs);
        const row = rowOf(all, l.y + l.size);
        row.cells = row.cells.map(() => cellValue(l.text));
        rows.push(row);
        continue;
      }
      if (!cur || cs.some((c) => colOf(c) === 0)) {
        if (cur) rows.push(rowOf(cur.chars, cur.top));
        cur = { chars: Array.from({ length: C }, () => []), top: l.y + l.size };
      }
      for (const c of cs) cur.chars[colOf(c)].push(c);
    }
    if (cur) rows.push(rowOf(cur.chars, cur.top));
    const last = body[body.length - 1];
    tables.push({ page, top: head.y + head.size, bottom: last.y - 0.3 * last.size, x0, x1, columns, rows, headerRow: 0, ruled: false });
    i = j - 1;
  }
  return { tables, rest: itemsOf(chars.filter((c) => !claimed.has(c))) };
}

function splitAtGaps(chars: readonly Char[], em: number): Char[][] {
  const sorted = chars.filter((c) => c.str.trim()).sort((a, b) => a.x - b.x);
  const out: Char[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && c.x - (prev.x + prev.w) <= em * c.size) last.push(c);
    else out.push([c]);
  }
  return out;
}

// ---------------------------------------------------------------- across pages

/** Keep a ruled grid: it has a task header, or it carries on a task table from the previous page with the same columns. */
export function isTaskTablePart(table: PageTable, previousPage: readonly PageTable[]): boolean {
  return findHeaderRow(table.rows) !== undefined || previousPage.some((t) => t.page === table.page - 1 && sameColumns(t.columns, table.columns));
}

const sameColumns = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => Math.abs(x - b[k]) <= 3);
const sameCells = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => squash(x) === squash(b[k]));

/**
 * Page parts → task tables. A part with a task header starts a table; a part
 * on the next page with the same columns continues it (its copy of the header
 * dropped, a row split by the break joined, a merged cell across the break
 * filled). Parts are already filtered by {@link isTaskTablePart}.
 */
export function stitchTables(parts: readonly PageTable[]): PdfTable[] {
  const tables: PdfTable[] = [];
  let open: { table: PdfTable; part: PageTable } | undefined;
  for (const part of [...parts].sort((a, b) => a.page - b.page || b.top - a.top)) {
    const headerRow = part.headerRow ?? findHeaderRow(part.rows);
    const head = headerRow === undefined ? undefined : headerOf(part.rows, headerRow);
    const continues = open && open.table.lastPage === part.page - 1 && sameColumns(open.part.columns, part.columns) && (!head || sameCells(head.header, open.table.header));
    if (continues && open) {
      let rows = part.rows;
      if (headerRow !== undefined && head) rows = rows.slice(headerRow + head.rows); // the header repeated on each page
      appendContinuation(open.table, rows);
      open.table.lastPage = part.page;
      open.part = part;
      continue;
    }
    if (headerRow === undefined || !head) continue;
    const rows = part.rows.map((row, r): PdfTableRow => (r < headerRow ? { ...row, role: 'table-caption' } : r < headerRow + head.rows ? { ...row, role: 'table-header' } : row));
    const table: PdfTable = { page: part.page, lastPage: part.page, top: part.top, columns: part.columns, header: head.header, rows: [] };
    appendContinuation(table, rows, true);
    tables.push(table);
    open = { table, part };
  }
  return tables;
}

/**
 * The header labels, one per column. A two-level header (责任单位 over
 * 牵头单位 | 配合单位, with 序号 and 工作任务 spanning both rows) takes the lower
 * label where there is one, as the HTML adapter does.
 */
function headerOf(rows: readonly PdfTableRow[], r: number): { header: string[]; rows: number } {
  const top = rows[r].cells.map(squash);
  const next = rows[r + 1];
  if (next && next.fromAbove.some(Boolean)) {
    const own = next.cells.map(squash).filter((_, c) => !next.fromAbove[c]);
    const labels = own.filter(Boolean);
    if (labels.length > 0 && labels.every((l) => l.length <= 12 && !/^\d+$/.test(l)) && headerCategories(labels).size > 0) {
      return { header: top.map((t, c) => (next.fromAbove[c] ? t : squash(next.cells[c]) || t)), rows: 2 };
    }
  }
  return { header: top, rows: 1 };
}

function isSection(row: PdfTableRow): boolean {
  const filled = new Set(row.cells.filter(Boolean));
  return row.cells.length > 1 && filled.size === 1 && row.cells.every(Boolean);
}

function appendContinuation(table: PdfTable, rows: readonly PdfTableRow[], first = false): void {
  // Columns whose merged cell runs on from the previous page: its text, for every row it still covers.
  const carry: (string | undefined)[] = [];
  rows.forEach((row, k) => {
    const r: PdfTableRow = { ...row, cells: [...row.cells] };
    if (!r.role && isSection(r)) r.role = 'table-section';
    const prev = table.rows[table.rows.length - 1];
    if (!first && k === 0 && prev && !prev.role && !r.role) {
      // A merged cell that ran across the break is empty at the top of this page.
      for (let c = 0; c < r.cells.length; c++) {
        if (!r.cells[c] && prev.cells[c] && (r.spanDown[c] > 1 || prev.fromAbove[c])) carry[c] = prev.cells[c];
      }
      // A row split by the page break: no 序号 (first column) of its own, text that carries on.
      const seqCol = table.header.findIndex((h) => /^(序号|编号|序)$/.test(h));
      if (!row.cells[Math.max(0, seqCol)] && row.cells.some(Boolean)) {
        prev.cells = prev.cells.map((a, c) => {
          const b = row.cells[c];
          if (!b || b === a) return a;
          if (!a) return b;
          return a + (prev.endsShort?.[c] ? '\n' : /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? ' ' : '') + b;
        });
        return;
      }
    } else if (k > 0) {
      for (let c = 0; c < r.cells.length; c++) if (!r.fromAbove[c]) carry[c] = undefined;
    }
    for (let c = 0; c < r.cells.length; c++) if (carry[c] !== undefined && !r.cells[c]) r.cells[c] = carry[c]!;
    table.rows.push(r);
  });
}
