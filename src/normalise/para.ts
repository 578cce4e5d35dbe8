/**
 * A paragraph of text with, for every char, its offset in the decoded source.
 * Reflowing, trimming and splitting keep the map, so every field the parser
 * produces can point back at the source.
 */
import type { BlockKind, TextBlock } from '../extract/block.js';

export interface Para {
  text: string;
  /** map[i] = source offset of text[i]. */
  map: Int32Array;
  /** Source offset one past the last char. */
  end: number;
  kind: BlockKind;
  page?: number;
  gapBefore: boolean;
  cells?: string[];
  header?: string[];
  role?: string;
  style?: TextBlock['style'];
  listMarker?: string;
}

export function paraFromBlock(b: TextBlock): Para {
  let map: Int32Array;
  if (b.offsets && b.offsets.length === b.text.length) map = b.offsets;
  else {
    map = new Int32Array(b.text.length);
    for (let i = 0; i < map.length; i++) map[i] = b.span.start + i;
  }
  // a row that is one cell across the table (一、… section row, caption) is text, not a task
  const kind = b.kind === 'table-row' && (b.role === 'table-section' || b.role === 'table-caption') ? 'paragraph' : b.kind;
  return {
    text: b.text,
    map,
    end: b.span.end,
    kind,
    page: b.span.page,
    gapBefore: b.gapBefore ?? false,
    cells: b.cells,
    header: b.header,
    role: b.role,
    style: b.style,
    listMarker: b.listMarker,
  };
}

export function startOf(p: Para): number {
  return p.map.length > 0 ? p.map[0] : p.end;
}

export function slicePara(p: Para, from: number, to = p.text.length): Para {
  const map = p.map.subarray(from, to);
  const end = to >= p.text.length ? p.end : p.map[to];
  // explicit fields, not a spread: this runs for every cut and clause
  const out: Para = { text: p.text.slice(from, to), map, end, kind: p.kind, gapBefore: from === 0 ? p.gapBefore : false };
  if (p.page !== undefined) out.page = p.page;
  if (p.cells) out.cells = p.cells;
  if (p.header) out.header = p.header;
  if (p.role) out.role = p.role;
  if (p.style) out.style = p.style;
  if (p.listMarker) out.listMarker = p.listMarker;
  return out;
}

const EDGE_SPACE = /[\s\u3000\u00a0\u200b\ufeff]/;

export function trimPara(p: Para): Para {
  let a = 0;
  let b = p.text.length;
  while (a < b && EDGE_SPACE.test(p.text[a])) a++;
  while (b > a && EDGE_SPACE.test(p.text[b - 1])) b--;
  if (a === 0 && b === p.text.length) return p;
  const out = slicePara(p, a, b);
  // keep the end at the last kept char, not at trailing spaces
  out.end = b > a ? p.map[b - 1] + 1 : startOf(p);
  return out;
}

/** a + b, for a line or page break that split one paragraph. */
export function joinParas(a: Para, b: Para, sep = ''): Para {
  const map = new Int32Array(a.map.length + sep.length + b.map.length);
  map.set(a.map, 0);
  for (let i = 0; i < sep.length; i++) map[a.map.length + i] = a.end;
  map.set(b.map, a.map.length + sep.length);
  return { ...a, text: a.text + sep + b.text, map, end: b.end };
}

export { lineIndex, lineOf } from '../shared/line-index.js';
