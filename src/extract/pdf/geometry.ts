/**
 * Page geometry from pdfjs: text items and ruling lines brought into one
 * "upright" frame (the page as displayed, /Rotate applied, origin at the
 * bottom-left, y up), so landscape and rotated pages read like portrait ones.
 * Ruling lines and image boxes come from the operator list (constructPath,
 * transform, save/restore, form XObjects, image paints).
 */
import type { PdfTextItem } from './lines.js';

/** A 2D affine matrix [a b c d e f], PDF order. */
export type Matrix = readonly number[];

/** m1 × m2: apply m2 first, then m1 (pdfjs's Util.transform). */
export function multiply(m1: Matrix, m2: Matrix): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The upright frame of a page: `toUpright` maps user space to display space
 * with y up. `viewport` is pdfjs's `page.getViewport({ scale: 1 })` transform
 * (user space → device space, y down, /Rotate applied) and the displayed size.
 */
export interface PageFrame {
  width: number;
  height: number;
  toUpright: number[];
}

export function pageFrame(viewportTransform: Matrix, width: number, height: number): PageFrame {
  return { width, height, toUpright: multiply([1, 0, 0, -1, 0, height], viewportTransform) };
}

/**
 * Text items in the upright frame. Items whose text does not run left to right
 * there (vertical text, a diagonal watermark) are returned separately: they are
 * not body text, but the watermark check wants to see them.
 */
export function uprightItems(items: readonly PdfTextItem[], frame: PageFrame): { upright: PdfTextItem[]; skewed: PdfTextItem[] } {
  const upright: PdfTextItem[] = [];
  const skewed: PdfTextItem[] = [];
  const identity = isIdentity(frame.toUpright);
  for (const it of items) {
    if (!it.str) continue;
    const t = identity ? it.transform : multiply(frame.toUpright, it.transform);
    const item = identity ? it : { ...it, transform: t };
    // Horizontal, not mirrored: the advance runs along +x (a > 0, b ≈ 0).
    if (t[0] > 0 && Math.abs(t[1]) <= 0.05 * Math.abs(t[0])) upright.push(item);
    else skewed.push(item);
  }
  return { upright, skewed };
}

function isIdentity(m: Matrix): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0;
}

/** An axis-aligned ruling line in the upright frame. */
export interface Segment {
  /** 'h': y fixed, x0 < x1; 'v': x fixed, y0 < y1. */
  dir: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGraphics {
  segments: Segment[];
  /** Where images are painted (a scan covers the page). */
  images: Box[];
}

/** The numbers of the pdfjs OPS we read (pdfjs's `OPS` object). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
}

/** pdfjs's DrawOPS codes inside constructPath's path data (pdfjs ≥ 5). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thinner than this (pt) a filled rectangle is a line (Word draws borders as filled bars). */
const BAR = 3;
/** Shorter than this (pt) a segment is a tick, an underline dot or a glyph part. */
const MIN_SEGMENT = 4;

/**
 * Ruling lines and image boxes of one page from its operator list. Never throws
 * on odd data: anything unexpected is skipped (the text still reads).
 */
export function pageGraphics(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops, frame: PageFrame, limit = 200_000): PageGraphics {
  const segments: Segment[] = [];
  const images: Box[] = [];
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const stroked = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const filled = new Set([ops.fill, ops.eoFill]);
  const n = Math.min(fnArray.length, limit);
  for (let i = 0; i < n; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args && args.length >= 6) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as ArrayLike<number> | null | undefined;
      if (m && m.length >= 6) ctm = multiply(ctm, Array.from(m));
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject || fn === ops.paintImageXObjectRepeat) {
      images.push(boxOf(multiply(frame.toUpright, ctm), [0, 0, 1, 1]));
    } else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || !(stroked.has(paint) || filled.has(paint))) continue;
      const m = multiply(frame.toUpright, ctm);
      for (const path of subpaths(data)) {
        if (stroked.has(paint)) {
          for (let k = 1; k < path.length; k++) addSegment(segments, apply(m, ...path[k - 1]), apply(m, ...path[k]));
        } else if (path.length >= 4) {
          // A filled thin rectangle is a line along its long side.
          const b = boxOf(m, path.flat());
          const w = b.x1 - b.x0;
          const h = b.y1 - b.y0;
          if (h <= BAR && w > h) addSegment(segments, [b.x0, (b.y0 + b.y1) / 2], [b.x1, (b.y0 + b.y1) / 2]);
          else if (w <= BAR && h > w) addSegment(segments, [(b.x0 + b.x1) / 2, b.y0], [(b.x0 + b.x1) / 2, b.y1]);
        }
      }
    }
  }
  return { segments, images };
}

/** Straight-edged subpaths as point lists (a closed one repeats its first point); curves end a run. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === MOVE) {
      if (cur.length > 1) out.push(cur);
      cur = [[data[i + 1], data[i + 2]]];
      i += 3;
    } else if (op === LINE) {
      cur.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === CURVE || op === QUAD) {
      // Rounded corners and circles are not ruling lines.
      if (cur.length > 1) out.push(cur);
      const step = op === CURVE ? 7 : 5;
      cur = [[data[i + step - 2], data[i + step - 1]]];
      i += step;
    } else if (op === CLOSE) {
      if (cur.length > 1) {
        cur.push(cur[0]);
        out.push(cur);
      }
      cur = cur.length ? [cur[0]] : [];
      i += 1;
    } else break; // unknown code: stop rather than misread the rest
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

function boxOf(m: Matrix, coords: number[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let k = 0; k + 1 < coords.length; k += 2) {
    const [x, y] = apply(m, coords[k], coords[k + 1]);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

function addSegment(out: Segment[], a: [number, number], b: [number, number]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 1 && dx >= MIN_SEGMENT) {
    const y = (a[1] + b[1]) / 2;
    out.push({ dir: 'h', x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y });
  } else if (dx <= 1 && dy >= MIN_SEGMENT) {
    const x = (a[0] + b[0]) / 2;
    out.push({ dir: 'v', x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  }
}
