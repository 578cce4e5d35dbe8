/** Plain text (UTF-8, UTF-16 with BOM, GB18030): one block per line. */
import type { TextualFormat } from '../format.js';
import { extractText } from '../text.js';

export const textFormat: TextualFormat<'text'> = {
  name: 'text',
  label: 'plain text',
  kind: 'textual',
  extensions: ['.txt', '.text'],
  extract: (text) => ({ text, blocks: extractText(text), noise: [] }),
};
