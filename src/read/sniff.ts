import type { SourceFormat } from '../extract/block.js';
import { ErrorCode, GongwenError } from '../errors.js';
import { decodeHead } from './decode.js';

/**
 * Decide which extractor a file needs. Magic bytes decide binary formats; text is
 * sniffed for HTML and Markdown markers. The file name only breaks ties.
 */
export function sniffFormat(bytes: Uint8Array, name?: string): SourceFormat {
  const binary = sniffMagic(bytes);
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
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  return 'text';
}

// ---------------------------------------------------------------- magic bytes

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = ascii('{\\rtf');

function unsupported(message: string, details?: Record<string, unknown>): GongwenError {
  return new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, message, details ? { details } : undefined);
}

function sniffMagic(bytes: Uint8Array): SourceFormat | undefined {
  // Skip a UTF-8 BOM / leading whitespace some tools put before %PDF- (readers accept it too).
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (startsWith(bytes, PDF, i)) return 'pdf';

  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return classifyZip(bytes);

  if (startsWith(bytes, OLE2)) {
    throw unsupported(
      'This is an old binary Office / WPS file (.doc, .wps, .xls or .et, OLE2 format), which gongwen cannot read. ' +
        'Open it in Word or WPS and save it as DOCX (文件 → 另存为 → .docx), or export it to PDF.',
    );
  }
  if (startsWith(bytes, RTF, i)) {
    throw unsupported('This is an RTF file, which gongwen cannot read. Open it in Word or WPS and save it as DOCX.');
  }
  const image = imageKind(bytes);
  if (image) {
    throw unsupported(
      `This is a ${image} image, not a document. gongwen reads text, Markdown, HTML, DOCX and PDF with a text layer; ` +
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

/** A ZIP is only a DOCX if it has word/document.xml; name the other usual suspects so the message helps. */
function classifyZip(bytes: Uint8Array): SourceFormat {
  const names = zipEntryNames(bytes);
  const has = (n: string) => names.some((x) => x === n || x.toLowerCase() === n.toLowerCase());
  if (has('word/document.xml')) return 'docx';
  const sample = names.slice(0, 10);
  if (has('OFD.xml')) {
    throw unsupported('This is an OFD file (a ZIP-based fixed-layout format), which gongwen cannot read. Export it to PDF or DOCX.', { entries: sample });
  }
  if (has('xl/workbook.xml')) throw unsupported('This is an Excel workbook (XLSX), not a document. Save the plan as DOCX or PDF.', { entries: sample });
  if (has('ppt/presentation.xml')) throw unsupported('This is a PowerPoint file (PPTX), not a document. Save the plan as DOCX or PDF.', { entries: sample });
  if (has('content.xml') && has('mimetype')) throw unsupported('This is an OpenDocument file (ODT), which gongwen cannot read. Save it as DOCX.', { entries: sample });
  throw unsupported(
    'This is a ZIP archive but not a DOCX (it has no word/document.xml). Unpack it and pass the document inside, or save the document as DOCX.',
    { entries: sample },
  );
}

/**
 * Entry names from the central directory (end of file), falling back to walking
 * local headers from the start when the directory is missing (truncated files).
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const latin1 = new TextDecoder('latin1');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  // End-of-central-directory record: 22 bytes + up to 64 KiB comment, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let e = bytes.length - 22; e >= stop; e--) {
    if (bytes[e] !== 0x50 || view.getUint32(e, true) !== 0x06054b50) continue;
    const count = view.getUint16(e + 10, true);
    let p = view.getUint32(e + 16, true);
    for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
      if (view.getUint32(p, true) !== 0x02014b50) break;
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      names.push(latin1.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (names.length > 0) return names;
    break;
  }
  // Local file headers: PK\3\4, name length at +26, extra length at +28, name at +30.
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50 && names.length < 10_000) {
    const flags = view.getUint16(p + 6, true);
    const compressed = view.getUint32(p + 18, true);
    const nameLen = view.getUint16(p + 26, true);
    const extraLen = view.getUint16(p + 28, true);
    names.push(latin1.decode(bytes.subarray(p + 30, p + 30 + nameLen)));
    if (flags & 0x08) break; // sizes live in a trailing data descriptor; can't skip reliably
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
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
