/**
 * Page furniture: page numbers and running headers/footers. They sit in the
 * top/bottom band of a page and must not end up inside body paragraphs
 * (a `— 3 —` between two halves of a sentence would break the grammar).
 */
import type { PdfLine } from './lines.js';

export type FurnitureRole = 'page-number' | 'running-header' | 'running-footer';

export interface PageLines {
  page: number;
  /** Page box height in points (for the top/bottom bands). */
  height: number;
  /** Bottom of the page box (usually 0). */
  bottom: number;
  lines: PdfLine[];
}

/** Outer share of the page height where furniture may sit. */
const BAND = 0.15;
/** How many lines from the top and the bottom of a page are candidates. */
const EDGE_LINES = 2;

const PAGE_NUMBER_PATTERNS: RegExp[] = [
  /^[-‐‑‒–—―－~～·]*\d{1,4}[-‐‑‒–—―－~～·]*$/, // 3, -3-, — 3 —
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/, // 第3页, 第 3 页 共 9 页
  /^\d{1,4}[/／]\d{1,4}$/, // 3/9
  /^(?:page)?\d{1,4}(?:of\d{1,4})?$/i, // Page 3 of 9
  /^[-‐‑‒–—―－]*[一二三四五六七八九十百]{1,4}[-‐‑‒–—―－]*$/, // — 三 — (rare, but seen)
];

export function isPageNumberText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 16 && PAGE_NUMBER_PATTERNS.some((re) => re.test(t));
}

function inBand(line: PdfLine, page: PageLines): 'top' | 'bottom' | undefined {
  const rel = (line.y - page.bottom) / page.height;
  if (rel <= BAND) return 'bottom';
  if (rel >= 1 - BAND) return 'top';
  return undefined;
}

/**
 * Returns role by line, for the lines that are furniture. Lines are identified
 * by object identity; `pages[i].lines` must be sorted top to bottom.
 */
export function detectFurniture(pages: readonly PageLines[]): Map<PdfLine, FurnitureRole> {
  const roles = new Map<PdfLine, FurnitureRole>();

  // Running headers/footers: same text (digits masked) at the same height on ≥3 pages.
  const repeats = new Map<string, { pages: Set<number>; lines: PdfLine[]; where: 'top' | 'bottom' }>();
  for (const page of pages) {
    const n = page.lines.length;
    const edge = new Set([...page.lines.slice(0, EDGE_LINES), ...page.lines.slice(Math.max(0, n - EDGE_LINES))]);
    for (const line of edge) {
      const where = inBand(line, page);
      if (!where) continue;
      const key = `${where}|${Math.round(line.y / 3)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
      let entry = repeats.get(key);
      if (!entry) repeats.set(key, (entry = { pages: new Set(), lines: [], where }));
      entry.pages.add(page.page);
      entry.lines.push(line);
    }
  }
  if (pages.length >= 3) {
    for (const entry of repeats.values()) {
      if (entry.pages.size < 3) continue;
      for (const line of entry.lines) {
        roles.set(line, isPageNumberText(line.text) ? 'page-number' : entry.where === 'top' ? 'running-header' : 'running-footer');
      }
    }
  }

  // Page numbers: alone on the outermost line of a page, even when they do not repeat
  // (a 1-page document, or odd/even pages putting them at different x).
  for (const page of pages) {
    const n = page.lines.length;
    const candidates = [page.lines[0], page.lines[n - 1]];
    // A running header may sit above the page number (or the number above a footer): look one further in.
    if (n > 1 && roles.has(page.lines[0])) candidates.push(page.lines[1]);
    if (n > 1 && roles.has(page.lines[n - 1])) candidates.push(page.lines[n - 2]);
    for (const line of candidates) {
      if (!line || roles.has(line)) continue;
      if (inBand(line, page) && isPageNumberText(line.text)) roles.set(line, 'page-number');
    }
  }
  return roles;
}
