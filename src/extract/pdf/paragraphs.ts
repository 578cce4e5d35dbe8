/**
 * Visual lines → paragraphs. A PDF does not mark paragraphs; GB/T 9704 layout
 * does, implicitly: justified body text, a 2-character first-line indent,
 * a fixed line pitch, centred titles and right-aligned 署名/日期.
 */
import type { PdfLine } from './lines.js';

export type Align = 'left' | 'center' | 'right';

export interface Layout {
  /** Left text edge (the x most continuation lines start at). */
  left: number;
  /** Right text edge (where justified lines end). */
  right: number;
  /** Font size carrying the most characters. */
  bodySize: number;
  /** Baseline distance between consecutive body lines. */
  pitch: number;
}

export interface Paragraph {
  lines: PdfLine[];
  text: string;
  size: number;
  align: Align;
  /** First-line indent in em (characters) from the left edge. */
  indent: number;
}

function mode(values: number[], bin: number): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const k = Math.round(v / bin) * bin;
    const c = (counts.get(k) ?? 0) + 1;
    counts.set(k, c);
    if (c > bestCount || (c === bestCount && best !== undefined && k < best)) {
      best = k;
      bestCount = c;
    }
  }
  return best;
}

/** Measure the text block of the document from its body lines. */
export function measureLayout(lines: readonly PdfLine[]): Layout {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  let bodySize = 12;
  let most = -1;
  for (const [s, n] of chars) {
    if (n > most) {
      most = n;
      bodySize = s;
    }
  }
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const left = mode(body.map((l) => l.x0), 1) ?? 0;
  // Justified lines all end at the right edge; take the 90th percentile so a few
  // overhanging punctuation marks do not stretch it and short lines do not shrink it.
  const ends = body.map((l) => l.x1).sort((a, b) => b - a);
  const right = ends.length ? ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.1))] : left + 1;
  const steps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1];
    const b = body[i];
    if (a.page === b.page && a.y > b.y) steps.push(a.y - b.y);
  }
  const pitch = mode(steps, 0.5) ?? bodySize * 1.5;
  return { left, right, bodySize, pitch };
}

interface Placed {
  line: PdfLine;
  /** Indent from the left edge, in em. */
  indent: number;
  /** Distance short of the right edge, in em. */
  shortBy: number;
  align: Align;
}

function place(line: PdfLine, layout: Layout): Placed {
  const em = line.size || layout.bodySize;
  const indent = (line.x0 - layout.left) / em;
  const shortBy = (layout.right - line.x1) / em;
  let align: Align = 'left';
  // Centred: clear of both edges by the same amount (titles, 发文机关标志, 文号).
  // (A wide 发文机关标志 can be centred yet nearly full width, so the edge clearance is in points, not em.)
  const fromLeft = line.x0 - layout.left;
  const fromRight = layout.right - line.x1;
  if (fromLeft > 2 && fromRight > 2 && Math.abs(fromLeft - fromRight) < Math.max(0.75 * em, 6)) {
    align = 'center';
  } else if (indent > 4) {
    // Starts far right but is not centred: 署名, 成文日期 (right-aligned, often with a right indent).
    align = 'right';
  }
  return { line, indent, shortBy, align };
}

/** Does `cur` continue the paragraph whose last line is `prev`? */
function continues(prev: Placed, cur: Placed, first: Placed, layout: Layout): boolean {
  const p = prev.line;
  const c = cur.line;
  if (Math.abs(p.size - c.size) > 0.5) return false; // title vs body, body vs 版记
  if (prev.align !== 'left' || cur.align !== 'left') {
    // A title wrapped over several centred lines is one paragraph; 署名 and 日期 are not.
    return prev.align === 'center' && cur.align === 'center' && p.page === c.page && p.y - c.y <= 2 * c.size;
  }
  if (cur.indent >= 1.5 || cur.indent <= -0.5) return false; // first-line indent (or outdent): a new paragraph
  if (prev.shortBy > 1.5) return false; // previous line stopped short: it was a paragraph's last line
  if (prev !== first && Math.abs(p.x0 - c.x0) > 0.5 * c.size) return false; // continuation lines share one left edge
  if (p.page === c.page) {
    const pitch = Math.abs(c.size - layout.bodySize) < 0.5 ? layout.pitch : 1.8 * c.size;
    if (p.y - c.y > 1.5 * pitch || p.y <= c.y) return false; // blank space (or a jump upwards: a new column/region)
    return true;
  }
  // Across a page break: only to the very next page (the caller passes furniture-free lines in order).
  return c.page === p.page + 1;
}

/** Join a paragraph's lines: CJK needs no separator; keep one space between two Latin words. */
export function joinLines(lines: readonly PdfLine[]): string {
  let text = '';
  for (const l of lines) {
    if (text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(l.text)) text += ' ';
    text += l.text;
  }
  return text;
}

/** Group furniture-free lines (in reading order, all pages) into paragraphs. */
export function buildParagraphs(lines: readonly PdfLine[], layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  let group: Placed[] = [];
  const flush = () => {
    if (!group.length) return;
    const first = group[0];
    const ls = group.map((g) => g.line);
    out.push({ lines: ls, text: joinLines(ls), size: first.line.size, align: first.align, indent: Math.round(first.indent * 2) / 2 });
    group = [];
  };
  for (const line of lines) {
    const cur = place(line, layout);
    if (group.length && !continues(group[group.length - 1], cur, group[0], layout)) flush();
    group.push(cur);
  }
  flush();
  return out;
}
