/**
 * The format-neutral unit every extractor yields: one visual line or paragraph
 * of text with where it came from. Everything after `extract` sees only these.
 */
import type { SourceFormat } from './registry.js';

/** Where a block's text is in the source: offsets into the decoded (or synthesised) text, its line and, for paged formats, its page. */
export interface SourceSpan {
  /** Offset (UTF-16 code units) into the decoded source text where this starts. */
  start: number;
  /** Offset one past the end, into the decoded source text. */
  end: number;
  /** 1-based line of `start` in the decoded source text. */
  line: number;
  /** 1-based page, for paged formats (PDF). */
  page?: number;
}

/** What kind of block an extractor produced. */
export type BlockKind =
  | 'paragraph' // ordinary text (a line of a text file, a Markdown paragraph line, an HTML <p>)
  | 'heading' // the source said "heading" (Markdown #, HTML <h1>, a Word Heading style); levels are NOT trusted
  | 'rule' // a horizontal rule (Markdown ---, HTML <hr>, 版记 rules in PDF)
  | 'table-row' // one row of a task table; `cells` holds the expanded cells
  | 'furniture'; // page numbers, running headers: kept for provenance, never parsed as content

/** One block of text from an extractor (a paragraph, heading, table row…) with its source span; every format yields these. */
export interface TextBlock {
  kind: BlockKind;
  /** The text of the block, as written (no normalisation yet). */
  text: string;
  span: SourceSpan;
  /**
   * Offsets into the decoded source for each char of `text`, when `text` is not
   * a verbatim slice of the source at span.start (e.g. Markdown with escapes,
   * HTML entities). Absent means text[i] is at span.start + i.
   */
  offsets?: Int32Array;
  /** True when a blank line (or page break, or paragraph end) separates this block from the previous. */
  gapBefore?: boolean;
  /** The source's own list numbering, when it was generated (Word auto-numbering) rather than typed. */
  listMarker?: string;
  /** Style hints from the source, when known (font, size, bold, alignment, style name). */
  style?: { name?: string; fontSize?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; indent?: number; color?: string };
  /** Table rows: one entry per column after row/col spans were expanded. */
  cells?: string[];
  /** For a table-row: the table's header cells, so fields can be mapped by name. */
  header?: string[];
  /** Which source element produced it (e.g. 'nav', 'footer' for HTML noise candidates). */
  role?: string;
  /** 'ocr' when the text was recognised from a page image, not read from a text layer. */
  source?: 'ocr';
  /** OCR confidence (0–100) of the block's weakest line, with `source: 'ocr'`. */
  confidence?: number;
}

/** What the `read` step hands to an extractor. */
export interface DecodedSource {
  format: SourceFormat;
  text: string;
  encoding?: string;
  name?: string;
}

/** The input formats gongwen reads: one per entry of the format registry (extract/registry.ts). */
export type { SourceFormat } from './registry.js';
