/**
 * Structural limits for tree-shaped inputs (DOCX XML parts, HTML pages).
 * Real documents nest a few dozen levels and hold well under a million
 * elements; hostile ones nest 50,000 `w:sdt` or 200,000 `<div>` deep, which
 * overflows recursive tree code ("Maximum call stack size exceeded") or eats
 * hundreds of MB. Such inputs are refused up front with a typed error naming
 * the limit, so everything downstream may recurse safely.
 */
import { ErrorCode, GongwenError } from '../errors.js';

/** Deepest element nesting accepted in a DOCX part or an HTML page. */
export const MAX_NESTING_DEPTH = 256;

/** Most elements accepted in one DOCX part or HTML page. */
export const MAX_ELEMENTS = 1_000_000;

/** TOO_COMPLEX for nesting deeper than {@link MAX_NESTING_DEPTH}. */
export function tooDeep(what: string, depth: number, limit = MAX_NESTING_DEPTH): GongwenError {
  return new GongwenError(
    ErrorCode.TOO_COMPLEX,
    `${what} nests elements more than ${limit} levels deep (the nesting depth limit); real documents nest a few dozen. The file is broken or hostile: re-export it.`,
    { details: { depth, limit } },
  );
}

/** TOO_COMPLEX for more elements than {@link MAX_ELEMENTS}. */
export function tooManyElements(what: string, elements: number, limit = MAX_ELEMENTS): GongwenError {
  return new GongwenError(
    ErrorCode.TOO_COMPLEX,
    `${what} has more than ${limit} elements (the element limit). The file is broken or hostile: re-export it or split it.`,
    { details: { elements, limit } },
  );
}
