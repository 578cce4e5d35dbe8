/** Markdown: blocks from the remark syntax tree, with positions. */
import type { TextualFormat } from '../format.js';
import { extractMarkdown } from '../markdown.js';

export const markdownFormat: TextualFormat<'markdown'> = {
  name: 'markdown',
  label: 'Markdown',
  kind: 'textual',
  extensions: ['.md', '.markdown', '.mdown', '.mkd'],
  extract: (text) => ({ text, blocks: extractMarkdown(text), noise: [] }),
};
