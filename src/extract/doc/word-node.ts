/**
 * The text stories of a Word 97–2003 / WPS binary document, read by
 * word-extractor (piece table, deleted revisions dropped, field codes
 * removed). Node only: word-extractor needs Buffer and node:stream; the
 * browser build swaps this module for word-browser.ts.
 */
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';

export interface WordStories {
  /** Main-text paragraphs; a manual line break (Shift+Enter) inside one is `\n`. */
  paragraphs: string[];
  headers: string;
  footers: string;
  /** The WordDocument stream (FIB, text, property pages) and the table stream, as word-extractor read them. */
  streams: { word?: Uint8Array; table?: Uint8Array };
}

/** word-extractor reads the WordDocument stream, then the table stream; we keep both (for the FIB and list checks) instead of opening the compound file twice. */
class KeepingStreams extends WordOleExtractor {
  buffers: Uint8Array[] = [];
  streamBuffer(stream: unknown): Promise<Uint8Array> {
    return super.streamBuffer(stream).then((b) => (this.buffers.push(b), b));
  }
}

export async function readWordStories(bytes: Uint8Array): Promise<WordStories> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const extractor = new KeepingStreams();
  try {
    const doc = await extractor.extract(new BufferReader(buffer));
    // Unicode quotes and dashes kept as written (the default would turn “”— into "-).
    const plain = { filterUnicode: false };
    return {
      paragraphs: mainParagraphs(extractor) ?? doc.getBody(plain).split('\n'),
      headers: doc.getHeaders({ includeFooters: false, ...plain }),
      footers: doc.getFooters(plain),
      streams: { word: extractor.buffers[0], table: extractor.buffers[1] },
    };
  } catch (err) {
    // The caller tells a non-Word-97 or encrypted FIB from damage by the stream it got.
    throw Object.assign(err instanceof Error ? err : new Error(String(err)), { wordStream: extractor.buffers[0] });
  }
}

/**
 * The main text split at paragraph marks, from the extractor's piece table.
 * word-extractor's own getBody() turns paragraph marks and manual line
 * breaks alike into "\n"; a title typed over three lines with Shift+Enter is
 * one paragraph, so we split the raw text ourselves, cleaning it the same
 * way (field codes → their results, deleted revisions and object anchors
 * dropped, cell marks → tabs). Undefined when the extractor's internals are
 * not what we expect (another version): the caller falls back to getBody().
 */
function mainParagraphs(extractor: unknown): string[] | undefined {
  const x = extractor as { _pieces?: { text?: unknown }[]; _boundaries?: { ccpText?: unknown } };
  if (!Array.isArray(x._pieces) || typeof x._boundaries?.ccpText !== 'number') return undefined;
  if (!x._pieces.every((p) => typeof p.text === 'string')) return undefined;
  let raw = x._pieces.map((p) => p.text as string).join('').slice(0, x._boundaries.ccpText);
  // Fields: \x13 instruction \x14 result \x15, innermost first (as word-extractor does).
  for (let again = raw.includes('\x13'); again; ) {
    again = false;
    raw = raw.replace(/\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15/g, (_, result: string) => ((again = true), result));
  }
  // One pass over the control characters: cell marks → tab, manual line break → a placeholder
  // that survives the paragraph split, non-breaking hyphen, and the rest (anchors, deletions) dropped.
  raw = raw.replace(/[\x00-\x08\x0b\x13-\x15\x1e\x1f]/g, (c) => (c === '\x07' ? '\t' : c === '\x0b' ? '\u2028' : c === '\x1e' ? '\u2011' : ''));
  const paragraphs = raw.split(/[\r\n\x0c]/);
  return raw.includes('\u2028') ? paragraphs.map((p) => p.replace(/\u2028/g, '\n')) : paragraphs;
}
