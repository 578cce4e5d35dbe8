/**
 * The evidence around one marker candidate, read from its paragraph alone:
 * what precedes and follows it, whether it sits inside brackets or a book
 * title, whether it starts an inline enumeration or an attachment list.
 * Each feature is 0/1; the weights live in weights.ts. `reject` is a veto for
 * what can never be a marker (after 第, inside 《…》, before ，).
 */
import type { MarkerCandidate } from '../../../grammars/marker/marker.js';
import { endsLikeUnit } from '../../../grammars/unit/unit.js';
import { openAt } from '../../../grammars/shared/chars.js';
import { CLAUSE_LABEL_ANYWHERE } from '../../../grammars/clause/clause.js';
import type { Feature } from './weights.js';

export type Features = Partial<Record<Feature | 'reject', number>>;

const SENTENCE_END = new Set([...'。；;！？!?']);
const CLOSERS = new Set([...'）)」”’】〕》']);
const COLONS = new Set([...'：:']);
const SPACE = /[ \t\u00a0\u3000]/;
const HAN = /[\u3400-\u9fff]/;
const BRACKETED = new Set(['cjk-paren', 'arabic-paren']);
const ENUM_STYLES = new Set(['arabic-paren', 'arabic-dot', 'circled']);
const ATTACHMENT = /附件[0-9０-９]*[：:]?[\s\u3000]*$/;

export function localFeatures(text: string, c: MarkerCandidate, all: MarkerCandidate[], index: number): Features {
  const f: Features = {};
  const next = text.charAt(c.at + c.length);
  if (next === '' || /[，,。、；;]/.test(next)) f.reject = 1;
  if (c.decimal) {
    f.decimalLike = 1;
    // 19.23 alone on its line (a table cell): a number, never a marker
    if (/^[0-9０-９.．%\s]*$/.test(text.slice(c.at + c.length, c.at + c.length + 12)) && !/[\u3400-\u9fff]/.test(text.slice(c.at + c.length, c.at + c.length + 12))) f.reject = 1;
  }
  if (BRACKETED.has(c.style)) f.bracketed = 1;

  let k = c.at - 1;
  let spaced = false;
  while (k >= 0 && SPACE.test(text[k])) (k--, (spaced = true));
  const prev = k >= 0 ? text[k] : '';
  if (c.at === 0 || k < 0) f.lineStart = 1;
  else {
    if (prev === '第' || prev === '见' || prev === '附') f.reject = 1;
    if (spaced) f.afterSpace = 1;
    if (SENTENCE_END.has(prev)) f.afterSentenceEnd = 1;
    else if (CLOSERS.has(prev)) f.afterClose = 1;
    else if (COLONS.has(prev)) f.afterColon = 1;
    else if (HAN.test(prev) && !spaced) {
      if (endsLikeUnit(text.slice(Math.max(0, k - 11), k + 1))) f.afterUnitName = 1;
      else if (afterLabel(text, c.at)) f.afterLabelledField = 1;
      else f.afterHan = 1;
    } else if (/[0-9０-９A-Za-z.．]/.test(prev) && !spaced) f.reject = 1;
    if (!f.reject) {
      const open = openAt(text, c.at);
      if ((!BRACKETED.has(c.style) && open.brackets > 0) || open.titles > 0) f.reject = 1;
    }
  }
  if (ATTACHMENT.test(text.slice(Math.max(0, c.at - 8), c.at)) || (c.at <= 8 && /^附件/.test(text))) f.attachmentList = 1;
  if (ENUM_STYLES.has(c.style) && inlineEnumeration(text, c, all, index)) f.inlineEnumeration = 1;
  return f;
}

/**
 * （1）…；（2）… inside one sentence: the candidate follows ：/； mid-paragraph,
 * or it opens the paragraph and its own next number follows a ； in it
 * (1.死亡的；2.失踪的；…). Such lists are content, not items.
 */
function inlineEnumeration(text: string, c: MarkerCandidate, all: MarkerCandidate[], index: number): boolean {
  const before = text.slice(0, c.at).trimEnd();
  const prev = before.charAt(before.length - 1);
  const afterSemicolon = prev === '；' || prev === ';';
  const afterColon = prev === '：' || prev === ':';
  // its previous sibling in this paragraph, with no sentence end between: a run glued by ；
  if (afterSemicolon) {
    for (let j = index - 1; j >= 0; j--) {
      const p = all[j];
      if (p.style === c.style && p.ordinal === c.ordinal - 1) return !sentenceEndsBetween(text, p.at, c.at);
    }
    return false;
  }
  // the list's first member (at the paragraph start or after ：): its next sibling follows a ；
  if (c.at === 0 || afterColon) {
    for (let j = index + 1; j < all.length; j++) {
      const n = all[j];
      if (n.style !== c.style || n.ordinal !== c.ordinal + 1) continue;
      const p = text.slice(0, n.at).trimEnd();
      return /[；;]$/.test(p) && !sentenceEndsBetween(text, c.at, n.at);
    }
  }
  return false;
}

/** A clause label (完成时限：, 责任单位：) shortly before, with no sentence end since. */
function afterLabel(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 40), at);
  CLAUSE_LABEL_ANYWHERE.lastIndex = 0;
  let last = -1;
  for (let m = CLAUSE_LABEL_ANYWHERE.exec(window); m; m = CLAUSE_LABEL_ANYWHERE.exec(window)) last = m.index + m[0].length;
  return last >= 0 && !/[。！？]/.test(window.slice(last));
}

function sentenceEndsBetween(text: string, a: number, b: number): boolean {
  return /[。！？]/.test(text.slice(a, b));
}

