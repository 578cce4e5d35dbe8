/**
 * One adapter per format, all yielding TextBlocks; the list is registry.ts.
 * Text, Markdown and HTML are synchronous; binary formats load their (large)
 * libraries only when a file of theirs arrives.
 */
import type { SourceFormat } from './block.js';
import type { Extracted, ExtractOptions } from './format.js';
import { formatAdapter } from './registry.js';

export type { Extracted, ExtractOptions };

export function extractTextual(format: SourceFormat, text: string): Extracted {
  const adapter = formatAdapter(format);
  if (adapter.kind !== 'textual') throw new TypeError(`${format} is not a textual format`);
  return adapter.extract(text);
}

export async function extractBinary(format: SourceFormat, bytes: Uint8Array, options: ExtractOptions): Promise<Extracted> {
  const adapter = formatAdapter(format);
  if (adapter.kind !== 'binary') throw new TypeError(`${format} is not a binary format`);
  return adapter.extract(bytes, options);
}

export type { SourceFormat };
