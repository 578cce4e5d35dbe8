/**
 * OFD page content → positioned text runs in the shape the PDF line builder
 * takes (PdfTextItem: PDF user space, points, y upwards), so OFD and PDF
 * share lines.ts / paragraphs.ts / furniture.ts.
 *
 * OFD geometry (GB/T 33190 §8, §11): page space is millimetres with y down.
 * A TextObject's Boundary "x y w h" places its own space on the page; its
 * optional CTM "a b c d e f" maps object space into the boundary. Each
 * TextCode starts at X, Y (the baseline of its first character; omitted →
 * where the previous TextCode ended) and advances by DeltaX / DeltaY, lists
 * that may abbreviate runs as `g N V` (N advances of V).
 */
import type { PdfTextItem } from '../pdf/lines.js';
import { list, parseBox, textOf, type Box, type XNode } from './package.js';

/** Millimetres → PDF points. */
const PT = 72 / 25.4;

const NO_DELTAS: number[] = [];
const isSep = (c: number) => c <= 32 || c === 44; // whitespace or comma

/**
 * Expand a DeltaX/DeltaY list, including the `g N V` repeat form, to at most
 * `max` values (a TextCode needs one per character; a hostile count must not
 * allocate gigabytes). Numbers are scanned by hand: this runs once per
 * character of the document, and Number() on each substring was the
 * adapter's largest cost after the XML parse itself.
 */
export function parseDeltas(v: unknown, max = 100_000): number[] {
  const s = typeof v === 'string' ? v : '';
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  let g = 0; // 1: a `g` was read, its count comes next; 2: the count was read, its value comes next
  let count = 0;
  while (i < n && out.length < max) {
    const c = s.charCodeAt(i);
    if (isSep(c)) {
      i++;
      continue;
    }
    if (c === 103 /* g */ && (i + 1 >= n || isSep(s.charCodeAt(i + 1)))) {
      g = 1;
      i++;
      continue;
    }
    // [-]digits[.digits] by hand; anything else (exponents, junk) through Number(), junk as 0
    const start = i;
    let neg = false;
    let int = 0;
    let frac = 0;
    let scale = 1;
    let digits = 0;
    let d = c;
    if (d === 45 /* - */) {
      neg = true;
      i++;
    }
    while (i < n && (d = s.charCodeAt(i)) >= 48 && d <= 57) {
      int = int * 10 + (d - 48);
      i++;
      digits++;
    }
    if (i < n && s.charCodeAt(i) === 46 /* . */) {
      i++;
      while (i < n && (d = s.charCodeAt(i)) >= 48 && d <= 57) {
        frac = frac * 10 + (d - 48);
        scale *= 10;
        i++;
        digits++;
      }
    }
    let value: number;
    if (i < n && !isSep(s.charCodeAt(i))) {
      while (i < n && !isSep(s.charCodeAt(i))) i++;
      value = Number(s.slice(start, i));
      if (!Number.isFinite(value)) value = 0;
    } else {
      value = digits ? (neg ? -(int + frac / scale) : int + frac / scale) : 0;
    }
    if (g === 1) {
      count = value;
      g = 2;
    } else if (g === 2) {
      for (let k = 0; k < count && out.length < max; k++) out.push(value);
      g = 0;
    } else out.push(value);
  }
  return out;
}

type Matrix = [number, number, number, number, number, number];

function parseCtm(v: unknown): Matrix | undefined {
  const n = textOf(v).trim().split(/[\s,]+/).map(Number);
  if (n.length !== 6 || n.some((x) => !Number.isFinite(x))) return undefined;
  return n as Matrix;
}

const NUMERIC_ENTITY = /&#(?:(\d+)|x([0-9a-fA-F]+));/g;
/** The parser decodes the five named entities; numeric references are left to us. */
function decodeNumeric(s: string): string {
  if (!s.includes('&#')) return s;
  return s.replace(NUMERIC_ENTITY, (m, dec: string | undefined, hex: string | undefined) => {
    const cp = parseInt(dec ?? hex!, dec ? 10 : 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/**
 * Text runs of one TextObject. A TextCode is split into runs wherever the
 * pen jumps (a DeltaY, or a DeltaX wider than the glyph plus a quarter em):
 * the line builder then decides about spaces and tab gaps as it does for PDF.
 */
export function textObjectItems(obj: XNode, pageTop: number): PdfTextItem[] {
  const boundary = parseBox(obj.Boundary) ?? { x: 0, y: 0, w: 0, h: 0 };
  const ctm = parseCtm(obj.CTM);
  const size0 = Number(obj.Size) > 0 ? Number(obj.Size) : 3.5; // 3.5 mm ≈ 10 pt when Size is absent
  const hscale = Number(obj.HScale) > 0 ? Number(obj.HScale) : 1;
  // CTM scale applies to glyphs too: the vertical factor sizes the font.
  const scaleY = ctm ? Math.hypot(ctm[2], ctm[3]) : 1;
  const size = size0 * scaleY;
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = ctm ? [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]] : [x, y];
    return [boundary.x + px, boundary.y + py];
  };
  const items: PdfTextItem[] = [];
  let penX = 0;
  let penY = 0;
  const em = size0 * hscale;
  const emit = (str: string, x: number, y: number, endX: number) => {
    const [x0, y0] = toPage(x, y);
    const [x1] = toPage(endX, y);
    items.push({ str, transform: [size * PT * hscale, 0, 0, size * PT, x0 * PT, (pageTop - y0) * PT], width: Math.max(0, (x1 - x0) * PT) });
  };
  for (const code of list(obj.TextCode)) {
    const text = decodeNumeric(textOf(code));
    if (code.X !== undefined && Number.isFinite(Number(code.X))) penX = Number(code.X);
    if (code.Y !== undefined && Number.isFinite(Number(code.Y))) penY = Number(code.Y);
    if (!text) continue;
    const dx = parseDeltas(code.DeltaX, text.length);
    const dy = code.DeltaY === undefined ? NO_DELTAS : parseDeltas(code.DeltaY, text.length);
    // Walk characters (a surrogate pair is one character and takes one delta), cutting runs at pen jumps.
    let runStart = 0;
    let runX = penX;
    let runY = penY;
    for (let i = 0, k = 0; i < text.length; k++) {
      const c = text.charCodeAt(i);
      const next = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1);
      // Glyph width estimate: CJK and full-width forms take an em, Latin and digits half (only used to spot gaps and for the run's end).
      const glyph = c > 0x2000 ? em : 0.5 * em;
      if (next >= text.length) {
        emit(text.slice(runStart), runX, runY, penX + glyph);
        penX += dx[k] ?? glyph; // the next TextCode without X continues here
        break;
      }
      // Fewer deltas than characters: the rest advance like the last one (or by their own width).
      const ax = dx[k] ?? (dx.length ? dx[dx.length - 1] : glyph);
      const ay = dy[k] ?? 0;
      penX += ax;
      penY += ay;
      if (ay !== 0 || ax > glyph + 0.25 * size0) {
        emit(text.slice(runStart, next), runX, runY, penX - ax + glyph);
        runStart = next;
        runX = penX;
        runY = penY;
      }
      i = next;
    }
  }
  return items;
}

/** Every TextObject of a page's content, through nested PageBlocks, in document order per layer. */
export function pageTextObjects(page: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (node: XNode) => {
    for (const t of list(node.TextObject)) out.push(t);
    for (const b of list(node.PageBlock)) walk(b);
    for (const c of list(node.CompositeObject)) walk(c);
  };
  for (const layer of list((page.Content as XNode | undefined)?.Layer)) walk(layer);
  return out;
}

/** The page box of a Content.xml (its Area/PhysicalBox), if it has one. */
export function pageBox(page: XNode): Box | undefined {
  return parseBox((page.Area as XNode | undefined)?.PhysicalBox);
}

/** Template IDs a page uses (Page/Template TemplateID), in order. */
export function pageTemplateIds(page: XNode): string[] {
  return list(page.Template)
    .map((t) => t.TemplateID)
    .filter((id): id is string | number => id !== undefined)
    .map(String);
}
