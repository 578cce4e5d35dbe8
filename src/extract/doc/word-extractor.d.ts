// word-extractor ships no types; we use its OLE (.doc) extractor directly, not its
// entry point, which also pulls in yauzl and fs for DOCX (gongwen reads DOCX itself).
declare module 'word-extractor/lib/word-ole-extractor.js' {
  interface Plain {
    filterUnicode?: boolean;
  }
  interface WordDocument {
    getBody(options?: Plain): string;
    getFootnotes(options?: Plain): string;
    getEndnotes(options?: Plain): string;
    getHeaders(options?: Plain & { includeFooters?: boolean }): string;
    getFooters(options?: Plain): string;
    getAnnotations(options?: Plain): string;
    getTextboxes(options?: Plain & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocument>;
    streamBuffer(stream: unknown): Promise<Uint8Array>;
  }
}
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Uint8Array);
  }
}
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }>;
  }
}
