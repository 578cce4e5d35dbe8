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

async function readPages(doc: PDFDocumentProxy, timeoutMs: number): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await withTimeout(doc.getPage(p), timeoutMs, `reading page ${p}`);
    const content = await withTimeout(page.getTextContent(), timeoutMs, `reading the text of page ${p}`);
    const [, y0, , y1] = page.view;
    pages.push({ page: p, height: Math.abs(y1 - y0) || 842, bottom: Math.min(y0, y1), lines: buildLines(content.items as PdfTextItem[], p) });
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
    if (pages.every((p) => p.lines.length === 0)) {
      throw new GongwenError(
        ErrorCode.PDF_NO_TEXT_LAYER,
        'The PDF has no text layer (it is probably a scan). Run OCR on it first (e.g. ocrmypdf) and parse the result.',
        { details: { pages: pages.length } },
      );
    }
    return assemble(pages);
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
