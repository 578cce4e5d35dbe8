/**
 * .doc / .wps adapter: Word 97–2003 binary documents (and WPS Office's
 * .wps, the same compound file with a WordDocument stream) → TextBlocks.
 * word-extractor reads the text (piece table); we split it into paragraphs
 * and table rows and synthesise a source text the spans point into. Headers
 * and footers are page chrome. Word's automatic numbering is not stored in
 * the text of a binary document, so when paragraphs use it we say so: their
 * outline markers are missing from what we read.
 */
import { ErrorCode, GongwenError } from '../../errors.js';
import { diagnostic } from '../../diagnostics/codes.js';
import type { TextBlock } from '../block.js';
import type { Extracted } from '../format.js';
import { compoundStreamNames } from '../compound.js';
import { readWordStories, type WordStories } from './word-node.js';
import { countNumberedParagraphs } from './fib.js';

export async function extractDoc(bytes: Uint8Array): Promise<Extracted> {
  // Every sector chain is checked first: word-extractor would loop on a damaged allocation table.
  if (!compoundStreamNames(bytes).includes('WordDocument')) {
    throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, 'This compound file has no WordDocument stream: it is not a Word or WPS document. Save the plan as DOCX or PDF.');
  }
  let stories: WordStories;
  try {
    stories = await readWordStories(bytes);
  } catch (err) {
    if (err instanceof GongwenError) throw err;
    checkFib((err as { wordStream?: Uint8Array }).wordStream);
    throw corrupt('Its text could not be read', err);
  }
  const { word, table } = stories.streams;
  checkFib(word);

  const out = synthesise(stories.paragraphs, [stories.headers, stories.footers]);
  const numbered = word && table ? countNumberedParagraphs(word, table) : 0;
  if (numbered > 0) {
    out.diagnostics = [
      diagnostic(
        'OUTLINE_MARKERS_MISSING',
        `${numbered} paragraph(s) use Word automatic numbering, which a .doc/.wps file keeps outside its text: ` +
          'their markers (一、/（一）/1.) are missing here, so the outline was inferred from the markers that are typed. ' +
          'Save the file as DOCX for the numbering to be read.',
      ),
    ];
  }
  return out;
}

/** Word 97 FIB checks that turn a failure (or garbage) into the message the user needs. */
function checkFib(word: Uint8Array | undefined): void {
  if (!word) return;
  if (word.length < 0x1aa || (word[0] | (word[1] << 8)) !== 0xa5ec) {
    throw new GongwenError(
      ErrorCode.UNSUPPORTED_FORMAT,
      'This compound file has a WordDocument stream but not in the Word 97–2003 layout (perhaps Word 6/95 or an early WPS). Open it in Word or WPS and save it as DOCX.',
    );
  }
  if (word[0x0b] & 0x01) {
    throw new GongwenError(ErrorCode.UNSUPPORTED_FORMAT, 'This .doc is password-protected (encrypted). Remove the password in Word or WPS and save it again.');
  }
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
