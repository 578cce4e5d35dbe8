import type { SourceFormat } from '../extract/block.js';
import type { Probe } from '../extract/format.js';
import { BINARY_FORMATS, textualFormatOfExtension } from '../extract/registry.js';
import { zipEntryNames } from '../extract/zip.js';
import { compoundStreamNames } from '../extract/compound.js';
import { ErrorCode, GongwenError } from '../errors.js';
import { decodeHead } from './decode.js';

export { zipEntryNames, compoundStreamNames };

/**
 * Decide which extractor a file needs. Magic bytes and container entries
 * decide binary formats (each format's own sniff test, see
 * extract/registry.ts); text is sniffed for HTML and Markdown markers. The
 * file name only breaks ties between textual formats.
 */
export function sniffFormat(bytes: Uint8Array, name?: string): SourceFormat {
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  return sniffTextFormat(decodeHead(bytes), name);
}

/** Same as sniffFormat's text branch, for a string that is already decoded. */
export function sniffTextFormat(text: string, name?: string): SourceFormat {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (looksLikeHtmlDocument(head)) return 'html';
  const tags = htmlTagScore(head);
  const md = markdownScore(head);
  if (tags >= 3 && tags > md) return 'html'; // an HTML fragment without <html>/<!DOCTYPE>
  if (md >= 2) return 'markdown';
  // Ambiguous content: now, and only now, the extension decides.
  const ext = extensionOf(name);
  const byExt = ext ? textualFormatOfExtension(ext) : undefined;
  return (byExt?.name as SourceFormat | undefined) ?? 'text';
}

// ---------------------------------------------------------------- magic bytes

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = ascii('{\\rtf');

function unsupported(message: string, details?: Record<string, unknown>): GongwenError {
  return new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, message, details ? { details } : undefined);
}

function makeProbe(bytes: Uint8Array): Probe {
  let zip: string[] | undefined | null = null;
  let ole: string[] | undefined | null = null;
  return {
    bytes,
    zipEntries: () => (zip === null ? (zip = startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY) ? zipEntryNames(bytes) : undefined) : zip),
    compoundStreams: () => (ole === null ? (ole = startsWith(bytes, OLE2) ? compoundStreamNames(bytes) : undefined) : ole),
  };
}

function sniffBinary(bytes: Uint8Array): SourceFormat | undefined {
  const probe = makeProbe(bytes);
  for (const format of BINARY_FORMATS) if (format.sniff(probe)) return format.name as SourceFormat;

  // Nobody claimed it: name what it is, so the message helps.
  const entries = probe.zipEntries();
  if (entries) throw unknownZip(entries);
  const streams = probe.compoundStreams();
  if (streams) throw unknownCompound(streams);
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (startsWith(bytes, RTF, i)) {
    throw unsupported('This is an RTF file, which gongwen cannot read. Open it in Word or WPS and save it as DOCX.');
  }
  const image = imageKind(bytes);
  if (image) {
    throw unsupported(
      `This is a ${image} image, not a document. gongwen reads text, Markdown, HTML, DOCX, PDF with a text layer, OFD and .doc/.wps; ` +
        'run OCR on scans first.',
    );
  }
  return undefined;
}

function imageKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, ascii('GIF8'))) return 'GIF';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  return undefined;
}

/** A ZIP no format claimed: name the usual suspects. */
function unknownZip(names: string[]): GongwenError {
  const has = (n: string) => names.some((x) => x === n || x.toLowerCase() === n.toLowerCase());
  const sample = names.slice(0, 10);
  if (has('xl/workbook.xml')) return unsupported('This is an Excel workbook (XLSX), not a document. Save the plan as DOCX or PDF.', { entries: sample });
  if (has('ppt/presentation.xml')) return unsupported('This is a PowerPoint file (PPTX), not a document. Save the plan as DOCX or PDF.', { entries: sample });
  if (has('content.xml') && has('mimetype')) return unsupported('This is an OpenDocument file (ODT), which gongwen cannot read. Save it as DOCX.', { entries: sample });
  return unsupported(
    'This is a ZIP archive but not a DOCX (no word/document.xml) or an OFD (no OFD.xml). Unpack it and pass the document inside, or save the document as DOCX.',
    { entries: sample },
  );
}

/** A compound file without a WordDocument stream: a spreadsheet, a presentation, or an encrypted OOXML file. */
function unknownCompound(streams: string[]): GongwenError {
  const has = (n: string) => streams.includes(n);
  const sample = streams.slice(0, 10);
  if (has('Workbook') || has('Book')) {
    return unsupported('This is a spreadsheet (Excel .xls or WPS .et), not a document. Save the plan as DOCX or PDF.', { streams: sample });
  }
  if (has('PowerPoint Document')) {
    return unsupported('This is a presentation (PowerPoint .ppt or WPS .dps), not a document. Save the plan as DOCX or PDF.', { streams: sample });
  }
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return unsupported('This is a password-protected Office file (the DOCX/XLSX is encrypted inside a compound file). Remove the password and save it again.', {
      streams: sample,
    });
  }
  if (streams.some((n) => /^(wps|kso)/i.test(n))) {
    return unsupported('This is a WPS Office file without a Word-compatible text stream (an old WPS format). Open it in WPS and save it as DOCX (or .doc).', {
      streams: sample,
    });
  }
  return unsupported(
    'This is an OLE compound file without a WordDocument stream: not a Word or WPS document gongwen can read. Open it in Word or WPS and save it as DOCX.',
    { streams: sample },
  );
}

// ---------------------------------------------------------------- text sniffing

/** A document that opens with a doctype or <html>/<head>/<body>, after an optional XML declaration and comments. */
function looksLikeHtmlDocument(head: string): boolean {
  const start = head.replace(/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, '').slice(0, 512);
  if (/^<!doctype\s+html/i.test(start)) return true;
  if (/^<(html|head|body)[\s>]/i.test(start)) return true;
  // Starts straight with a block tag, e.g. a saved article body: <div ...>, <p>, <table>.
  return /^<(div|p|table|section|article|meta|title|h[1-6])[\s>\/]/i.test(start) && htmlTagScore(head) >= 2;
}

const HTML_TAGS = /<\/?(html|head|body|div|p|table|tr|td|th|span|br|meta|title|h[1-6]|ul|ol|li|a|font|strong|section|article|img|style|script)(?=[\s>\/])/gi;

/** Number of distinct HTML tag names present: one or two may be inline HTML in Markdown, many is HTML. */
function htmlTagScore(head: string): number {
  const seen = new Set<string>();
  for (const m of head.matchAll(HTML_TAGS)) {
    seen.add(m[1].toLowerCase());
    if (seen.size >= 10) break;
  }
  return seen.size;
}

/** Weighted count of Markdown constructs; plain Chinese documents score 0. */
function markdownScore(head: string): number {
  let headings = 0;
  let rules = 0;
  let tables = 0;
  let fences = 0;
  let lists = 0;
  let bold = 0;
  let links = 0;
  let quotes = 0;
  for (const line of head.split(/\r?\n/)) {
    if (/^#{1,6}[ \t]+\S/.test(line)) headings++;
    else if (/^ {0,3}(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) rules++;
    else if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) tables++;
    else if (/^ {0,3}(```|~~~)/.test(line)) fences++;
    else if (/^ {0,3}[-*+][ \t]+\S/.test(line)) lists++;
    else if (/^ {0,3}>[ \t]?\S/.test(line)) quotes++;
    if (/\*\*[^*\n]+\*\*/.test(line)) bold++;
    if (/\[[^\]\n]+\]\([^)\s]+\)/.test(line)) links++;
  }
  return (
    Math.min(headings, 5) * 2 +
    Math.min(tables, 2) * 3 +
    Math.min(fences, 2) * 2 +
    Math.min(rules, 3) +
    Math.min(lists, 3) +
    Math.min(bold, 3) +
    Math.min(links, 2) +
    Math.min(quotes, 2)
  );
}

function extensionOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const m = /\.([A-Za-z0-9]+)$/.exec(name.split(/[?#]/)[0]);
  return m ? m[1].toLowerCase() : undefined;
}
