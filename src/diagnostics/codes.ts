/**
 * The one registry of diagnostic codes: every code the library emits, with
 * its severity, what it means and what the user can do. Emitters take a
 * {@link DiagnosticCode} (so a new code must be added here first), the README
 * table is generated from it (`scripts/write-diagnostics-table.ts`), and
 * `test/package/diagnostics-registry.test.ts` fails on a code emitted in src/
 * but missing here, or listed here but emitted nowhere.
 */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/span.js';

/** How much a diagnostic matters: `error` (a result the user must not trust), `warning` (probably wrong or lost), `info` (repaired or assumed; usually fine). */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** One entry of {@link DIAGNOSTIC_CODES}. */
export interface DiagnosticCodeInfo {
  /** The severity the code is emitted with (an emitter may lower it for a case the meaning names). */
  readonly severity: DiagnosticSeverity;
  /** What happened, in one line. */
  readonly meaning: string;
  /** What the user can do about it. */
  readonly action: string;
}

/**
 * Every diagnostic code gongwen emits, with its severity, meaning and what to
 * do. Codes are stable: a result's `diagnostics[].code` is always one of these
 * keys. Grouped by the stage that emits them; the README table follows this order.
 */
export const DIAGNOSTIC_CODES = {
  // reading and extraction: the result's `diagnostics`
  CONTROL_CHARS_REMOVED: {
    severity: 'warning',
    meaning: 'Control characters (not text; they could drive a terminal or spreadsheet) were removed from the decoded input.',
    action: 'Nothing was lost from the text; check how the file was exported if there are many.',
  },
  OUTLINE_MARKERS_MISSING: {
    severity: 'warning',
    meaning: 'A .doc/.wps file uses Word automatic numbering, which it keeps outside its text: the outline was inferred from the markers that are typed.',
    action: 'Save the file as DOCX so the numbering is read.',
  },
  PDF_PAGES_WITHOUT_TEXT: {
    severity: 'warning',
    meaning: 'Some pages of a PDF have no text layer (scanned) and were skipped.',
    action: 'Parse with the `ocr` option (CLI `--ocr`) to read them.',
  },
  OCR_USED: {
    severity: 'info',
    meaning: 'Pages without a text layer were read by OCR; the message names the engine and the mean confidence.',
    action: 'Check OCR text against the scan where it matters.',
  },
  OCR_REPAIRED: {
    severity: 'info',
    meaning:
      'Something OCR commonly misreads where the grammars need it was repaired: a marker at a line start (`一，` for `一、`, a lost `、` after `二`, `（l）` for `（1）`, a `（N）` read as `(Cr)` or as its neighbour’s number, set from the sequence), the colon after a clause label (`牵头单位；`), the dash in `2023一2024`.',
    action: 'Nothing.',
  },
  OCR_LOW_CONFIDENCE: {
    severity: 'warning',
    meaning: 'OCR confidence on a page is below `ocr.minConfidence`.',
    action: 'Check that page’s text against the scan; a cleaner scan or the right `ocr.lang` helps.',
  },
  REFLOW_JOINED: {
    severity: 'info',
    meaning: 'A paragraph broken by a page break or blank line was joined back.',
    action: 'Nothing; check the span if the join looks wrong.',
  },
  DUPLICATE_DOCUMENT: {
    severity: 'warning',
    meaning: 'The same document appears twice verbatim in one input; it is emitted once, the repeat’s span is in `duplicates`.',
    action: 'Nothing, or remove the repeat from the source.',
  },
  UNPLACED_TEXT: {
    severity: 'info',
    meaning: 'Some lines belong to no document (navigation, page furniture); they are listed in `unplaced`.',
    action: 'Look in `unplaced` if text you expected is missing from a document.',
  },
  // header and metadata: the document's `diagnostics`
  TITLE_MISSING: {
    severity: 'warning',
    meaning: 'A document without a recognisable title line.',
    action: 'Check the document’s first lines; the title may be only in a page header or an image.',
  },
  DOC_NUMBER_REPAIRED: {
    severity: 'warning',
    meaning: 'A garbled 文号 such as `永政办发2024〕66号` was read with a missing bracket.',
    action: 'Check `docNumber` against the original.',
  },
  DATE_GARBLED: {
    severity: 'warning',
    meaning: 'A date (signed, 印发 or in a page’s metadata box) such as `2024年72` is not a valid date; it is left empty rather than guessed.',
    action: 'Fix the date in the source, or fill the field in yourself.',
  },
  // outline and items
  DUPLICATE_ORDINAL: {
    severity: 'warning',
    meaning: 'A marker repeats the previous number (three `（二十）`); all items are kept, with distinct paths.',
    action: 'Check the numbering in the source.',
  },
  ORDINAL_SEQUENCE: {
    severity: 'warning',
    meaning: 'Numbering skips or goes back.',
    action: 'Check for a missing item or a mistyped marker.',
  },
  // responsibility and deadline clauses
  CLAUSE_UNCLOSED: {
    severity: 'warning',
    meaning: 'A responsibility clause has no closing bracket; it was read to the end of the paragraph.',
    action: 'Check the item’s units and text.',
  },
  CLAUSE_UNPARSED: {
    severity: 'warning',
    meaning: 'A parenthetical names units but could not be read as a responsibility clause; it is kept in `clauses`.',
    action: 'Read the units from `clauses[].raw`.',
  },
  CLAUSE_LABEL_MISSING_COLON: {
    severity: 'info',
    meaning: '`责任单位政府各部门` was read as a label without its colon.',
    action: 'Nothing.',
  },
  YEARS_ASSUMED: {
    severity: 'info',
    meaning: 'The title names no year: the plan’s `years` were taken from the 文号’s year, else from the notice’s 成文日期.',
    action: 'Check `years` if the plan covers another period.',
  },
  UNIT_SUSPECT: {
    severity: 'info',
    meaning: 'A unit name that does not end like an organisation (`发改`, `数据`): probably truncated.',
    action: 'Check the name; the ledger resolves it when only one agency fits.',
  },
  DEADLINE_UNKNOWN: {
    severity: 'warning',
    meaning: 'A 完成时限 in a form the parser does not know; it is kept as raw.',
    action: 'Read the deadline from `raw`.',
  },
  DEADLINE_UNRESOLVED: {
    severity: 'warning',
    meaning: 'A 完成时限 (or a ledger due date) needs the plan’s year, which is unknown.',
    action: 'Check that the title or 文号 carries the plan’s year.',
  },
  // ledger (工作台账): each row's `diagnostics`
  DEADLINE_YEAR_ASSUMED: {
    severity: 'info',
    meaning: 'Ledger: a deadline names no year in a plan spanning several years; it was read in the plan’s last year.',
    action: 'Check the `due` date of tasks meant for an earlier year.',
  },
  UNIT_FUSED: {
    severity: 'info',
    meaning: 'A unit reads as several run together (`市财政局市税务局`, `发改市场监管局`, a lost 、): the core splits it once, the ledger resolves each part.',
    action: 'Nothing; check the split if it looks wrong.',
  },
  UNIT_TRUNCATED: {
    severity: 'warning',
    meaning: 'Ledger: a truncated unit name (`数据`) fits several agencies and is left unresolved; `info` when only one fits or another plan of the region names it in full, and it was resolved.',
    action: 'Name the unit in full, or pass plans of the same region together.',
  },
  UNIT_UNRESOLVED: {
    severity: 'warning',
    meaning: 'Ledger: a unit is not a name the alias tables can resolve; it is kept as written.',
    action: 'Check the name; add it to the alias tables if it is a real agency.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A code in {@link DIAGNOSTIC_CODES}: the only values a diagnostic's `code` takes. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes registered with severity `S` (so `warn()` takes warnings only, `info()` infos only). */
export type DiagnosticCodeOf<S extends DiagnosticSeverity> = {
  [K in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[K]['severity'] extends S ? K : never;
}[DiagnosticCode];

/** Whether `code` is a registered diagnostic code (for results read back from JSON). */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}

/**
 * Build a diagnostic with its severity from the registry, so emitters never
 * repeat it. `severity` overrides it only for a case the registry's meaning
 * names (UNIT_TRUNCATED resolved → info).
 * @internal
 */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  extra: { span?: Span; text?: string; severity?: DiagnosticSeverity } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? DIAGNOSTIC_CODES[code].severity, message };
  // keys only when set: results are compared and serialised as written
  if (extra.span) d.span = extra.span;
  if (extra.text !== undefined) d.text = extra.text;
  return d;
}
