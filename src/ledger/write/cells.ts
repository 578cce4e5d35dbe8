/**
 * Cell values that cannot run as formulas. Excel, WPS and LibreOffice evaluate a
 * cell that starts with = + - @ (and, through some import paths, TAB or CR), so a
 * task heading like `=HYPERLINK(…)` or a unit `=cmd|' /C calc'!A0` would execute
 * when an office opens the ledger. OWASP's remedy: prefix such cells with `'`,
 * which spreadsheets show as text.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Options shared by the CSV and XLSX writers. */
export interface CellOptions {
  /**
   * Prefix cells starting with `=`, `+`, `-`, `@`, TAB or CR with `'` so
   * spreadsheets show them as text, never run them (default true). Turn off
   * only for machine consumers that never open the file in a spreadsheet.
   */
  escapeFormulas?: boolean;
}

/**
 * A cell value made safe for spreadsheets: strings that would start a formula
 * get a leading `'`; numbers and empty cells pass through.
 *
 * @param v - The cell value.
 * @param escape - Neutralise formula starts (default true).
 * @returns The value to write.
 */
export function safeCell<T extends string | number | undefined>(v: T, escape = true): T {
  return escape && typeof v === 'string' && FORMULA_START.test(v) ? (`'${v}` as T) : v;
}
