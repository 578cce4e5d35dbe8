/**
 * A nesting and element-count check on raw HTML, before any tree is built.
 * Building the hast tree recurses per nesting level: a 200,000-deep page took
 * 2.6 s and 366 MB (overflow, then the blank-the-tags retry) before this check.
 * One linear scan over the tags gives an upper bound of the depth the parser
 * would build, so hostile pages are refused (TOO_COMPLEX) at the cost of a
 * regex pass.
 */
import { MAX_ELEMENTS, MAX_NESTING_DEPTH, tooDeep, tooManyElements } from '../../shared/complexity.js';

/**
 * Comments, raw-text elements (their content is not markup), doctype/processing
 * instructions, and tags. Inside a tag `<` is not accepted: an unclosed `<a`
 * then fails at the next `<` instead of scanning to the end of the page, which
 * kept the scan linear (50,000 unclosed `<a x` took 9 s before).
 */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|plaintext|noscript|iframe|noembed|noframes)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<[!?][^<>]*>|<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*?(\/?)>/gi;

/** Elements that never have children. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'image', 'isindex',
]);

/**
 * Elements whose end tag is optional: the parser closes them implicitly (a new
 * <p> ends the last, a <td> the previous cell), so unclosed ones in sloppy pages
 * do not nest. Not counting them keeps the bound close to the real depth.
 */
const IMPLIED_END = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body',
]);

/**
 * Throw TOO_COMPLEX when the page nests deeper than `maxDepth` (details.depth)
 * or has more than `maxElements` tags (details.elements). Counted on the raw
 * tags: void elements and elements with optional end tags do not add depth;
 * `<x/>` self-closes only inside SVG/MathML, as in the HTML parser.
 *
 * @param html - The page source.
 */
export function checkHtmlComplexity(html: string, maxDepth = MAX_NESTING_DEPTH, maxElements = MAX_ELEMENTS): void {
  if (!html.includes('<')) return;
  let depth = 0;
  let elements = 0;
  let foreign = 0; // depth inside <svg>/<math>, where "/>" really closes
  const foreignStack: number[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[1]) {
      elements++;
      continue;
    }
    const name = m[3]?.toLowerCase();
    if (!name) continue;
    if (m[2]) {
      // end tag
      if (VOID.has(name) || IMPLIED_END.has(name)) continue;
      if (depth > 0) depth--;
      if (foreignStack.length && foreignStack[foreignStack.length - 1] > depth) foreignStack.pop(), foreign--;
      continue;
    }
    if (++elements > maxElements) throw tooManyElements('The HTML page', elements, maxElements);
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (m[4] && foreign > 0) continue;
    if (name === 'svg' || name === 'math') foreignStack.push(depth + 1), foreign++;
    if (++depth > maxDepth) throw tooDeep('The HTML page', depth, maxDepth);
  }
}
