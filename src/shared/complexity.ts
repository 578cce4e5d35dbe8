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

/** Any unist node: only `children` matters here. */
type TreeNode = object & { children?: unknown };

/**
 * Check a parsed syntax tree (unist: mdast, hast) against the limits without
 * recursion, for parsers that build deep trees happily (remark nests 15,000
 * `>` quotes) before our recursive walkers would overflow on them.
 *
 * @param tree - The root node.
 * @param what - What the tree is, for the message ("The Markdown text").
 * @throws {@link GongwenError} TOO_COMPLEX with `details.depth` or `details.elements`.
 */
export function checkTree(tree: TreeNode, what: string, maxDepth = MAX_NESTING_DEPTH, maxElements = MAX_ELEMENTS): void {
  const stack: Array<[TreeNode, number]> = [[tree, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) throw tooDeep(what, depth, maxDepth);
    if (++nodes > maxElements) throw tooManyElements(what, nodes, maxElements);
    if (Array.isArray(node.children)) for (const c of node.children as TreeNode[]) stack.push([c, depth + 1]);
  }
}

/** A line's container prefix in Markdown: block quotes and list markers, each opening a level. */
const MD_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;

/**
 * Markdown nesting from the raw text, before parsing: remark takes seconds on
 * a line of 9,000 `>` (each level re-checked per line), so a line whose
 * prefix opens more than `maxDepth` quotes and list items is refused up front.
 * Nesting built up across lines is left to {@link checkTree} on the parsed tree.
 *
 * @param text - The Markdown source.
 * @throws {@link GongwenError} TOO_COMPLEX with `details.depth`.
 */
export function checkMarkdownPrefixes(text: string, maxDepth = MAX_NESTING_DEPTH): void {
  MD_PREFIX.lastIndex = 0;
  for (let m = MD_PREFIX.exec(text); m; m = MD_PREFIX.exec(text)) {
    if (m[0].length <= maxDepth) continue; // each level takes at least one character
    const depth = (m[0].match(/>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])/g) ?? []).length;
    if (depth > maxDepth) throw tooDeep('The Markdown text', depth, maxDepth);
  }
}
