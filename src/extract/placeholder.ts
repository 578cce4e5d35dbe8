/**
 * Placeholder cells: task tables write `—`, `/`, `－`, `无` or `\` where a
 * column does not apply (no 牵头单位, no deadline). They mean "empty", never a
 * unit or a deadline; every table adapter maps them to ''.
 */
const PLACEHOLDER = /^[\s\u3000]*(?:[—–―‐\-－~～/／\\＼]+|无)[\s\u3000]*$/;

export function isPlaceholderCell(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** The cell's text, or '' for a placeholder. */
export function cellValue(text: string): string {
  return PLACEHOLDER.test(text) ? '' : text;
}
