/**
 * Does a page have a text layer worth reading? Phone scanner apps (CamScanner
 * and the like) put their watermark ("扫描全能王 创建") into the text layer of
 * an otherwise image-only page; such a page has no text layer for us. A page
 * counts as having none when every bit of its text is watermark-like: a known
 * scanner app's mark, or text repeated on every page that covers almost none
 * of the page (or sits on a page-sized image, or runs diagonally).
 */
import { buildLines, type PdfLine, type PdfTextItem } from './lines.js';
import type { Box } from './geometry.js';

export interface PageText {
  page: number;
  width: number;
  height: number;
  /** Upright text items (running left to right). */
  items: PdfTextItem[];
  /** Items at an angle (diagonal or vertical): never body text. */
  skewed: PdfTextItem[];
  /** Image boxes (upright frame); only read for sparse pages. */
  images: Box[];
}

/** Scanner apps' marks (Chinese and English), as squashed text. */
const SCANNER_APP = /扫描全能王|全能扫描王|CamScanner|扫描王|夸克扫描|百度网盘扫描|WPS扫描|布丁扫描|福昕扫描|白描|AdobeScan|MicrosoftLens|OfficeLens|GeniusScan|TinyScanner|ScannedwithCamScanner|ScannedbyCamScanner|vFlat|Scannable/i;
/** Pages with at least this many characters are text pages without further checks. */
const SPARSE = 400;

const key = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/\d+/g, '#');

export interface TextLayer {
  /** Per page (in order): true when the page has no text layer worth reading. */
  noText: boolean[];
  /** The watermark texts found (squashed, digits masked). */
  watermark: Set<string>;
  /** Is this line (of any page) a watermark? */
  watermarkLine(line: Pick<PdfLine, 'text'>): boolean;
}

export function isScannerMark(text: string): boolean {
  const k = key(text);
  return k.length > 0 && k.length <= 40 && SCANNER_APP.test(k);
}

export function classifyTextLayer(pages: readonly PageText[]): TextLayer {
  const perPage = pages.map((p) => {
    const chars = p.items.reduce((n, it) => n + it.str.trim().length, 0) + p.skewed.reduce((n, it) => n + it.str.trim().length, 0);
    const sparse = chars < SPARSE;
    const lines = sparse ? buildLines(p.items, p.page) : [];
    const keys = new Set([...lines.map((l) => key(l.text)), ...p.skewed.map((it) => key(it.str)).filter(Boolean)]);
    return { p, sparse, lines, keys };
  });
  // Text repeated on every page (two or more pages).
  const every = new Set<string>();
  if (pages.length >= 2 && perPage.every((x) => x.sparse)) {
    for (const k of perPage[0].keys) if (perPage.every((x) => x.keys.has(k))) every.add(k);
  }
  const watermark = new Set<string>();
  const noText = perPage.map(({ p, sparse, lines }) => {
    if (!sparse) return false;
    const area = p.width * p.height || 1;
    const imageArea = p.images.reduce((s, b) => s + Math.max(0, Math.min(b.x1, p.width) - Math.max(b.x0, 0)) * Math.max(0, Math.min(b.y1, p.height) - Math.max(b.y0, 0)), 0);
    const scanned = imageArea >= 0.5 * area;
    const coverage = lines.reduce((s, l) => s + (l.x1 - l.x0) * l.size, 0) / area;
    const marks: string[] = [];
    for (const l of lines) {
      const k = key(l.text);
      if (isScannerMark(l.text) || (every.has(k) && (scanned || coverage < 0.01))) marks.push(k);
      else return false;
    }
    for (const it of p.skewed) {
      const k = key(it.str);
      if (!k) continue;
      if (isScannerMark(it.str) || every.has(k) || scanned) marks.push(k);
      else return false;
    }
    for (const m of marks) watermark.add(m);
    return true;
  });
  return { noText, watermark, watermarkLine: (line) => watermark.has(key(line.text)) };
}
