/**
 * One adapter per format; all yield TextBlocks. Text, Markdown and HTML are
 * synchronous; PDF and DOCX load their (large) libraries only when needed.
 */
import type { SourceFormat, TextBlock } from './block.js';
import { extractText } from './text.js';
import { extractMarkdown } from './markdown.js';
import { extractHtml } from './html.js';

export interface Extracted {
  /** The text block spans point into (decoded source, or synthesized for PDF/DOCX). */
  text: string;
  blocks: TextBlock[];
  noise: TextBlock[];
  pages?: number;
}

export function extractTextual(format: 'text' | 'markdown' | 'html', text: string): Extracted {
  switch (format) {
    case 'markdown':
      return { text, blocks: extractMarkdown(text), noise: [] };
    case 'html': {
      const r = extractHtml(text);
      return { text, blocks: r.blocks, noise: r.noise };
    }
    default:
      return { text, blocks: extractText(text), noise: [] };
  }
}

export async function extractBinary(format: 'pdf' | 'docx', bytes: Uint8Array, options: { maxPages?: number; maxUncompressedBytes?: number }): Promise<Extracted> {
  if (format === 'pdf') {
    const { extractPdf } = await import('./pdf/index.js');
    const r = await extractPdf(bytes, { maxPages: options.maxPages });
    return { text: r.text, blocks: r.blocks, noise: r.furniture, pages: r.pages };
  }
  const { extractDocx } = await import('./docx/index.js');
  const r = await extractDocx(bytes, { maxUncompressedBytes: options.maxUncompressedBytes });
  return { text: r.text, blocks: r.blocks, noise: [] };
}

export type { SourceFormat };
