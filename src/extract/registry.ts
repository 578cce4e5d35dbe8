/**
 * Every input format gongwen reads, one line each. The schema's format
 * enum, `parse({ format })`, batch conversion's file filter and the CLI's
 * `--input-format` all come from this list; adding a format is a folder
 * under extract/ with a format.ts, plus its line here.
 *
 * Order matters for binary formats only: the first whose sniff test accepts
 * the bytes wins (containers are told apart by their entries, so the order
 * among ZIP- or OLE-based formats does not matter).
 */
import type { BinaryFormat, FormatAdapter, TextualFormat } from './format.js';
import { textFormat } from './text/format.js';
import { markdownFormat } from './markdown/format.js';
import { htmlFormat } from './html/format.js';
import { docxFormat } from './docx/format.js';
import { pdfFormat } from './pdf/format.js';
import { ofdFormat } from './ofd/format.js';
import { docFormat } from './doc/format.js';

/**
 * The input formats gongwen reads (`source.format`, `parse({ format })`).
 * Spelled out for the API docs; the checks below keep it equal to the
 * names in `FORMATS`, so a format added there must be added here.
 */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'ofd' | 'doc';

export const FORMATS = [textFormat, markdownFormat, htmlFormat, docxFormat, pdfFormat, ofdFormat, docFormat] as const satisfies readonly FormatAdapter<SourceFormat>[];

// Both ways: every registered name is a SourceFormat (above), and every SourceFormat is registered (here).
type Registered = (typeof FORMATS)[number]['name'];
const everyFormatRegistered: [SourceFormat] extends [Registered] ? true : never = true;
void everyFormatRegistered;

/** The format names, as a non-empty tuple (what z.enum wants). */
export const FORMAT_NAMES = FORMATS.map((f) => f.name) as [SourceFormat, ...SourceFormat[]];

const byName = new Map<string, FormatAdapter>(FORMATS.map((f) => [f.name, f]));

export function formatAdapter(name: SourceFormat): FormatAdapter;
export function formatAdapter(name: string): FormatAdapter | undefined;
export function formatAdapter(name: string): FormatAdapter | undefined {
  return byName.get(name);
}

export function isSourceFormat(name: unknown): name is SourceFormat {
  return typeof name === 'string' && byName.has(name);
}

export const BINARY_FORMATS: readonly BinaryFormat[] = FORMATS.filter((f): f is Extract<(typeof FORMATS)[number], { kind: 'binary' }> => f.kind === 'binary');
export const TEXTUAL_FORMATS: readonly TextualFormat[] = FORMATS.filter((f): f is Extract<(typeof FORMATS)[number], { kind: 'textual' }> => f.kind === 'textual');

/** Every extension any format claims, lower-case with the dot (batch's folder filter). */
export const FORMAT_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

/** The textual format an extension names, if any (a tie-breaker for ambiguous text). */
export function textualFormatOfExtension(ext: string): TextualFormat | undefined {
  const e = ext.startsWith('.') ? ext.toLowerCase() : `.${ext.toLowerCase()}`;
  return TEXTUAL_FORMATS.find((f) => f.extensions.includes(e));
}
