/**
 * Word 97–2003 (.doc) and WPS Office (.wps) binary documents: an OLE
 * compound file with a WordDocument stream, whatever the file is called.
 */
import type { BinaryFormat } from '../format.js';

export const docFormat: BinaryFormat<'doc'> = {
  name: 'doc',
  label: 'Word 97–2003 / WPS (.doc, .wps)',
  kind: 'binary',
  extensions: ['.doc', '.wps', '.dot', '.wpt'],
  sniff: (probe) => probe.compoundStreams()?.some((n) => n === 'WordDocument') ?? false,
  async extract(bytes) {
    const { extractDoc } = await import('./index.js');
    return extractDoc(bytes);
  },
};
