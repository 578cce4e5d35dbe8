/**
 * DOCX adapter: bytes → the same TextBlock stream every other format yields.
 * We read the package ourselves (central directory first, so bombs are refused
 * before inflating), walk document.xml, recover Word auto-numbering, expand
 * tables, and synthesise a source text (blocks separated by blank lines) that
 * every span points into.
 */
import { ErrorCode, GongwenError } from '../../errors.js';
import type { TextBlock } from '../block.js';
import { BodyWalker } from './body.js';
import { Numbering } from './numbering.js';
import { parseStyles } from './styles.js';
import { child, children, parseXml, type XmlElement } from './xml.js';
import { ZipArchive, zipLimits } from '../zip.js';

export interface ExtractDocxOptions {
  /** Refuse (TOO_LARGE) packages whose declared uncompressed size exceeds this. Default 200 MB. */
  maxUncompressedBytes?: number;
}

export interface DocxExtraction {
  text: string;
  blocks: TextBlock[];
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Resolve a relationship target relative to the part that owns the .rels. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(zip: ZipArchive, part: string): { type: string; target: string }[] {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const xml = zip.readText(relsName);
  if (!xml) return [];
  return children(parseXml(xml, relsName), 'Relationship')
    .filter((r) => r.attrs.TargetMode !== 'External')
    .map((r) => ({ type: r.attrs.Type ?? '', target: resolveTarget(part, r.attrs.Target ?? '') }));
}

function readPart(zip: ZipArchive, name: string | undefined): XmlElement | undefined {
  if (!name) return undefined;
  const xml = zip.readText(name);
  return xml === undefined ? undefined : parseXml(xml, name);
}

export async function extractDocx(bytes: Uint8Array, options: ExtractDocxOptions = {}): Promise<DocxExtraction> {
  try {
    return extract(bytes, options);
  } catch (err) {
    if (err instanceof GongwenError) throw err;
    // Offsets past the end, bad UTF-8 in names…: anything unexpected here means a damaged package.
    throw new GongwenError(ErrorCode.FILE_CORRUPT, `The DOCX could not be read (${(err as Error)?.message ?? err}); it is damaged or truncated.`, { cause: err });
  }
}

function extract(bytes: Uint8Array, options: ExtractDocxOptions): DocxExtraction {
  const zip = ZipArchive.open(bytes, zipLimits(options.maxUncompressedBytes, 'DOCX'));
  // The main part is normally word/document.xml, but the package relationships are authoritative.
  const main = relationships(zip, '').find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml';
  if (!zip.has(main)) {
    throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, `This ZIP is not a Word document (no ${main}). Save the file as .docx from Word or WPS.`, {
      details: { entries: [...zip.entries.keys()].slice(0, 20) },
    });
  }
  const rels = relationships(zip, main);
  const partOf = (kind: string, fallback: string) => rels.find((r) => r.type.endsWith(`/${kind}`))?.target ?? (zip.has(fallback) ? fallback : undefined);
  const styles = parseStyles(readPart(zip, partOf('styles', 'word/styles.xml')));
  const numbering = new Numbering(readPart(zip, partOf('numbering', 'word/numbering.xml')), styles);
  const document = readPart(zip, main)!;
  const body = child(document, 'w:body');
  if (!body) throw new GongwenError(ErrorCode.FILE_CORRUPT, `${main} has no w:body; the DOCX is damaged.`);

  const walker = new BodyWalker(styles, numbering);
  walker.walk(body);
  return synthesise(walker.items);
}

function synthesise(items: BodyWalker['items']): DocxExtraction {
  let text = '';
  let line = 1;
  const blocks: TextBlock[] = [];
  const push = (make: (span: TextBlock['span']) => TextBlock, blockText: string) => {
    if (text) {
      text += '\n\n';
      line += 2;
    }
    const start = text.length;
    text += blockText;
    const block = make({ start, end: text.length, line });
    if (blocks.length) block.gapBefore = true;
    blocks.push(block);
    for (let i = blockText.indexOf('\n'); i >= 0; i = blockText.indexOf('\n', i + 1)) line++;
  };
  for (const item of items) {
    if (item.type === 'paragraph') {
      push(
        (span) => ({
          kind: item.heading ? 'heading' : 'paragraph',
          text: item.text,
          span,
          ...(item.listMarker ? { listMarker: item.listMarker } : {}),
          ...(Object.keys(item.style).length ? { style: item.style } : {}),
        }),
        item.text,
      );
      continue;
    }
    const header = item.rows[item.headerRows - 1];
    item.rows.forEach((cells, i) => {
      // Cells are tab-separated in the synthesised text; a cell's own line breaks stay inside it.
      const rowText = cells.join('\t');
      push((span) => ({ kind: 'table-row', text: rowText, span, cells, header, ...(i < item.headerRows ? { role: 'table-header' } : {}) }), rowText);
    });
  }
  return { text, blocks };
}
