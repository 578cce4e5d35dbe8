/** OFD (GB/T 33190, 版式文档): a ZIP whose root holds OFD.xml. */
import type { BinaryFormat } from '../format.js';

export const ofdFormat: BinaryFormat<'ofd'> = {
  name: 'ofd',
  label: 'OFD (GB/T 33190)',
  kind: 'binary',
  extensions: ['.ofd'],
  sniff: (probe) => probe.zipEntries()?.some((n) => n.replace(/^\/+/, '').toLowerCase() === 'ofd.xml') ?? false,
  async extract(bytes, options) {
    const { extractOfd } = await import('./index.js');
    return extractOfd(bytes, { maxUncompressedBytes: options.maxUncompressedBytes, maxPages: options.maxPages });
  },
};
