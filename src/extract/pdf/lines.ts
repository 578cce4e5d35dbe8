/**
 * pdfjs text items → visual lines. pdfjs gives roughly one item per line per
 * font run, with ASCII spaces as separate items; we regroup by baseline and
 * rebuild each line's text without the spaces LibreOffice/Word insert between
 * CJK and Latin/digits (`2023 年` → `2023年`), keeping spaces between two Latin words.
 */

/** The subset of pdfjs's TextItem we use (TextMarkedContent has no `str`). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName?: string;
}

/** One visual line of one page, in PDF user space (y grows upwards). */
export interface PdfLine {
  page: number;
  /** Baseline. */
  y: number;
  /** Left edge of the first visible glyph run. */
  x0: number;
  /** Right edge of the last visible glyph run. */
  x1: number;
  /** Font size in points (the size carrying most characters on the line). */
  size: number;
  text: string;
}

interface Glyphs {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/**
 * CJK ideographs, kana, CJK and full-width punctuation, and the punctuation
 * Chinese text shares with Western text (— … “ ” ‘ ’ ·). A space next to one
 * of these is typesetting, not content.
 */
const CJK_LIKE = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027\u2030-\u205e\u00b7\u3000-\u303f]|[\ud840-\ud87f][\udc00-\udfff]/;

export function isCjkLike(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_LIKE.test(ch);
}

/** Should a space survive between `left` and `right`? Only between two non-CJK characters. */
export function keepSpace(left: string | undefined, right: string | undefined): boolean {
  if (!left || !right) return false;
  return !isCjkLike(left) && !isCjkLike(right);
}

/** Collapse whitespace runs inside an item by the same rule as between items. */
function collapseInner(s: string): string {
  if (!/\s/.test(s)) return s;
  return s.replace(/\s+/g, (m, off: number, all: string) => (keepSpace(all[off - 1], all[off + m.length]) ? ' ' : ''));
}

function lastChar(s: string): string | undefined {
  if (s.length === 0) return undefined;
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length > 1 ? s.slice(-2) : s[s.length - 1];
}

/** Group one page's items into lines, top to bottom, each sorted left to right. */
export function buildLines(items: readonly PdfTextItem[], page: number): PdfLine[] {
  const glyphs: Glyphs[] = [];
  for (const it of items) {
    if (!it.str) continue; // the empty hasEOL markers carry no position we need
    const t = it.transform;
    const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || 1;
    glyphs.push({ str: it.str, x: t[4], y: t[5], w: it.width, size });
  }
  // Top to bottom, then left to right; a stable sort keeps content-stream order for ties.
  glyphs.sort((a, b) => b.y - a.y || a.x - b.x);

  const groups: Glyphs[][] = [];
  let current: Glyphs[] | undefined;
  let currentY = 0;
  let currentSize = 0;
  for (const g of glyphs) {
    // Same line when baselines agree within ~1/3 of the font size (sub/superscripts, mixed fonts).
    if (current && Math.abs(currentY - g.y) <= 0.35 * Math.max(currentSize, g.size)) {
      current.push(g);
      if (g.str.trim()) currentSize = Math.max(currentSize, g.size);
    } else {
      current = [g];
      groups.push(current);
      currentY = g.y;
      currentSize = g.size;
    }
  }

  const lines: PdfLine[] = [];
  for (const group of groups) {
    const line = joinLine(group, page);
    if (line) lines.push(line);
  }
  return lines;
}

function joinLine(group: Glyphs[], page: number): PdfLine | undefined {
  group.sort((a, b) => a.x - b.x);
  let text = '';
  let x0 = Infinity;
  let x1 = -Infinity;
  let inkEnd = -Infinity;
  let sawSpace = false;
  let prev: Glyphs | undefined;
  const sizeChars = new Map<number, number>();
  for (const g of group) {
    if (!g.str.trim()) {
      sawSpace = true;
      continue;
    }
    // Some producers fake bold by drawing a run twice, slightly offset: keep one copy.
    if (prev && prev.str === g.str && Math.abs(prev.x - g.x) < 0.2 * g.size) continue;
    const em = g.size;
    const gap = g.x - inkEnd;
    const str = collapseInner(g.str);
    if (text) {
      if (gap > 1.5 * em) {
        // A tab-like gap (版记: 印发机关 ⟶ 印发日期) separates fields: keep one space whatever the script.
        text += ' ';
      } else if ((sawSpace || gap > 0.25 * em) && keepSpace(lastChar(text), str[0])) {
        text += ' ';
      }
    }
    text += str;
    x0 = Math.min(x0, g.x);
    x1 = Math.max(x1, g.x + g.w);
    inkEnd = g.x + g.w;
    sawSpace = false;
    prev = g;
    const key = Math.round(g.size * 10) / 10;
    sizeChars.set(key, (sizeChars.get(key) ?? 0) + str.length);
  }
  text = text.trim();
  if (!text) return undefined;
  let size = 0;
  let best = -1;
  for (const [s, n] of sizeChars) {
    if (n > best) {
      best = n;
      size = s;
    }
  }
  // The baseline of the longest run: immune to a stray superscript or footnote mark.
  let y = group[0].y;
  let longest = -1;
  for (const g of group) {
    if (g.str.trim() && g.str.length > longest) {
      longest = g.str.length;
      y = g.y;
    }
  }
  return { page, y, x0, x1, size, text };
}
