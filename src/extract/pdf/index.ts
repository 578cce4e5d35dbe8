/**
 * PDF adapter: bytes → the same TextBlock stream every other format yields.
 * A PDF has no source text, so we synthesise one (paragraphs separated by a
 * blank line) and make every span an offset into it.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ErrorCode, GongwenError } from '../../errors.js';
import type { TextBlock } from '../block.js';
import { detectFurniture, type FurnitureRole, type PageLines } from './furniture.js';
import { buildLines, type PdfLine, type PdfTextItem } from './lines.js';
import { DEFAULT_TIMEOUT_MS, mapPdfError, openPdf, withTimeout } from './load.js';
import { buildParagraphs, measureLayout, type Paragraph } from './paragraphs.js';
import { pageFrame, pageGraphics, uprightItems, type Box, type Ops } from './geometry.js';
import { ruledTables, stitchTables, unruledTables, type PageTable, type PdfTable, type PdfTableRow } from './tables.js';
import { classifyTextLayer, type PageText } from './textlayer.js';

export interface ExtractPdfOptions {
  /** Refuse (TOO_LARGE) documents with more pages than this. Default 2000. */
  maxPages?: number;
  /** Ceiling for opening the file and for each page's text, in ms. Default 30 000. */
  timeoutMs?: number;
}

export interface PdfExtraction {
  /** Synthesised source: block texts in reading order, separated by blank lines. */
  text: string;
  blocks: TextBlock[];
  /** Page numbers and running headers/footers, with spans into `text`. */
  furniture: TextBlock[];
  pages: number;
}

const DEFAULT_MAX_PAGES = 2000;

/** One page as read: its lines (tables' text taken out), the table parts found on it, and what the text-layer check needs. */
interface ReadPage extends PageLines {
  tables: PageTable[];
  text: PageText;
}

/** Text that may belong to a task table: only then is the (costlier) operator list read for ruling lines. */
const TABLE_HINT = /序\s*号|牵\s*头|责\s*任\s*单\s*位|责\s*任\s*部\s*门|完\s*成\s*时\s*限|时\s*间\s*节\s*点|工\s*作\s*任\s*务/;

async function readPages(doc: PDFDocumentProxy, timeoutMs: number): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  const { OPS } = await loadPdfJs();
  let tableBefore = false;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await withTimeout(doc.getPage(p), timeoutMs, `reading page ${p}`);
    const content = await withTimeout(page.getTextContent(), timeoutMs, `reading the text of page ${p}`);
    // Work in the page as displayed (/Rotate applied, y up), so landscape and rotated pages read in order.
    const viewport = page.getViewport({ scale: 1 });
    const frame = pageFrame(viewport.transform, viewport.width, viewport.height);
    const { upright, skewed } = uprightItems(content.items as PdfTextItem[], frame);
    const chars = upright.reduce((n, it) => n + it.str.trim().length, 0);
    const hinted = tableBefore || TABLE_HINT.test(upright.map((it) => it.str).join(''));
    // Few characters: maybe a scan with a watermark; the image boxes tell.
    const sparse = chars + skewed.length < 200;
    let segments: ReturnType<typeof pageGraphics>['segments'] = [];
    let images: Box[] = [];
    if (hinted || sparse) {
      const list = await withTimeout(page.getOperatorList(), timeoutMs, `reading the graphics of page ${p}`);
      ({ segments, images } = pageGraphics(list.fnArray, list.argsArray, OPS as unknown as Ops, frame));
    }
    let items = upright;
    let tables: PageTable[] = [];
    if (hinted) {
      const ruled = ruledTables(items, segments, p);
      const unruled = unruledTables(buildLines(ruled.rest, p), ruled.rest, p);
      tables = [...ruled.tables, ...unruled.tables];
      items = unruled.rest;
    }
    tableBefore = tables.length > 0;
    pages.push({
      page: p,
      height: frame.height,
      bottom: 0,
      lines: buildLines(items, p),
      tables,
      text: { page: p, width: frame.width, height: frame.height, items: upright, skewed, images },
    });
    page.cleanup();
  }
  return pages;
}

interface Piece {
  text: string;
  page: number;
  make: (span: TextBlock['span'], first: boolean) => TextBlock;
}

function paragraphBlock(par: Paragraph): Piece {
  return {
    text: par.text,
    page: par.lines[0].page,
    make: (span, first) => ({
      kind: 'paragraph',
      text: par.text,
      span,
      ...(first ? {} : { gapBefore: true }),
      style: { fontSize: par.size, align: par.align, indent: par.indent },
    }),
  };
}

function furnitureBlock(line: PdfLine, role: FurnitureRole): Piece {
  return { text: line.text, page: line.page, make: (span) => ({ kind: 'furniture', text: line.text, span, role, gapBefore: true }) };
}

export async function extractPdf(bytes: Uint8Array, options: ExtractPdfOptions = {}): Promise<PdfExtraction> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const doc = await openPdf(bytes, timeoutMs);
  try {
    if (doc.numPages > maxPages) {
      throw new GongwenError(ErrorCode.TOO_LARGE, `The PDF has ${doc.numPages} pages, more than maxPages (${maxPages}). Raise maxPages or split the file.`, {
        details: { pages: doc.numPages, maxPages },
      });
    }
    const pages = await readPages(doc, timeoutMs);
    // A page whose only text is a scanner app's watermark (or nothing) has no text layer.
    const layer = classifyTextLayer(pages.map((p) => p.text));
    if (layer.noText.every(Boolean)) {
      throw new GongwenError(
        ErrorCode.PDF_NO_TEXT_LAYER,
        'The PDF has no text layer (it is probably a scan' +
          (layer.watermark.size ? ', its only text a scanner app’s watermark' : '') +
          '). Parse it with the `ocr` option (CLI: --ocr) to read it through OCR.',
        { details: { pages: pages.length, watermark: [...new Set([...layer.watermark].map((it) => it.str))].slice(0, 5) } },
      );
    }
    const { tables, rejected } = stitchTables(pages.flatMap((p) => p.tables));
    for (const part of rejected) restoreText(pages, part);
    for (const page of pages) {
      if (layer.watermark.size) page.lines = page.lines.filter((l) => !layer.watermarkLine(l));
    }
    return assemble(pages, tables);
  } catch (err) {
    throw mapPdfError(err);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Layout analysis and text synthesis; pure, so it can be tested without pdfjs. */
export function assemble(pages: readonly PageLines[]): PdfExtraction {
  const roles = detectFurniture(pages);
  const body: PdfLine[] = [];
  for (const page of pages) for (const line of page.lines) if (!roles.has(line)) body.push(line);
  const paragraphs = buildParagraphs(body, measureLayout(body));

  // Reading order for the synthesised text: per page, top furniture, paragraphs starting
  // on it, bottom furniture. A paragraph crossing a page break stays contiguous, so the
  // page number of the page it started on comes after it.
  const pieces: Piece[] = [];
  const byPage = new Map<number, { top: Piece[]; bottom: Piece[]; body: Piece[] }>();
  for (const page of pages) byPage.set(page.page, { top: [], bottom: [], body: [] });
  for (const page of pages) {
    const mid = page.bottom + page.height / 2;
    for (const line of page.lines) {
      const role = roles.get(line);
      if (role) byPage.get(page.page)![line.y > mid ? 'top' : 'bottom'].push(furnitureBlock(line, role));
    }
  }
  for (const par of paragraphs) byPage.get(par.lines[0].page)!.body.push(paragraphBlock(par));
  for (const page of pages) {
    const slot = byPage.get(page.page)!;
    pieces.push(...slot.top, ...slot.body, ...slot.bottom);
  }

  let text = '';
  let line = 1;
  const blocks: TextBlock[] = [];
  const furniture: TextBlock[] = [];
  for (const piece of pieces) {
    if (text) {
      text += '\n\n';
      line += 2;
    }
    const start = text.length;
    text += piece.text;
    const block = piece.make({ start, end: text.length, line, page: piece.page }, blocks.length === 0);
    (block.kind === 'furniture' ? furniture : blocks).push(block);
  }
  return { text, blocks, furniture, pages: pages.length };
}
