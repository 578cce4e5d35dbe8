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
import { DEFAULT_TIMEOUT_MS, loadPdfJs, mapPdfError, openPdf, withTimeout } from './load.js';
import { buildParagraphs, measureLayout, type Paragraph } from './paragraphs.js';
import { pageFrame, pageGraphics, uprightItems, type Box, type Ops } from './geometry.js';
import { hasHeaderLine, isTaskTablePart, ruledTables, stitchTables, unruledTables, type PageTable, type PdfTable, type PdfTableRow } from './tables.js';
import { classifyTextLayer, isScannerMark, type PageText } from './textlayer.js';
import { resolveOcrOptions, type OcrOption } from '../ocr/types.js';
import type { Diagnostic } from '../../schema/diagnostic.js';

export interface ExtractPdfOptions {
  /** Refuse (TOO_LARGE) documents with more pages than this. Default 2000. */
  maxPages?: number;
  /** Ceiling for opening the file and for each page's text, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Read pages without a text layer (scans, outlined glyphs, watermark-only) through OCR. */
  ocr?: OcrOption;
}

/** What OCR did, when it ran. */
export interface PdfOcrReport {
  engine: string;
  /** Pages read by OCR. */
  pages: number[];
  /** Mean word confidence per OCR'd page (0–100), in `pages` order. */
  confidence: number[];
  /** Wall time of rendering and recognition, per page (ms). */
  ms: number[];
}

export interface PdfExtraction {
  /** Synthesised source: block texts in reading order, separated by blank lines. */
  text: string;
  blocks: TextBlock[];
  /** Page numbers and running headers/footers, with spans into `text`. */
  furniture: TextBlock[];
  pages: number;
  /** OCR repairs, low-confidence pages, pages left without text. */
  diagnostics?: Diagnostic[];
  ocr?: PdfOcrReport;
}

const DEFAULT_MAX_PAGES = 2000;

/** One page as read: its lines (tables' text taken out), the table parts found on it, and what the text-layer check needs. */
interface ReadPage extends PageLines {
  tables: PageTable[];
  text: PageText;
}

async function readPages(doc: PDFDocumentProxy, timeoutMs: number): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  const { OPS } = await loadPdfJs();
  let previous: PageTable[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await withTimeout(doc.getPage(p), timeoutMs, `reading page ${p}`);
    const content = await withTimeout(page.getTextContent(), timeoutMs, `reading the text of page ${p}`);
    // Work in the page as displayed (/Rotate applied, y up), so landscape and rotated pages read in order.
    const viewport = page.getViewport({ scale: 1 });
    const frame = pageFrame(viewport.transform, viewport.width, viewport.height);
    const { upright, skewed } = uprightItems(content.items as PdfTextItem[], frame);
    const chars = upright.reduce((n, it) => n + it.str.trim().length, 0);
    // Ruling lines are read (a costlier call) only where a table header or a table from the previous page suggests a table.
    const allLines = buildLines(upright, p);
    const hinted = previous.length > 0 || hasHeaderLine(allLines);
    // Few characters: maybe a scan with a watermark; the image boxes tell. A page without any text
    // needs no graphics to be classified, and pdfjs's operator list can hang in-process on a broken
    // image (fuzz: /BitsPerComponent 1e+300), where no timeout can interrupt it: do not ask for it.
    const sparse = chars + skewed.length > 0 && chars + skewed.length < 400;
    let segments: ReturnType<typeof pageGraphics>['segments'] = [];
    let images: Box[] = [];
    if (hinted || sparse) {
      const list = await withTimeout(page.getOperatorList(), timeoutMs, `reading the graphics of page ${p}`);
      ({ segments, images } = pageGraphics(list.fnArray, list.argsArray, OPS as unknown as Ops, frame));
    }
    let items = upright;
    let tables: PageTable[] = [];
    if (hinted) {
      const before = previous;
      const ruled = ruledTables(items, segments, p, (t) => isTaskTablePart(t, before));
      const unruled = unruledTables(ruled.rest === upright ? allLines : buildLines(ruled.rest, p), ruled.rest, p);
      tables = [...ruled.tables, ...unruled.tables];
      items = unruled.rest;
    }
    previous = tables;
    pages.push({
      page: p,
      height: frame.height,
      bottom: 0,
      lines: items === upright ? allLines : buildLines(items, p),
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

/** Where a line came from, when it is not the text layer: OCR, with its confidence. */
export type LineSource = (line: PdfLine) => { source: 'ocr'; confidence: number } | undefined;

function paragraphBlock(par: Paragraph, sourceOf?: LineSource): Piece {
  // An OCR'd paragraph: the weakest line's confidence is the paragraph's.
  let ocr: { source: 'ocr'; confidence: number } | undefined;
  for (const l of par.lines) {
    const s = sourceOf?.(l);
    if (s && (!ocr || s.confidence < ocr.confidence)) ocr = s;
  }
  return {
    text: par.text,
    page: par.lines[0].page,
    make: (span, first) => ({
      kind: 'paragraph',
      text: par.text,
      span,
      ...(first ? {} : { gapBefore: true }),
      style: { fontSize: par.size, align: par.align, indent: par.indent },
      ...(ocr ? { source: ocr.source, confidence: ocr.confidence } : {}),
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
    const ocr = resolveOcrOptions(options.ocr);
    const blank = pages.filter((_, i) => layer.noText[i]);
    if (!ocr && blank.length === pages.length) {
      throw new GongwenError(
        ErrorCode.PDF_NO_TEXT_LAYER,
        'The PDF has no text layer (it is probably a scan' +
          (layer.watermark.size ? ', its only text a scanner app’s watermark' : '') +
          '). Parse it with the `ocr` option (CLI: --ocr) to read it through OCR.',
        { details: { pages: pages.length, ...(layer.watermark.size ? { watermark: [...layer.watermark].slice(0, 5) } : {}) } },
      );
    }
    const tables = stitchTables(pages.flatMap((p) => p.tables));
    for (const page of pages) {
      if (layer.watermark.size) page.lines = page.lines.filter((l) => !layer.watermarkLine(l));
    }
    const diagnostics: Diagnostic[] = [];
    let report: PdfOcrReport | undefined;
    const ocrLines = new Map<string, number>();
    const repairs: { page: number; text: string; from: string; to: string; at: number }[] = [];
    if (ocr && blank.length) {
      const { engineOf, ocrPage } = await import('../ocr/index.js');
      const { repairMarkerSequence, repairOcrLine } = await import('../ocr/repair.js');
      const engine = engineOf(ocr);
      report = { engine: engine.name, pages: [], confidence: [], ms: [] };
      for (const page of blank) {
        const proxy = await withTimeout(doc.getPage(page.page), timeoutMs, `reading page ${page.page}`);
        const read = await ocrPage(doc, proxy, ocr, engine);
        proxy.cleanup();
        const lines = buildLines(read.items, page.page).filter((l) => !isScannerMark(l.text) && !layer.watermarkLine(l));
        const geometric = new Map(read.lines.map((l) => [l.y, l.repairs]));
        for (const l of lines) {
          const fixed = repairOcrLine(l.text);
          l.text = fixed.text;
          for (const r of [...(geometric.get(l.y) ?? []), ...fixed.repairs]) repairs.push({ page: page.page, text: fixed.text, from: r.from, to: r.to, at: r.at });
        }
        for (const l of read.lines) ocrLines.set(`${page.page}:${l.y}`, l.confidence);
        page.lines = lines;
        // The page's confidence: over the lines kept (a scanner's mark read from the image does not count).
        const kept = new Set(lines.map((l) => l.y));
        const counted = read.lines.filter((l) => kept.has(l.y));
        const chars = counted.reduce((n, l) => n + l.chars, 0);
        const mean = chars ? counted.reduce((n, l) => n + l.confidence * l.chars, 0) / chars : 0;
        report.pages.push(page.page);
        report.confidence.push(Math.round(mean * 10) / 10);
        report.ms.push(read.ms);
      }
      // （N） markers from their neighbours, over all OCR'd lines in reading order.
      const ordered = blank.flatMap((p) => p.lines.map((line) => ({ line, page: p.page })));
      for (const [i, fix] of repairMarkerSequence(ordered.map((o) => o.line.text))) {
        ordered[i].line.text = fix.text;
        repairs.push({ page: ordered[i].page, text: fix.text, from: fix.from, to: fix.to, at: 0 });
      }
    } else if (blank.length) {
      diagnostics.push({
        code: 'PDF_PAGES_WITHOUT_TEXT',
        severity: 'warning',
        message: `Page${blank.length > 1 ? 's' : ''} ${blank.map((p) => p.page).join(', ')} ha${blank.length > 1 ? 've' : 's'} no text layer (scanned?) and ${blank.length > 1 ? 'were' : 'was'} skipped; parse with the \`ocr\` option to read ${blank.length > 1 ? 'them' : 'it'}.`,
      });
    }
    if (ocr && blank.length && pages.every((p) => p.lines.length === 0) && tables.length === 0) {
      throw new GongwenError(ErrorCode.PDF_NO_TEXT_LAYER, 'OCR found no text on any page of this scanned PDF.', { details: { pages: pages.length, ocr: report } });
    }
    const result = assemble(pages, tables, (line) => {
      const confidence = ocrLines.get(`${line.page}:${line.y}`);
      return confidence === undefined ? undefined : { source: 'ocr', confidence: Math.round(confidence * 10) / 10 };
    });
    if (report) diagnostics.push(...ocrDiagnostics(result, report, repairs, ocr!.minConfidence));
    if (diagnostics.length) result.diagnostics = diagnostics;
    if (report) result.ocr = report;
    return result;
  } catch (err) {
    throw mapPdfError(err);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Layout analysis and text synthesis; pure, so it can be tested without pdfjs. `tables` are placed by their page and top. */
export function assemble(pages: readonly PageLines[], tables: readonly PdfTable[] = [], sourceOf?: LineSource): PdfExtraction {
  const roles = detectFurniture(pages);
  const body: PdfLine[] = [];
  for (const page of pages) for (const line of page.lines) if (!roles.has(line)) body.push(line);
  const layout = measureLayout(body);

  // Body flow: runs of lines cut at each table (a paragraph never runs through a table).
  const flow: Piece[] = [];
  let run: PdfLine[] = [];
  const flushRun = () => {
    for (const par of buildParagraphs(run, layout)) flow.push(paragraphBlock(par, sourceOf));
    run = [];
  };
  const queue = [...tables].sort((a, b) => a.page - b.page || b.top - a.top);
  for (const line of body) {
    while (queue.length && (queue[0].page < line.page || (queue[0].page === line.page && queue[0].top > line.y))) {
      flushRun();
      flow.push(...tablePieces(queue.shift()!));
    }
    run.push(line);
  }
  flushRun();
  for (const table of queue) flow.push(...tablePieces(table));

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
  for (const piece of flow) byPage.get(piece.page)?.body.push(piece);
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
    for (let i = piece.text.indexOf('\n'); i >= 0; i = piece.text.indexOf('\n', i + 1)) line++;
  }
  return { text, blocks, furniture, pages: pages.length };
}

/** A table's rows as blocks, as the HTML adapter emits them: captions and section rows as paragraphs, the rest as table-row blocks. */
function tablePieces(table: PdfTable): Piece[] {
  return table.rows.filter((row) => row.cells.some(Boolean)).map((row: PdfTableRow, k): Piece => {
    if (row.role === 'table-caption' || row.role === 'table-section') {
      const text = [...new Set(row.cells.filter(Boolean))].join(' ');
      return { text, page: row.page, make: (span) => ({ kind: 'paragraph', text, span, gapBefore: true, role: row.role }) };
    }
    // Row text: the distinct cells left to right, tab-separated (a merged cell once).
    const distinct = row.cells.filter((c, i) => c && c !== row.cells[i - 1]);
    const text = distinct.join('\t');
    // Header rows (two of them under a two-level header) carry the header as their cells: never a task.
    const cells = row.role === 'table-header' ? [...table.header] : [...row.cells];
    return {
      text,
      page: row.page,
      make: (span, first) => ({
        kind: 'table-row',
        text,
        span,
        cells,
        header: [...table.header],
        ...(first && k === 0 ? {} : { gapBefore: true }),
        ...(row.role ? { role: row.role } : {}),
      }),
    };
  });
}

/** OCR_REPAIRED for each marker fixed, OCR_LOW_CONFIDENCE for each weak page, OCR_USED once. */
function ocrDiagnostics(result: PdfExtraction, report: PdfOcrReport, repairs: { page: number; text: string; from: string; to: string; at: number }[], minConfidence: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstOn = (page: number) => result.blocks.find((b) => b.span.page === page);
  const mean = report.confidence.length ? report.confidence.reduce((a, b) => a + b, 0) / report.confidence.length : 0;
  out.push({
    code: 'OCR_USED',
    severity: 'info',
    message: `${report.pages.length} page${report.pages.length > 1 ? 's' : ''} (${report.pages.join(', ')}) had no text layer and were read by OCR (${report.engine}); mean confidence ${mean.toFixed(1)}.`,
  });
  for (const r of repairs) {
    const block = result.blocks.find((b) => b.span.page === r.page && b.text.includes(r.text));
    const at = block ? block.span.start + block.text.indexOf(r.text) + r.at : undefined;
    out.push({
      code: 'OCR_REPAIRED',
      severity: 'info',
      message: `OCR read “${r.to}” as “${r.from}”; repaired.`,
      text: r.from,
      ...(at !== undefined ? { span: { start: at, end: at + r.to.length, line: result.text.slice(0, at).split('\n').length, page: r.page } } : {}),
    });
  }
  report.pages.forEach((page, i) => {
    if (report.confidence[i] >= minConfidence) return;
    const block = firstOn(page);
    out.push({
      code: 'OCR_LOW_CONFIDENCE',
      severity: 'warning',
      message: `OCR confidence on page ${page} is ${report.confidence[i]} (below ${minConfidence}): check its text against the scan.`,
      ...(block ? { span: { ...block.span } } : {}),
    });
  });
  return out;
}
