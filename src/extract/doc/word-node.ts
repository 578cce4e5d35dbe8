/**
 * The text stories of a Word 97–2003 / WPS binary document, read by
 * word-extractor (piece table, deleted revisions dropped, field codes
 * removed). Node only: word-extractor needs Buffer and node:stream; the
 * browser build swaps this module for word-browser.ts.
 */
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';

export interface WordStories {
  body: string;
  headers: string;
  footers: string;
  footnotes: string;
  endnotes: string;
  annotations: string;
  textboxes: string;
}

export async function readWordStories(bytes: Uint8Array): Promise<WordStories> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const doc = await new WordOleExtractor().extract(new BufferReader(buffer));
  return {
    body: doc.getBody(),
    headers: doc.getHeaders({ includeFooters: false }),
    footers: doc.getFooters(),
    footnotes: doc.getFootnotes(),
    endnotes: doc.getEndnotes(),
    annotations: doc.getAnnotations(),
    textboxes: doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }),
  };
}
