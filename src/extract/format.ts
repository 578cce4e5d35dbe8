/**
 * What a format adapter is. Each format is a folder under extract/ whose
 * `format.ts` exports one of these, and one line in registry.ts lists it.
 * Descriptors are light: the extractor itself (and its libraries) is loaded
 * with import() when the first file of that format arrives.
 */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { TextBlock } from './block.js';
import type { OcrOption } from './ocr/types.js';

/** What every extractor returns. */
export interface Extracted {
  /** The text block spans point into (decoded source, or synthesised for binary formats). */
  text: string;
  blocks: TextBlock[];
  /** Blocks set aside as page chrome (HTML navigation, page numbers, OFD templates). */
  noise: TextBlock[];
  pages?: number;
  /**
   * A package holding several documents (OFD with several DocBody): the
   * blocks of each, over the same `text`. Each is parsed on its own.
   */
  parts?: { blocks: TextBlock[]; noise: TextBlock[] }[];
  /** Input-level diagnostics the extractor can tell and the pipeline cannot (e.g. lost auto-numbering). */
  diagnostics?: Diagnostic[];
}

export interface ExtractOptions {
  maxPages?: number;
  /** PDF: read pages without a text layer through OCR (see ParseOptions.ocr). */
  ocr?: OcrOption;
  maxUncompressedBytes?: number;
}

/** The start of a file, with the container views computed once and shared by every sniff test. */
export interface Probe {
  bytes: Uint8Array;
  /** Entry names when the bytes are a ZIP, else undefined. */
  zipEntries(): string[] | undefined;
  /** Stream and storage names when the bytes are an OLE compound file, else undefined. */
  compoundStreams(): string[] | undefined;
}

interface FormatBase<N extends string> {
  name: N;
  /** Shown in messages and the CLI help, e.g. 'OFD (GB/T 33190)'. */
  label: string;
  /** Lower-case, with the dot: what batch conversion picks up in folders. */
  extensions: readonly string[];
}

/** A format read from bytes, recognised by content (magic bytes, container entries). */
export interface BinaryFormat<N extends string = string> extends FormatBase<N> {
  kind: 'binary';
  /** True when the bytes are this format. May throw UNSUPPORTED_FORMAT for a near miss it can name. */
  sniff(probe: Probe): boolean;
  extract(bytes: Uint8Array, options: ExtractOptions): Promise<Extracted>;
}

/** A format read from decoded text; which one is decided by read/sniff.ts's content scores. */
export interface TextualFormat<N extends string = string> extends FormatBase<N> {
  kind: 'textual';
  extract(text: string): Extracted;
}

export type FormatAdapter<N extends string = string> = BinaryFormat<N> | TextualFormat<N>;
