/**
 * Browser twin of word-node.ts: word-extractor needs Node's Buffer and
 * streams, so legacy .doc/.wps files are read in Node only.
 */
import { ErrorCode, GongwenError } from '../../errors.js';
import type { WordStories } from './word-node.js';

export type { WordStories };

export async function readWordStories(_bytes: Uint8Array): Promise<WordStories> {
  throw new GongwenError(
    ErrorCode.UNSUPPORTED_FORMAT,
    'Word 97–2003 / WPS binary files (.doc, .wps) are read by the Node build only. Parse it in Node, or save it as DOCX.',
  );
}
