/**
 * OFD adapter: bytes → the same TextBlock stream every other format yields.
 * Text objects become PDF-style text items and go through the PDF adapter's
 * line builder, paragraph builder and furniture detection (one layout
 * module, two adapters), so page numbers, running headers, cross-page joins
 * and `span.page` behave the same. Template pages (headers, footers, page
 * numbers drawn on every page) are page chrome: set aside with role
 * `template`. Several DocBody → one part each, parsed as separate documents.
 */
import { ErrorCode, GongwenError } from '../../errors.js';
import type { TextBlock } from '../block.js';
import type { Extracted } from '../format.js';
import type { PageLines } from '../pdf/furniture.js';
import { assemble } from '../pdf/index.js';
import { buildLines, type PdfTextItem } from '../pdf/lines.js';
import { ZipArchive, zipLimits } from '../zip.js';
import { readPackage, readXml, type Box, type OfdDocumentRef } from './package.js';
import { pageBox, pageTemplateIds, pageTextObjects, textObjectItems } from './text.js';

export interface ExtractOfdOptions {
  /** Refuse (TOO_LARGE) packages whose declared uncompressed size exceeds this. Default 200 MB. */
  maxUncompressedBytes?: number;
  /** Refuse (TOO_LARGE) packages with more pages than this, over all documents. Default 2000. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 2000;
const PT = 72 / 25.4;

export async function extractOfd(bytes: Uint8Array, options: ExtractOfdOptions = {}): Promise<Extracted> {
  try {
    return extract(bytes, options);
  } catch (err) {
    if (err instanceof GongwenError) throw err;
    throw new GongwenError(ErrorCode.FILE_CORRUPT, `The OFD could not be read (${(err as Error)?.message ?? err}); it is damaged or truncated.`, { cause: err });
  }
}

interface DocumentPages {
  body: PageLines[];
  /** Template text per page: page chrome. */
  template: PageLines[];
}

function extract(bytes: Uint8Array, options: ExtractOfdOptions): Extracted {
  const zip = ZipArchive.open(bytes, zipLimits(options.maxUncompressedBytes, 'OFD'));
  const docs = readPackage(zip);
  const total = docs.reduce((n, d) => n + d.pages.length, 0);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (total > maxPages) {
    throw new GongwenError(ErrorCode.TOO_LARGE, `The OFD has ${total} pages, more than maxPages (${maxPages}). Raise maxPages or split the file.`, {
      details: { pages: total, maxPages },
    });
  }
  // Pages are numbered through the whole package, so span.page is unique even with several documents.
  let pageNo = 0;
  const perDoc = docs.map((doc) => readDocumentPages(zip, doc, () => ++pageNo));
  if (perDoc.every((d) => d.body.every((p) => p.lines.length === 0))) {
    // Pages drawn as images (a scanned paper file wrapped in OFD): there is no text to read.
    throw new GongwenError(
      ErrorCode.NOT_A_PLAN,
      `The OFD has ${pageNo} page(s) but no text on them (they are probably scanned images). gongwen does not run OCR on OFD; export it to PDF and parse that with OCR.`,
      { details: { pages: pageNo } },
    );
  }
  return synthesise(perDoc, pageNo);
}

function readDocumentPages(zip: ZipArchive, doc: OfdDocumentRef, nextPage: () => number): DocumentPages {
  const body: PageLines[] = [];
  const template: PageLines[] = [];
  const templateItems = new Map<string, (top: number) => PdfTextItem[]>();
  for (const path of doc.pages) {
    const page = readXml(zip, path, 'page content');
    const box: Box = pageBox(page.root) ?? doc.box;
    const top = box.y + box.h;
    const no = nextPage();
    const items: PdfTextItem[] = [];
    for (const obj of pageTextObjects(page.root)) items.push(...textObjectItems(obj, top));
    const chrome: PdfTextItem[] = [];
    for (const id of pageTemplateIds(page.root)) {
      let make = templateItems.get(id);
      if (!make) {
        const loc = doc.templates.get(id);
        if (!loc) continue; // a dangling template reference draws nothing
        const tpl = readXml(zip, loc, 'template page');
        const objects = pageTextObjects(tpl.root);
        make = (t) => objects.flatMap((o) => textObjectItems(o, t));
        templateItems.set(id, make);
      }
      chrome.push(...make(top));
    }
    const geometry = { page: no, height: box.h * PT, bottom: 0 };
    body.push({ ...geometry, lines: buildLines(items, no) });
    template.push({ ...geometry, lines: buildLines(chrome, no) });
  }
  return { body, template };
}

/** One synthesised text for the whole package; each document's blocks are a part of it. */
function synthesise(docs: DocumentPages[], pages: number): Extracted {
  let text = '';
  let line = 1;
  const parts: { blocks: TextBlock[]; noise: TextBlock[] }[] = [];
  const append = (blockText: string): { start: number; end: number; line: number } => {
    if (text) {
      text += '\n\n';
      line += 2;
    }
    const start = text.length;
    text += blockText;
    const span = { start, end: text.length, line };
    for (let i = blockText.indexOf('\n'); i >= 0; i = blockText.indexOf('\n', i + 1)) line++;
    return span;
  };
  for (const doc of docs) {
    const laid = doc.body.some((p) => p.lines.length) ? assemble(doc.body) : { text: '', blocks: [], furniture: [] };
    // Re-base the layout's own text into the package text: same order, spans shifted.
    const shifted = new Map<TextBlock, TextBlock>();
    const ordered = [...laid.blocks, ...laid.furniture].sort((a, b) => a.span.start - b.span.start);
    for (const b of ordered) shifted.set(b, { ...b, span: { ...b.span, ...append(laid.text.slice(b.span.start, b.span.end)) } });
    const blocks = laid.blocks.map((b) => shifted.get(b)!);
    const noise = laid.furniture.map((b) => shifted.get(b)!);
    for (const page of doc.template) {
      for (const l of page.lines) {
        noise.push({ kind: 'furniture', text: l.text, span: { ...append(l.text), page: page.page }, role: 'template', gapBefore: true });
      }
    }
    parts.push({ blocks, noise });
  }
  return { text, blocks: parts.flatMap((p) => p.blocks), noise: parts.flatMap((p) => p.noise), pages, parts };
}
