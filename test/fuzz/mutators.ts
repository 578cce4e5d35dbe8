/**
 * Structure-aware mutation of real inputs, one generator per adapter, for the
 * fuzz test (fixed seeds, bounded count) and `npm run fuzz` (long runs).
 * Every input is a pure function of (adapter, seed, index), so a crash found
 * in a child process can be regenerated and saved by the parent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { writeZip, type ZipInput } from '../../scripts/fixtures/zip-writer.js';
import { encodeGbk } from '../batch/helpers.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const corpus = (p: string) => join(REPO, 'corpus', p);

/** The adapters fuzzed, with the file extension their inputs are saved under. */
export const ADAPTERS = { text: 'txt', markdown: 'md', html: 'html', docx: 'docx', ofd: 'ofd', pdf: 'pdf' } as const;
export type Adapter = keyof typeof ADAPTERS;

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A per-input seed from (adapter, seed, index): inputs are independent of each other. */
export function inputSeed(adapter: Adapter, seed: number, index: number): number {
  let h = 2166136261 ^ seed;
  for (const c of `${adapter}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------- seeds

const SEED_FILES: Record<Adapter, string[]> = {
  text: ['wuwei-2023-gongkai-fangan/source.txt', 'qingyang-2022-gongkai-yaodian/source.txt'],
  markdown: ['jinchang-2023-2024-gongkai-yaodian/source.md'],
  html: ['html/task-table.html', 'html/yongchang-gov-page.html'],
  docx: ['fixtures/numbered.docx', 'fixtures/task-table.docx', 'pdf-docx/wuwei-2023-gongkai-fangan.docx'],
  ofd: ['ofd-doc/wuwei-2023-gongkai-fangan.ofd'],
  pdf: ['fixtures/task-table.pdf', 'fixtures/task-table-unruled.pdf', 'fixtures/no-text-layer.pdf', 'fixtures/encrypted.pdf'],
};

const seedCache = new Map<string, Uint8Array>();
/** The real inputs an adapter's mutations start from (those present in this checkout). */
export function seeds(adapter: Adapter): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of SEED_FILES[adapter]) {
    if (!seedCache.has(f)) {
      try {
        seedCache.set(f, new Uint8Array(readFileSync(corpus(f))));
      } catch {
        continue; // a seed another branch has not added yet
      }
    }
    out.push(seedCache.get(f)!);
  }
  return out;
}

// ---------------------------------------------------------------- shared pieces

const utf8 = new TextEncoder();
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** Fragments that exercise the outline, clause, date and 文号 grammars. */
const PLAN_BITS = [
  '一、', '（一）', '(二)', '〔三〕', '1.', '1．', '2、', '（1）', '①', '十一、', '（二十）', '一百、',
  '（牵头单位：', '责任单位：', '配合单位', '完成时限：', '）', '（', '；', '、', '，', '。',
  '2024年13月45日', '2024年6月底前', '长期坚持', '上半年', '每季度', '年底前', '〔2024〕号', '金政办发〔2023〕90号', '永政办发2024〕66号',
  '市司法局', '市政府各部门、单位', '发改', '抄送：', '公开属性：主动公开', '此件公开发布', '关于印发', '的通知', '工作要点',
  '\u3000', '\t', '\r', '\n', '\n\n', '\f', '\ufeff', '\u200b', '\u202e', '\ud800', '\x1b[2J', '\x00', '\x9b',
];

const CONTROL_BYTES = [0x00, 0x07, 0x08, 0x0b, 0x0c, 0x1a, 0x1b, 0x7f, 0x80, 0x9b, 0xff, 0xfe, 0xef, 0xbb, 0xbf];

/** Generic byte damage: flips, random runs, deleted/duplicated ranges, truncation. */
export function damageBytes(r: Rng, b: Uint8Array, rounds = 1 + r.int(3)): Uint8Array {
  let out = b;
  for (let k = 0; k < rounds && out.length > 0; k++) {
    const at = r.int(out.length);
    switch (r.int(6)) {
      case 0: {
        out = out.slice();
        for (let i = 0; i < 1 + r.int(8); i++) out[r.int(out.length)] ^= 1 << r.int(8);
        break;
      }
      case 1: {
        const run = new Uint8Array(1 + r.int(64)).map(() => (r.chance(0.3) ? r.pick(CONTROL_BYTES) : r.int(256)));
        out = concat(out.subarray(0, at), run, out.subarray(at));
        break;
      }
      case 2:
        out = concat(out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + r.int(512))));
        break;
      case 3: {
        const len = 1 + r.int(Math.min(4096, out.length - at));
        out = concat(out.subarray(0, at + len), out.subarray(at, at + len), out.subarray(at + len));
        break;
      }
      case 4:
        out = out.subarray(0, at);
        break;
      default: {
        out = out.slice();
        out[at] = r.pick(CONTROL_BYTES);
      }
    }
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

/** Text edits that keep it looking like a plan: inserted grammar fragments, duplicated/dropped/long lines, controls. */
function mutateText(r: Rng, text: string): string {
  let lines = text.split('\n');
  for (let k = 0; k < 1 + r.int(6); k++) {
    const i = r.int(Math.max(1, lines.length));
    switch (r.int(8)) {
      case 0:
        lines.splice(i, 0, Array.from({ length: 1 + r.int(6) }, () => r.pick(PLAN_BITS)).join(''));
        break;
      case 1:
        lines.splice(i, 1);
        break;
      case 2:
        lines.splice(i, 0, ...lines.slice(i, i + 1 + r.int(20)));
        break;
      case 3: {
        const l = lines[i] ?? '';
        const at = r.int(l.length + 1);
        lines[i] = l.slice(0, at) + r.pick(PLAN_BITS) + l.slice(at);
        break;
      }
      case 4:
        lines[i] = (lines[i] ?? '') + r.pick(PLAN_BITS).repeat(1 + r.int(r.chance(0.1) ? 5000 : 200));
        break;
      case 5:
        lines = lines.reverse();
        break;
      case 6:
        lines.splice(i, 0, ...Array.from({ length: 1 + r.int(300) }, (_, n) => `${r.pick(['（', '', '('])}${n + 1}${r.pick(['）', '.', '、'])}${r.pick(PLAN_BITS)}`));
        break;
      default:
        lines[i] = (lines[i] ?? '').replace(/[\u4e00-\u9fff]/g, (c) => (r.chance(0.05) ? r.pick(PLAN_BITS) : c));
    }
  }
  return lines.join(r.chance(0.1) ? '\r\n' : r.chance(0.05) ? '\r' : '\n');
}

/** Text as bytes in one of the encodings the reader sniffs, sometimes with random bytes of that encoding inserted. */
function encode(r: Rng, text: string): Uint8Array {
  const kind = r.int(6);
  let bytes: Uint8Array;
  if (kind === 0) bytes = concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(text, 'utf16le')));
  else if (kind === 1) {
    const le = Buffer.from(text, 'utf16le');
    bytes = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) (bytes[i] = le[i + 1]), (bytes[i + 1] = le[i]);
    if (r.chance(0.5)) bytes = concat(new Uint8Array([0xfe, 0xff]), bytes);
  } else if (kind === 2) bytes = new Uint8Array(Buffer.from(text, 'utf16le')); // UTF-16LE without BOM
  else if (kind === 3) bytes = gbk(text);
  else bytes = utf8.encode(r.chance(0.2) ? '\ufeff' + text : text);
  if (r.chance(0.5)) {
    // random code units of that encoding: GB18030 lead/trail pairs, UTF-16 units incl. lone surrogates, bad UTF-8
    const n = 1 + r.int(40);
    const junk = new Uint8Array(n * 2);
    for (let i = 0; i < junk.length; i += 2) {
      if (kind === 3) (junk[i] = 0x81 + r.int(0x7e)), (junk[i + 1] = r.chance(0.8) ? 0x40 + r.int(0xbf) : r.int(256));
      else if (kind <= 2) (junk[i] = r.int(256)), (junk[i + 1] = r.chance(0.3) ? 0xd8 + r.int(8) : r.int(256));
      else (junk[i] = 0x80 + r.int(0x80)), (junk[i + 1] = r.int(256));
    }
    let at = r.int(bytes.length + 1);
    if (kind <= 2) at -= at % 2;
    bytes = concat(bytes.subarray(0, at), junk, bytes.subarray(at));
  }
  return bytes;
}

/** GBK where possible; characters GBK lacks (the surrogates and emoji we insert) become '?'. */
function gbk(text: string): Uint8Array {
  try {
    return encodeGbk(text);
  } catch {
    return encodeGbk([...text].map((c) => (c.charCodeAt(0) < 0x80 || /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(c) ? c : '?')).join(''));
  }
}

const decodeUtf8 = (b: Uint8Array) => new TextDecoder().decode(b);

// ---------------------------------------------------------------- per adapter

function textInput(r: Rng, seed: Uint8Array): Uint8Array {
  if (r.chance(0.05)) return new Uint8Array(1 + r.int(2048)).map(() => r.int(256)); // pure noise
  const bytes = encode(r, mutateText(r, decodeUtf8(seed)));
  return r.chance(0.2) ? damageBytes(r, bytes) : bytes;
}

const MD_BITS = ['> ', '>'.repeat(50) + ' ', '- ', '  - ', '1. ', '# ', '###### ', '```\n', '|a|b|\n|-|-|\n', '<div>', '</div>', '***', '[x](javascript:alert(1))', '![i](x)', '<!--', '\\', '    ', '\n---\n', '$$'];
function markdownInput(r: Rng, seed: Uint8Array): Uint8Array {
  let text = mutateText(r, decodeUtf8(seed));
  const lines = text.split('\n');
  for (let k = 0; k < 1 + r.int(5); k++) {
    const i = r.int(lines.length);
    const bit = r.pick(MD_BITS);
    lines[i] = (r.chance(0.1) ? bit.repeat(1 + r.int(300)) : bit) + (lines[i] ?? '');
  }
  text = lines.join('\n');
  return r.chance(0.8) ? utf8.encode(text) : encode(r, text);
}

const TAGS = ['div', 'p', 'span', 'table', 'tr', 'td', 'th', 'tbody', 'li', 'ol', 'ul', 'h1', 'h3', 'br', 'font', 'b', 'center', 'pre', 'svg', 'math', 'template', 'select', 'option', 'textarea', 'title', 'nav', 'footer', 'article', 'iframe'];
const ATTRS = ['colspan="1000000"', 'rowspan="65535"', 'colspan="-3"', 'rowspan="0"', 'start="-5"', 'class="nav menu"', 'id="footer"', 'style="display:none"', 'hidden', 'align="center"', 'href="javascript:alert(1)"'];
const HTML_BITS = ['&#0;', '&#x110000;', '&#xD800;', '&nbsp', '&amp;lt;', '&#x1b;', '<!--', '-->', '<![CDATA[x]]>', '<!doctype html>', '<script>', '</script>', '<style>', '</style>', '<meta charset="gb2312">', '<plaintext>', '<frameset>', '<base href="http://x/">', '<?xml?>'];
function htmlInput(r: Rng, seed: Uint8Array): Uint8Array {
  let html = decodeUtf8(seed);
  for (let k = 0; k < 1 + r.int(8); k++) {
    const at = r.int(html.length + 1);
    let piece: string;
    switch (r.int(6)) {
      case 0: {
        const t = r.pick(TAGS);
        piece = `<${t}${r.chance(0.5) ? ' ' + r.pick(ATTRS) : ''}>${r.chance(0.5) ? r.pick(PLAN_BITS) : ''}${r.chance(0.6) ? `</${t}>` : ''}`;
        break;
      }
      case 1: {
        // nesting around the limit: sometimes under, sometimes over
        const t = r.pick(TAGS);
        const n = r.pick([10, 100, 250, 257, 300, 2000]);
        piece = `<${t}>`.repeat(n) + r.pick(PLAN_BITS) + (r.chance(0.7) ? `</${t}>`.repeat(n) : '');
        break;
      }
      case 2:
        piece = r.pick(HTML_BITS);
        break;
      case 3: {
        html = html.slice(0, at) + html.slice(Math.min(html.length, at + r.int(400)));
        continue;
      }
      case 4:
        piece = `<table>${Array.from({ length: 1 + r.int(20) }, () => `<tr>${Array.from({ length: 1 + r.int(6) }, () => `<td ${r.pick(ATTRS)}>${r.pick(PLAN_BITS)}`).join('')}`).join('')}</table>`;
        break;
      default:
        piece = r.pick(PLAN_BITS).repeat(1 + r.int(50));
    }
    html = html.slice(0, at) + piece + html.slice(at);
  }
  const bytes = r.chance(0.85) ? utf8.encode(html) : encode(r, html);
  return r.chance(0.1) ? damageBytes(r, bytes) : bytes;
}

/** XML edits: dropped/duplicated elements, deep nesting, bad entities, absurd attribute values, controls. */
function mutateXml(r: Rng, xml: string): string {
  for (let k = 0; k < 1 + r.int(5); k++) {
    const tags = [...xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*>/g)];
    if (tags.length === 0) break;
    const m = r.pick(tags);
    const at = m.index!;
    switch (r.int(9)) {
      case 0: // drop a tag (unbalances the tree)
        xml = xml.slice(0, at) + xml.slice(at + m[0].length);
        break;
      case 1: {
        // duplicate a stretch
        const len = r.int(Math.min(5000, xml.length - at));
        xml = xml.slice(0, at + len) + xml.slice(at, at + len) + xml.slice(at + len);
        break;
      }
      case 2: {
        const name = r.pick(['w:sdt', 'w:tbl', 'w:customXml', 'w:ins', 'w:hyperlink', 'ofd:Layer', 'w:r']);
        const n = r.pick([5, 60, 200, 300, 5000]);
        const open = name === 'w:sdt' ? '<w:sdt><w:sdtContent>' : `<${name}>`;
        const close = name === 'w:sdt' ? '</w:sdtContent></w:sdt>' : `</${name}>`;
        xml = xml.slice(0, at) + open.repeat(n) + close.repeat(n) + xml.slice(at);
        break;
      }
      case 3:
        xml = xml.slice(0, at) + r.pick(['&#0;', '&#x110000;', '&#xD800;', '&#99999999999;', '&bogus;', '&', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<?pi?>']) + xml.slice(at);
        break;
      case 4: // absurd attribute values
        xml = xml.replace(/(w:(?:val|gridSpan|ilvl|numId|sz|firstLineChars|char|w|h|abstractNumId|start)|Boundary|FontSize|ID)="[^"]*"/, () => `${r.pick(['w:val', 'w:gridSpan', 'w:ilvl', 'w:numId', 'w:start', 'w:char'])}="${r.pick(['-1', '0', '999999999', 'NaN', '1e308', 'ffff', '', '%1%2%3%9', 'chineseCounting'])}"`);
        xml = xml.slice(0, at) + xml.slice(at).replace(/="[^"]*"/, `="${r.pick(['-1', '999999999', '', 'x'.repeat(10000), '0 0 1e9 1e9', 'NaN'])}"`);
        break;
      case 5:
        xml = xml.slice(0, at) + `<w:p><w:r><w:t>${r.pick(PLAN_BITS).replace(/[<&]/g, '')}</w:t></w:r></w:p>` + xml.slice(at);
        break;
      case 6: // gridSpan / vMerge / numbering soup
        xml = xml.slice(0, at) + r.pick(['<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc>', '<w:vMerge/>', '<w:numPr><w:ilvl w:val="99"/><w:numId w:val="7"/></w:numPr>', '<w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl>', '<w:sym w:char="110000"/>', '<w:sym w:char="zz"/>']) + xml.slice(at);
        break;
      case 7:
        xml = xml.slice(0, at) + '\x1b[2J\x00\x07' + xml.slice(at);
        break;
      default:
        xml = xml.slice(0, at);
    }
  }
  return xml;
}

function zipInput(r: Rng, seed: Uint8Array): Uint8Array {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(seed);
  } catch {
    return damageBytes(r, seed);
  }
  const names = Object.keys(entries);
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  const main = names.find((n) => /document\.xml$|Content_\d+\.xml$|content\.xml$/i.test(n)) ?? r.pick(xmlNames);
  // mutate the main part more often than the others
  for (let k = 0; k < 1 + r.int(3); k++) {
    const name = r.chance(0.6) && main ? main : r.pick(xmlNames.length ? xmlNames : names);
    if (!name) break;
    entries[name] = utf8.encode(mutateXml(r, decodeUtf8(entries[name])));
  }
  let inputs: ZipInput[] = Object.entries(entries).map(([name, data]) => ({ name, data, store: r.chance(0.3) }));
  switch (r.int(6)) {
    case 0: // a duplicate entry with other content
      if (main) inputs.push({ name: main, data: utf8.encode(mutateXml(r, decodeUtf8(entries[main]))) });
      break;
    case 1: // a declared size that lies
      inputs = inputs.map((e) => (r.chance(0.3) ? { ...e, declaredSize: r.pick([0, 1, e.data.length + 1, 0x7fffffff, 0xffffffff]) } : e));
      break;
    case 2: // a required part missing
      inputs.splice(r.int(inputs.length), 1);
      break;
    case 3: // odd names
      inputs.push({ name: r.pick(['../../evil.xml', '/abs.xml', 'word/../word/document.xml', 'a'.repeat(300), '名字.xml']), data: utf8.encode('<x/>') });
      break;
    default:
      break;
  }
  const zip = writeZip(inputs);
  return r.chance(0.15) ? damageBytes(r, zip) : zip;
}

/** PDF edits by structure: objects, streams, xref, fonts; then a little byte damage. */
function pdfInput(r: Rng, seed: Uint8Array): Uint8Array {
  let s = latin1(seed);
  for (let k = 0; k < 1 + r.int(3); k++) {
    switch (r.int(8)) {
      case 0: {
        // truncated xref / trailer
        const x = s.lastIndexOf(r.pick(['xref', 'trailer', 'startxref', '%%EOF']));
        if (x > 0) s = s.slice(0, x + r.int(Math.max(1, s.length - x)));
        break;
      }
      case 1: // startxref pointing anywhere
        s = s.replace(/startxref\s+\d+/, `startxref\n${r.pick([0, 1, 999999999, s.length, r.int(s.length)])}`);
        break;
      case 2: {
        // an object's numbers made absurd
        const objs = [...s.matchAll(/\d+ 0 obj[\s\S]*?endobj/g)];
        if (!objs.length) break;
        const o = r.pick(objs);
        const body = o[0].replace(/-?\d+(\.\d+)?/g, (n) => (r.chance(0.3) ? String(r.pick([-1, 0, 2147483648, 1e300, 99999])) : n));
        s = s.slice(0, o.index!) + body + s.slice(o.index! + o[0].length);
        break;
      }
      case 3: {
        // stream bytes damaged, or its /Length wrong
        const streams = [...s.matchAll(/stream\r?\n/g)];
        if (!streams.length) break;
        const st = r.pick(streams);
        const from = st.index! + st[0].length;
        if (r.chance(0.5)) {
          const chars = s.slice(from, from + 64).split('');
          for (let i = 0; i < 1 + r.int(6); i++) if (chars.length) chars[r.int(chars.length)] = String.fromCharCode(r.int(256));
          s = s.slice(0, from) + chars.join('') + s.slice(from + 64);
        } else s = s.replace(/\/Length \d+/, `/Length ${r.pick([0, 1, 999999999, -5])}`);
        break;
      }
      case 4: // broken fonts: wrong subtype, junk font program, bad encoding / ToUnicode
        s = s.replace(r.pick([/\/Subtype\s*\/\w+/, /\/Encoding\s*\/[\w-]+/, /\/FontFile\d?\s+\d+ 0 R/, /\/ToUnicode\s+\d+ 0 R/, /\/BaseFont\s*\/[\w+-]+/]), r.pick(['/Subtype /Type3', '/Encoding /Identity-H', '/FontFile2 1 0 R', '/ToUnicode 9999 0 R', '/BaseFont /', '/Subtype /CIDFontType0']));
        break;
      case 5: {
        // an object duplicated or an endobj dropped
        const objs = [...s.matchAll(/\d+ 0 obj[\s\S]*?endobj/g)];
        if (!objs.length) break;
        const o = r.pick(objs);
        s = r.chance(0.5) ? s.slice(0, o.index!) + o[0] + '\n' + o[0] + s.slice(o.index! + o[0].length) : s.replace(o[0], o[0].replace(/endobj$/, ''));
        break;
      }
      case 6: // references to missing or self objects; deep arrays / dictionaries
        s = s.replace(/\d+ 0 R/, r.pick(['9999 0 R', '0 0 R', '1 0 R', '[' .repeat(2000) + ']'.repeat(2000), '<<'.repeat(500) + '>>'.repeat(500)]));
        break;
      default: // page tree made odd
        s = s.replace(/\/Count \d+/, `/Count ${r.pick([0, -1, 100000, 3])}`).replace(/\/Kids\s*\[/, r.chance(0.3) ? '/Kids [ 9999 0 R ' : '/Kids [');
    }
  }
  const bytes = fromLatin1(s);
  return r.chance(0.3) ? damageBytes(r, bytes, 1 + r.int(2)) : bytes;
}

const GENERATORS: Record<Adapter, (r: Rng, seed: Uint8Array) => Uint8Array> = {
  text: textInput,
  markdown: markdownInput,
  html: htmlInput,
  docx: zipInput,
  ofd: zipInput,
  pdf: pdfInput,
};

/** Input `index` of an adapter's fuzz stream for `seed`; undefined when the adapter has no seed file here. */
export function fuzzInput(adapter: Adapter, seed: number, index: number): Uint8Array | undefined {
  const pool = seeds(adapter);
  if (pool.length === 0) return undefined;
  const r = new Rng(inputSeed(adapter, seed, index));
  return GENERATORS[adapter](r, r.pick(pool));
}

/** How one input ended. `crash`: anything but a ParseResult or a GongwenError. */
export type Outcome = { kind: 'result' } | { kind: 'error'; code: string } | { kind: 'crash'; error: string };

/**
 * Parse one input and classify the outcome. The format is forced for
 * markdown (the sniffer may call a mutated file text) and left to sniffing
 * otherwise, which is what users get.
 */
export async function runInput(adapter: Adapter, bytes: Uint8Array): Promise<Outcome> {
  const { parseBytes, isGongwenError } = await import('../../src/index.js');
  try {
    await parseBytes(bytes, { name: `fuzz.${ADAPTERS[adapter]}`, ...(adapter === 'markdown' ? { format: 'markdown' } : {}) });
    return { kind: 'result' };
  } catch (error) {
    if (isGongwenError(error)) {
      // a GongwenError that only wraps an engine failure (stack overflow, a TypeError) is a bug with a typed face
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof RangeError || cause instanceof TypeError || cause instanceof ReferenceError)
        return { kind: 'crash', error: `${error.code} wrapping ${cause.name}: ${cause.message}` };
      // the result failed its own schema: typed, but a bug by definition
      if (error.code === 'SCHEMA_VIOLATION') return { kind: 'crash', error: `SCHEMA_VIOLATION: ${error.message}` };
      return { kind: 'error', code: error.code };
    }
    return { kind: 'crash', error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
  }
}
