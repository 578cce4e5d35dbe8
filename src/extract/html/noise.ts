import type { Element } from 'hast';

/** Never text: dropped with everything inside. */
export const DROPPED = new Set([
  'script', 'style', 'noscript', 'iframe', 'template', 'svg', 'math', 'canvas', 'object', 'embed',
  'audio', 'video', 'rp', 'rt', 'link', 'meta', 'base',
]);

/** Page furniture by element name (HTML5 semantics). */
const NOISE_TAGS: Record<string, string> = {
  nav: 'nav',
  header: 'header',
  footer: 'footer',
  aside: 'aside',
  form: 'form',
  button: 'form',
  select: 'form',
  textarea: 'form',
  title: 'title',
};

const ARIA_ROLES: Record<string, string> = {
  navigation: 'nav',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'aside',
  search: 'form',
};

// Checked per id/class token. nav and breadcrumb tokens are never article content; the
// others are overridden by a content word ("article-header" holds the title, not site chrome).
const ALWAYS: ReadonlyArray<[RegExp, string]> = [
  [/breadcrumb|crumb|^(position|location|dqwz)$/, 'breadcrumb'],
  [/nav|menu/, 'nav'],
];
const UNLESS_CONTENT: ReadonlyArray<[RegExp, string]> = [
  [/footer|copyright|^foot$|^bottom$/, 'footer'],
  [/header|^head$|^top$|banner/, 'header'],
  [/sidebar|related|links|^side$/, 'aside'],
  [/share|toolbar|^tools?$/, 'toolbar'],
  [/login|search/, 'form'],
  [/pagination|pager/, 'pagination'],
];
const CONTENT_WORD = /article|content|detail|title|zoom|post|entry|text|editor|trs_/;

/**
 * The noise role of an element (e.g. 'nav', 'footer', 'hidden'), or undefined for
 * content. `inArticle`: <header>/<footer> inside <article>/<main> belong to the article.
 */
export function noiseRole(el: Element, inArticle: boolean): string | undefined {
  const byTag = NOISE_TAGS[el.tagName];
  if (byTag && !(inArticle && (el.tagName === 'header' || el.tagName === 'footer'))) return byTag;
  const props = el.properties;
  if (props.hidden !== undefined && props.hidden !== false && props.hidden !== null) return 'hidden';
  const style = typeof props.style === 'string' ? props.style : '';
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return 'hidden';
  const aria = typeof props.role === 'string' ? ARIA_ROLES[props.role.toLowerCase()] : undefined;
  if (aria) return aria;
  for (const token of tokens(el)) {
    for (const [re, role] of ALWAYS) if (re.test(token)) return role;
    if (CONTENT_WORD.test(token)) continue;
    for (const [re, role] of UNLESS_CONTENT) if (re.test(token)) return role;
  }
  return undefined;
}

function tokens(el: Element): string[] {
  const out: string[] = [];
  const { id, className } = el.properties;
  if (typeof id === 'string' && id) out.push(id.toLowerCase());
  if (Array.isArray(className)) for (const c of className) if (typeof c === 'string' && c) out.push(c.toLowerCase());
  return out;
}
