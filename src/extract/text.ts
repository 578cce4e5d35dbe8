/** Plain text: one block per non-blank line; blank lines become `gapBefore`. */
import type { TextBlock } from './block.js';

export function extractText(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let line = 1;
  let gap = false;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = n;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--; // CRLF
    const content = text.slice(pos, end);
    if (/[^\s\u3000\u00a0\ufeff]/.test(content)) {
      blocks.push({ kind: 'paragraph', text: content, span: { start: pos, end, line }, gapBefore: gap || blocks.length === 0 });
      gap = false;
    } else gap = true;
    if (eol === n) break;
    pos = eol + 1;
    line++;
  }
  return blocks;
}
