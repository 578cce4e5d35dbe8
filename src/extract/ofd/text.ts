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

/** Expand a DeltaX/DeltaY list, including the `g N V` repeat form. */
export function parseDeltas(v: unknown): number[] {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) return [];
  const tok = s.split(/[\s,]+/);
  const out: number[] = [];
  for (let i = 0; i < tok.length; i++) {
    if (tok[i] === 'g') {
      const n = Math.min(Number(tok[i + 1]), 100_000); // a hostile count must not allocate gigabytes
      const d = Number(tok[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(d)) for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else {
      const d = Number(tok[i]);
      out.push(Number.isFinite(d) ? d : 0);
    }
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
    const dx = parseDeltas(code.DeltaX);
    const dy = parseDeltas(code.DeltaY);
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
