/**
 * .doc / .wps adapter: Word 97–2003 binary documents (and WPS Office's
 * .wps, the same compound file with a WordDocument stream) → TextBlocks.
 * word-extractor reads the text (piece table); we split it into paragraphs
 * and table rows and synthesise a source text the spans point into. Headers
 * and footers are page chrome. Word's automatic numbering is not stored in
 * the text of a binary document, so when paragraphs use it we say so: their
 * outline markers are missing from what we read.
 */
import CFB from 'cfb';
import { ErrorCode, GongwenError } from '../../errors.js';
import type { Diagnostic } from '../../schema/diagnostic.js';
import type { TextBlock } from '../block.js';
import type { Extracted } from '../format.js';
import { readWordStories } from './word-node.js';
import { countNumberedParagraphs } from './fib.js';

export async function extractDoc(bytes: Uint8Array): Promise<Extracted> {
  let streams: { word: Uint8Array; table?: Uint8Array };
  try {
    const cfb = CFB.parse(bytes);
    const get = (name: string) => {
      const e = CFB.find(cfb, name);
      return e?.content ? new Uint8Array(e.content as ArrayLike<number>) : undefined;
    };
    const word = get('WordDocument');
    if (!word) throw new Error('no WordDocument stream');
    const flags = word.length >= 12 ? word[10] | (word[11] << 8) : 0;
    streams = { word, table: get(flags & 0x0200 ? '1Table' : '0Table') };
  } catch (err) {
    throw corrupt('Its compound-file directory cannot be read', err);
  }
  const { word } = streams;
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (word.length < 0x1a2 + 8 || view.getUint16(0, true) !== 0xa5ec) {
    throw new GongwenError(
      ErrorCode.UNSUPPORTED_FORMAT,
      'This compound file has a WordDocument stream but not in the Word 97–2003 layout (perhaps Word 6/95 or an early WPS). Open it in Word or WPS and save it as DOCX.',
    );
  }
  if (view.getUint16(10, true) & 0x0100) {
    throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, 'This .doc is password-protected (encrypted). Remove the password in Word or WPS and save it again.');
  }

  let stories: Awaited<ReturnType<typeof readWordStories>>;
  try {
    stories = await readWordStories(bytes);
  } catch (err) {
    if (err instanceof GongwenError) throw err;
    throw corrupt('Its text could not be read', err);
  }

  const out = synthesise(stories.paragraphs, [stories.headers, stories.footers]);
  const numbered = streams.table ? countNumberedParagraphs(word, streams.table) : 0;
  if (numbered > 0) {
    const d: Diagnostic = {
      code: 'OUTLINE_MARKERS_MISSING',
      severity: 'warning',
      message:
        `${numbered} paragraph(s) use Word automatic numbering, which a .doc/.wps file keeps outside its text: ` +
        'their markers (一、/（一）/1.) are missing here, so the outline was inferred from the markers that are typed. ' +
        'Save the file as DOCX for the numbering to be read.',
    };
    out.diagnostics = [d];
  }
  return out;
}

function corrupt(what: string, cause: unknown): GongwenError {
  return new GongwenError(ErrorCode.FILE_CORRUPT, `${what}: the .doc/.wps file is damaged or truncated. Re-save it from Word or WPS.`, { cause });
}

/** A table row as word-extractor writes it: cells ended by tabs (Word's cell marks), the row mark a last tab. */
function tableCells(line: string): string[] | undefined {
  if (!line.endsWith('\t')) return undefined;
  const cells = line.replace(/\t+$/, '').split('\t');
  return cells.length >= 2 ? cells : undefined;
}

function synthesise(paragraphs: string[], chrome: string[]): Extracted {
  let text = '';
  let line = 1;
  const blocks: TextBlock[] = [];
  const noise: TextBlock[] = [];
  let header: string[] | undefined;
  // Every Word paragraph is a paragraph: blocks are separated by a blank line, as the DOCX adapter does.
  const push = (blockText: string, make: (span: TextBlock['span']) => TextBlock, into: TextBlock[]) => {
    if (text) {
      text += '\n\n';
      line += 2;
    }
    const start = text.length;
    text += blockText;
    into.push(make({ start, end: text.length, line }));
  };
  for (const raw of paragraphs) {
    const cells = tableCells(raw);
    if (!cells) header = undefined;
    const t = cells ? cells.join('\t') : raw;
    if (!t.trim()) {
      continue;
    }
    const gapBefore = blocks.length > 0;
    if (cells) {
      const isHeader = header === undefined;
      if (isHeader) header = cells;
      const h = header;
      push(t, (span) => ({ kind: 'table-row', text: t, span, cells, header: h, ...(isHeader ? { role: 'table-header' } : {}), ...(gapBefore ? { gapBefore } : {}) }), blocks);
    } else {
      push(t, (span) => ({ kind: 'paragraph', text: t, span, ...(gapBefore ? { gapBefore } : {}) }), blocks);
    }
  }
  chrome.forEach((story, k) => {
    const role = k === 0 ? 'running-header' : 'running-footer';
    for (const l of story.split('\n')) {
      if (l.trim()) push(l, (span) => ({ kind: 'furniture', text: l, span, role, gapBefore: true }), noise);
    }
  });
  return { text, blocks, noise };
}
