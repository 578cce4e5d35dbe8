/** DOCX (WordprocessingML in a ZIP): recognised by its main part. */
import type { BinaryFormat } from '../format.js';

export const docxFormat: BinaryFormat<'docx'> = {
  name: 'docx',
  label: 'DOCX',
  kind: 'binary',
  extensions: ['.docx', '.docm', '.dotx'],
  sniff: (probe) => probe.zipEntries()?.some((n) => n.toLowerCase() === 'word/document.xml') ?? false,
  async extract(bytes, options) {
    const { extractDocx } = await import('./index.js');
    const r = await extractDocx(bytes, { maxUncompressedBytes: options.maxUncompressedBytes });
    return { text: r.text, blocks: r.blocks, noise: [] };
  },
};
