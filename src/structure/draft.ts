/** The tree as structure builds it: lines in their places, no fields read yet. */
import type { Line } from './segment.js';

export interface SectionDraft {
  head: Line;
  /** Continuation paragraphs of the item (before its first child). */
  paras: Line[];
  /** Table rows that belong to this item (task ledgers under a heading). */
  children: SectionDraft[];
}

export interface DocDraft {
  lines: Line[];
  /** Label：value lines of a web page's metadata box (索引号, 发文机关, 文号, 成文日期). */
  meta: Line[];
  issuerMark?: Line;
  docNumber?: Line;
  notice?: {
    /** Absent when the dump lost the notice's title line (it may survive in the page's 标题 field). */
    title?: Line;
    recipients?: Line;
    body: Line[];
    signature?: Line;
    date?: Line;
  };
  title?: Line;
  recipients?: Line;
  preamble: Line[];
  sections: SectionDraft[];
  /** Unnumbered text after a closing signature, or other text with no section to join. */
  closing: Line[];
  signature?: Line;
  date?: Line;
  copyTo: Line[];
  publicity: Line[];
  statements: Line[];
  printed?: Line;
  printedBy?: Line;
}
