/** Plain text: one block per non-blank line (\n, \r\n or a lone \r); blank lines become `gapBefore`. */
import type { TextBlock } from './block.js';

const BREAK = /\r\n|\n|\r/g;

export function extractText(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let line = 1;
  let gap = false;
  let pos = 0;
  const take = (end: number) => {
    const content = text.slice(pos, end);
    if (/[^\s\u3000\u00a0\ufeff]/.test(content)) {
      blocks.push({ kind: 'paragraph', text: content, span: { start: pos, end, line }, gapBefore: gap || blocks.length === 0 });
      gap = false;
    } else gap = true;
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    take(m.index);
    pos = m.index + m[0].length;
    line++;
  }
  take(text.length);
  return blocks;
}
