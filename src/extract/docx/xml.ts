/**
 * A tiny non-validating XML parser for WordprocessingML parts. OOXML parts are
 * machine-written (no DTDs, no custom entities), so a regex tokenizer building a
 * plain tree is enough and much faster than a DOM.
 */
import { ErrorCode, GongwenError } from '../../errors.js';
import { MAX_ELEMENTS, MAX_NESTING_DEPTH, tooDeep, tooManyElements } from '../../shared/complexity.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

// Linear on damaged input: a tag may not contain '<' (XML forbids it in attribute values too), and an
// unterminated comment, PI or CDATA section runs to the end; otherwise each unclosed `<a`, `<!--` or
// `<![CDATA[` rescanned the rest of the part (30,000 of them took seconds; found while fuzzing).
const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)([^<>]*?)(\/?)>|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<![^<>]*>|([^<]+)/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : charRef(parseInt(dec ?? hex!, dec ? 10 : 16)),
  );
}

/**
 * A numeric character reference. XML allows only TAB, LF, CR and U+0020 up
 * (no surrogates, nothing past U+10FFFF); anything else (`&#0;`, `&#x1b;`,
 * `&#x110000;`, which would make String.fromCodePoint throw) is a damaged or
 * hostile part and reads as U+FFFD, visible and inert.
 */
function charRef(cp: number): string {
  const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
  return ok ? String.fromCodePoint(cp) : '\ufffd';
}

/**
 * Parse one part into a tree, iteratively. Nesting deeper than
 * MAX_NESTING_DEPTH or more than MAX_ELEMENTS elements is TOO_COMPLEX: the
 * tree walkers downstream recurse per level, and a hostile part (50,000 nested
 * w:sdt) would otherwise overflow the stack.
 */
export function parseXml(xml: string, part: string, limits: { depth?: number; elements?: number } = {}): XmlElement {
  const maxDepth = limits.depth ?? MAX_NESTING_DEPTH;
  const maxElements = limits.elements ?? MAX_ELEMENTS;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    const [, close, name, rawAttrs, selfClose, cdata, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      // Whitespace between elements is formatting; text only matters inside w:t and friends.
      if (stack.length > 1 && text.trim() !== '') top.children.push(decodeEntities(text));
      else if (stack.length > 1 && /^(?:w:t|w:delText|w:instrText)$/.test(top.name)) top.children.push(text);
    } else if (cdata !== undefined) {
      top.children.push(cdata);
    } else if (name) {
      if (close) {
        if (top.name !== name) throw malformed(part, `unexpected </${name}>`);
        stack.pop();
      } else {
        const attrs: Record<string, string> = {};
        if (rawAttrs) {
          ATTR.lastIndex = 0;
          let a: RegExpExecArray | null;
          while ((a = ATTR.exec(rawAttrs))) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
        }
        const el: XmlElement = { name, attrs, children: [] };
        top.children.push(el);
        if (++elements > maxElements) throw tooManyElements(`The DOCX part ${part}`, elements, maxElements);
        if (!selfClose) {
          stack.push(el);
          // the root sentinel is not an element: depth = stack.length - 1
          if (stack.length - 1 > maxDepth) throw tooDeep(`The DOCX part ${part}`, stack.length - 1, maxDepth);
        }
      }
    }
  }
  if (stack.length !== 1) throw malformed(part, `<${stack[stack.length - 1].name}> is never closed`);
  const doc = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!doc) throw malformed(part, 'no root element');
  return doc;
}

function malformed(part: string, why: string): GongwenError {
  return new GongwenError(ErrorCode.FILE_CORRUPT, `The DOCX part ${part} is not well-formed XML (${why}); the file is damaged.`);
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

/** `w:val` (or another attribute) of a child element, e.g. val(pPr, 'w:jc'). */
export function val(el: XmlElement | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(el, name)?.attrs[attr];
}

/** OOXML on/off properties: present without w:val, or with true/1/on, means on. */
export function isOn(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}
