/**
 * The OFD package (GB/T 33190-2016 §7): OFD.xml → DocBody → DocRoot
 * (Document.xml) → pages and template pages → their Content.xml. Only the
 * parts that carry body text are read: signatures, seals (Signs/),
 * annotations (Annots) and attachments are never inflated.
 */
import { XMLParser } from 'fast-xml-parser';
import { ErrorCode, GongwenError } from '../../errors.js';
import { MAX_NESTING_DEPTH, tooDeep } from '../../shared/complexity.js';
import type { ZipArchive } from '../zip.js';

// OFD elements are namespaced (ofd:); attributes are plain. Values stay strings (TextCode "2011" is text, not a number).
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // the same nesting limit as DOCX and HTML (real OFD pages nest under a dozen levels)
  maxNestedTags: MAX_NESTING_DEPTH,
});

/** A parsed element: attributes and child elements by name, text in `#text`. */
export type XNode = Record<string, unknown>;

/** Children of one name, always as an array (the parser gives one child as an object). */
export function list(v: unknown): XNode[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is XNode => typeof x === 'object' && x !== null);
}

/** Text content of an element that may have attributes (`#text`) or not (a plain string). */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const t = (v as XNode)['#text'];
    return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
  }
  return '';
}

export function corrupt(message: string, cause?: unknown): GongwenError {
  return new GongwenError(ErrorCode.FILE_CORRUPT, `${message} The OFD is damaged or incomplete; re-export it from the issuing system.`, { cause });
}

/** Resolve an OFD location: absolute from the package root when it starts with `/`, else relative to `base`'s folder. */
export function resolveLoc(base: string, loc: string): string {
  const clean = loc.trim().replace(/\\/g, '/');
  const parts = clean.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * XML bytes → text in the encoding its declaration names: some producers
 * (older 国产 OFD writers) write GB2312/GBK parts. UTF-8 otherwise.
 */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(head);
  const enc = m?.[1].toLowerCase();
  if (enc && /^(gb2312|gbk|gb18030|cp936|x-gbk)$/.test(enc)) return new TextDecoder('gb18030').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Read and parse one XML part; `what` names it in errors. Missing → FILE_CORRUPT. */
export function readXml(zip: ZipArchive, path: string, what: string): { name: string; root: XNode } {
  const name = zip.find(path);
  if (!name) throw corrupt(`The ${what} (${path}) is missing from the package.`);
  const xml = decodeXml(zip.read(name)!);
  let doc: XNode;
  try {
    doc = parser.parse(xml) as XNode;
  } catch (err) {
    if (/nested tags/i.test((err as Error)?.message ?? '')) throw tooDeep(`The OFD part ${name}`, MAX_NESTING_DEPTH + 1);
    throw corrupt(`The ${what} (${name}) is not well-formed XML.`, err);
  }
  const rootName = Object.keys(doc).find((k) => k !== '?xml' && typeof doc[k] === 'object');
  if (!rootName) throw corrupt(`The ${what} (${name}) has no root element.`);
  return { name, root: doc[rootName] as XNode };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function parseBox(v: unknown): Box | undefined {
  const n = textOf(v).trim().split(/[\s,]+/).map(Number);
  if (n.length < 4 || n.some((x) => !Number.isFinite(x))) return undefined;
  return { x: n[0], y: n[1], w: n[2], h: n[3] };
}

export interface OfdDocumentRef {
  /** Document.xml. */
  root: string;
  /** Content.xml of each page, in order. */
  pages: string[];
  /** The document's page box in mm (CommonData/PageArea), else A4; a page's own Area overrides it. */
  box: Box;
  /** Template pages by ID → their Content.xml (pages name the templates they use). */
  templates: Map<string, string>;
}

const A4: Box = { x: 0, y: 0, w: 210, h: 297 };

/** Every DocBody of the package with its pages, in order. Throws UNSUPPORTED_FORMAT when OFD.xml is absent. */
export function readPackage(zip: ZipArchive): OfdDocumentRef[] {
  if (!zip.find('OFD.xml')) {
    throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, 'This ZIP is not an OFD package (no OFD.xml at its root).', {
      details: { entries: [...zip.entries.keys()].slice(0, 10) },
    });
  }
  const ofd = readXml(zip, 'OFD.xml', 'package entry point OFD.xml');
  const bodies = list(ofd.root.DocBody);
  if (bodies.length === 0) throw corrupt('OFD.xml lists no document (DocBody).');
  return bodies.map((body, i) => {
    const loc = textOf(body.DocRoot).trim();
    if (!loc) throw corrupt(`DocBody ${i + 1} in OFD.xml has no DocRoot.`);
    return readDocument(zip, resolveLoc(ofd.name, loc));
  });
}

function readDocument(zip: ZipArchive, path: string): OfdDocumentRef {
  const doc = readXml(zip, path, 'document root');
  const common = (doc.root.CommonData ?? {}) as XNode;
  const docBox = parseBox((common.PageArea as XNode | undefined)?.PhysicalBox) ?? A4;
  const templates = new Map<string, string>();
  for (const t of list(common.TemplatePage)) {
    if (t.ID !== undefined && t.BaseLoc) templates.set(String(t.ID), resolveLoc(doc.name, String(t.BaseLoc)));
  }
  const pages = list((doc.root.Pages as XNode | undefined)?.Page);
  if (pages.length === 0) throw corrupt(`${doc.name} lists no pages.`);
  return {
    root: doc.name,
    box: docBox,
    templates,
    pages: pages.map((p, i) => {
      if (!p.BaseLoc) throw corrupt(`Page ${i + 1} of ${doc.name} has no BaseLoc.`);
      return resolveLoc(doc.name, String(p.BaseLoc));
    }),
  };
}
