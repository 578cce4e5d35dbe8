/** toLedger accepts a ParseResult, a PolicyDocument, or an array of either; this flattens them to documents with their source name. */
import { GongwenError } from '../errors.js';
import type { ParseResult, PolicyDocument } from '../schema/document.js';

/** What {@link toLedger} accepts: a ParseResult, a PolicyDocument, or an array mixing both. */
export type LedgerInput = ParseResult | PolicyDocument | ReadonlyArray<ParseResult | PolicyDocument>;

/** A document of a ledger input, with where it came from. */
export interface SourcedDocument {
  /** The document. */
  doc: PolicyDocument;
  /** ParseResult.source.name, when the input was a ParseResult. */
  source?: string;
  /** Index of the document within its ParseResult. */
  index: number;
}

const isParseResult = (x: unknown): x is ParseResult =>
  typeof x === 'object' && x !== null && Array.isArray((x as ParseResult).documents) && typeof (x as ParseResult).source === 'object';
const isDocument = (x: unknown): x is PolicyDocument =>
  typeof x === 'object' && x !== null && Array.isArray((x as PolicyDocument).sections) && typeof (x as PolicyDocument).title === 'string';

/**
 * Every document of a ledger input, in order.
 *
 * @throws {@link GongwenError} `INVALID_OPTIONS` when an item is neither a ParseResult nor a PolicyDocument.
 */
export function documentsOf(input: LedgerInput): SourcedDocument[] {
  const items: unknown[] = Array.isArray(input) ? input : [input];
  return items.flatMap((item, k): SourcedDocument[] => {
    if (isParseResult(item)) return item.documents.map((doc, index) => ({ doc, source: item.source.name, index }));
    if (isDocument(item)) return [{ doc: item, index: 0 }];
    throw new GongwenError(
      'INVALID_OPTIONS',
      `toLedger: item ${k} is neither a ParseResult nor a PolicyDocument; pass what parse()/parseText() return, or one of its documents.`,
    );
  });
}
