/**
 * Text from documents is hostile until escaped: a heading may carry ESC
 * sequences (clear the screen, retitle the window, fake a prompt), a bare CR
 * that overwrites the line, or bidi overrides that reorder what is shown
 * ("Trojan Source"). Renderers that write to a terminal pass every piece of
 * document text through these helpers.
 */

/** C0 controls except TAB and LF, DEL, C1 controls, and the bidi embedding/override/isolate controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, LF included: for single-line fields. */
const UNSAFE_OR_LF = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');
const visible = (c: string) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

/**
 * Make document text safe to print on a terminal: control characters (C0
 * except TAB and LF, DEL, C1) and bidi controls become visible escapes such
 * as `\x1b` or `\u202e`, so nothing in the text can move the cursor, change
 * the screen or reorder what is shown.
 *
 * @param text - Any text.
 * @param options - `newlines: false` also escapes LF (default: LF kept).
 * @returns The text with the unsafe characters escaped.
 */
export function escapeTerminal(text: string, options: { newlines?: boolean } = {}): string {
  return text.replace(options.newlines === false ? UNSAFE_OR_LF : UNSAFE, visible);
}

/** JSON.stringify escapes C0 but not DEL, C1 or bidi controls; these only occur inside strings, where `\uXXXX` is the same value. */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from `JSON.stringify`) made safe for a terminal without changing
 * its value: DEL, C1 and bidi controls become `\uXXXX` escapes.
 *
 * @param json - Output of `JSON.stringify`.
 * @returns Equivalent JSON with no raw control characters.
 */
export function escapeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${hex(c, 4)}`);
}
