/** HTML (saved web pages): blocks from the rehype tree; navigation and footers set aside as noise. */
import type { TextualFormat } from '../format.js';
import { extractHtml } from '../html.js';

export const htmlFormat: TextualFormat<'html'> = {
  name: 'html',
  label: 'HTML',
  kind: 'textual',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  extract: (text) => {
    const r = extractHtml(text);
    return { text, blocks: r.blocks, noise: r.noise };
  },
};
