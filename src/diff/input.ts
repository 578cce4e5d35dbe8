/** Resolves diff inputs (a document, a ParseResult, or anything parse accepts) to one PolicyDocument. */
import type { ParseOptions } from '../parse.js';
import { GongwenError } from '../errors.js';
import type { ParseResult, PolicyDocument } from '../schema/document.js';

/**
 * What {@link diff} accepts for each side: a PolicyDocument, a ParseResult
 * (one of its documents is picked), or a path, URL or bytes, which are parsed first.
 */
export type DiffInput = PolicyDocument | ParseResult | string | URL | Uint8Array;

const PLAN_KINDS = new Set(['工作要点', '实施方案', '工作方案']);

/** Type guard: true for an object shaped like a PolicyDocument (has `sections` and a string `title`). */
export function isPolicyDocument(x: unknown): x is PolicyDocument {
  return typeof x === 'object' && x !== null && Array.isArray((x as PolicyDocument).sections) && typeof (x as PolicyDocument).title === 'string';
}

function isParseResult(x: unknown): x is ParseResult {
  return typeof x === 'object' && x !== null && Array.isArray((x as ParseResult).documents);
}

/**
 * One document out of a ParseResult: the one at `index`, else the only
 * document, else the only plan (工作要点/实施方案/工作方案). Guessing between
 * several plans would silently diff the wrong pair, so that is an error.
 */
export function pickDocument(result: ParseResult, index: number | undefined, side: 'old' | 'new'): PolicyDocument {
  const docs = result.documents;
  const list = () => docs.map((d, i) => `[${i}] ${d.title}`).join('; ');
  if (index !== undefined) {
    if (!Number.isInteger(index) || index < 0 || index >= docs.length)
      throw new GongwenError('INVALID_OPTIONS', `${side}Document ${index} is out of range: the ${side} input has ${docs.length} document(s): ${list()}`);
    return docs[index];
  }
  if (docs.length === 1) return docs[0];
  const plans = docs.filter((d) => PLAN_KINDS.has(d.kind) && d.sections.length > 0);
  if (plans.length === 1) return plans[0];
  throw new GongwenError(
    'INVALID_OPTIONS',
    `the ${side} input holds ${docs.length} documents (${list()}); choose one with the ${side}Document option (CLI: --${side}-doc N)`,
  );
}

/**
 * One PolicyDocument out of a diff input: a document as is, a ParseResult via
 * `pickDocument`, a path, URL or bytes parsed first (parse is loaded on demand).
 *
 * @throws {@link GongwenError} `INVALID_OPTIONS` for any other input or when no document can be picked; parse errors pass through.
 */
export async function resolveInput(input: DiffInput, index: number | undefined, side: 'old' | 'new', parseOptions?: ParseOptions): Promise<PolicyDocument> {
  if (isPolicyDocument(input)) return input;
  if (isParseResult(input)) return pickDocument(input, index, side);
  if (typeof input === 'string' || input instanceof URL || input instanceof Uint8Array) {
    // Loaded on demand: the browser entry re-exports diff and must not pull in the fs-based parse.
    const { parse } = await import('../parse.js');
    return pickDocument(await parse(input, parseOptions), index, side);
  }
  throw new GongwenError('INVALID_OPTIONS', `diff: the ${side} input must be a PolicyDocument, a ParseResult, a path, a URL or bytes`);
}
