/** PDF with a text layer (pdfjs-dist, loaded on the first PDF). */
import type { BinaryFormat } from '../format.js';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export const pdfFormat: BinaryFormat<'pdf'> = {
  name: 'pdf',
  label: 'PDF',
  kind: 'binary',
  extensions: ['.pdf'],
  sniff({ bytes }) {
    // Skip a UTF-8 BOM / leading whitespace some tools put before %PDF- (readers accept it too).
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
    return PDF.every((b, k) => bytes[i + k] === b);
  },
  async extract(bytes, options) {
    const { extractPdf } = await import('./index.js');
    const r = await extractPdf(bytes, { maxPages: options.maxPages, ocr: options.ocr });
    return { text: r.text, blocks: r.blocks, noise: r.furniture, pages: r.pages, ...(r.diagnostics ? { diagnostics: r.diagnostics } : {}) };
  },
};
