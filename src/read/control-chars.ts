/**
 * Control characters are not text. A scraped page or a pasted heading can carry
 * ESC sequences (`\x1b[2J` clears a screen, `\x1b]0;…\x07` retitles a window),
 * BEL, backspaces or C1 codes; they would end up in headings and unit names and
 * from there in terminals, CSVs and reports. They are dropped when the text is
 * decoded, each run reported as a CONTROL_CHARS_REMOVED diagnostic whose
 * zero-width span marks where it was in the (cleaned) text that every other
 * span points into.
 */
import type { Diagnostic } from '../schema/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import { lineIndex, lineOf } from '../shared/line-index.js';

/**
 * C0 controls except TAB, LF, CR (line breaks) and VT/FF (page breaks in text
 * dumps, which the line splitters treat as whitespace); DEL; C1 controls.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]+/g;

/** One diagnostic per run up to this many; the rest are summed up in one more, so a hostile file cannot flood the result. */
const MAX_REPORTED = 100;

/** What {@link stripControlChars} returns. */
export interface StrippedText {
  /** The text without control characters. */
  text: string;
  /** CONTROL_CHARS_REMOVED diagnostics, spans into `text`. */
  diagnostics: Diagnostic[];
}

const shown = (run: string) => [...run].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

/**
 * Drop control characters (C0 except TAB, LF, CR, VT, FF; DEL; C1) from
 * decoded text, with one CONTROL_CHARS_REMOVED diagnostic per run removed.
 *
 * @param text - Decoded text.
 * @returns The cleaned text and the diagnostics (empty when nothing was removed).
 */
export function stripControlChars(text: string): StrippedText {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return { text, diagnostics: [] };
  const runs: Array<{ at: number; chars: string }> = [];
  let removed = 0;
  const cleaned = text.replace(CONTROL, (run: string, offset: number) => {
    runs.push({ at: offset - removed, chars: run });
    removed += run.length;
    return '';
  });
  const lines = lineIndex(cleaned);
  const diagnostics: Diagnostic[] = runs.slice(0, MAX_REPORTED).map(({ at, chars }) =>
    diagnostic('CONTROL_CHARS_REMOVED', `${chars.length} control character(s) (${shown(chars).slice(0, 40)}) removed: they are not text and could drive a terminal or spreadsheet.`, {
      span: { start: at, end: at, line: lineOf(lines, at) },
      text: shown(chars).slice(0, 200),
    }),
  );
  if (runs.length > MAX_REPORTED) {
    const rest = runs.slice(MAX_REPORTED).reduce((n, r) => n + r.chars.length, 0);
    diagnostics.push(diagnostic('CONTROL_CHARS_REMOVED', `${rest} more control character(s) in ${runs.length - MAX_REPORTED} more place(s) removed.`));
  }
  return { text: cleaned, diagnostics };
}

/**
 * Add the decode stage's diagnostics to a finished result (the pipeline never
 * saw the removed characters, so it cannot report them itself).
 *
 * @param result - A ParseResult (or anything with `diagnostics`).
 * @param diagnostics - From {@link stripControlChars} / `decodeText`.
 * @returns The same result.
 */
export function withDecodeDiagnostics<T extends { diagnostics: Diagnostic[] }>(result: T, diagnostics: Diagnostic[] | undefined): T {
  if (diagnostics?.length) result.diagnostics.unshift(...diagnostics);
  return result;
}
