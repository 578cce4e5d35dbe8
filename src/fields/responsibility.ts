/**
 * Find the responsibility parenthetical at the end of a task paragraph
 * (（牵头单位：…，责任单位：…） — brackets may be mixed （…) ), take it out of
 * the text, and read it with the clause grammar.
 */
import { isUnitList } from '../../grammars/unit/unit.js';
import { openAt } from '../../grammars/shared/chars.js';
import { parseClause, CLAUSE_KEYWORDS, CLAUSE_LABEL, CLAUSE_LABEL_ANYWHERE, type ClauseParse } from '../../grammars/clause/clause.js';

export interface FoundClause {
  /** Index in the paragraph where the clause (with its opening bracket) starts. */
  start: number;
  /** Index one past its closing bracket (or the end, if unclosed). */
  end: number;
  raw: string;
  inner: string;
  parsed: ClauseParse | null;
  closed: boolean;
}

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);
const TRAILING_CHARS = new Set([...' \t\n\r\u3000\u00a0。．.；;']);

/** The clause that ends the paragraph, if any. */
export function findClause(text: string): FoundClause | null {
  // trailing spaces and 。；: a backward scan (a `[…]*$` regex retries at every index)
  let end = text.length;
  while (end > 0 && TRAILING_CHARS.has(text[end - 1])) end--;
  if (end === 0) return null;
  if (CLOSE.has(text[end - 1])) {
    let depth = 0;
    for (let i = end - 1; i >= 0; i--) {
      const c = text[i];
      if (CLOSE.has(c)) depth++;
      else if (OPEN.has(c)) {
        depth--;
        if (depth === 0) {
          const inner = text.slice(i + 1, end - 1);
          if (!CLAUSE_KEYWORDS.test(inner)) return null;
          return { start: i, end, raw: text.slice(i, end), inner, parsed: parseClause(inner), closed: true };
        }
      }
    }
    return null;
  }
  // Unclosed: a clause that lost its closing bracket at the end of the paragraph.
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  if (open === -1) return null;
  const inner = text.slice(open + 1, end);
  if (/[）)]/.test(inner) || !(CLAUSE_LABEL.test(inner.trimStart()) || /牵头[，,]/.test(inner))) return null;
  return { start: open, end, raw: text.slice(open, end), inner, parsed: parseClause(inner), closed: false };
}

const SENTENCE_END = /[。；;！？!?]$/;

/**
 * Every clause in a paragraph: the one that ends it, and any earlier one that
 * stands between sentences (…并公开。（责任单位：…）各级…). Text that lost its
 * paragraph breaks puts several tasks' clauses in one paragraph.
 */
export function findClauses(text: string): FoundClause[] {
  const out: FoundClause[] = [];
  const last = findClause(text);
  const limit = last ? last.start : text.length;
  OPEN_SITE.lastIndex = 0;
  for (let m = OPEN_SITE.exec(text); m && m.index < limit; m = OPEN_SITE.exec(text)) {
    const open = m.index;
    // only parentheticals that open like a clause are worth matching
    if (!CLAUSE_OPENING.test(text.slice(open + 1, open + 24))) continue;
    let depth = 0;
    let close = -1;
    for (let i = open; i < limit; i++) {
      const c = text[i];
      if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c) && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close === -1) continue;
    OPEN_SITE.lastIndex = close + 1;
    const before = text.slice(0, open).trimEnd();
    if (before !== '' && !SENTENCE_END.test(before)) continue;
    const inner = text.slice(open + 1, close);
    out.push({ start: open, end: close + 1, raw: text.slice(open, close + 1), inner, parsed: parseClause(inner), closed: true });
  }
  if (last) out.push(last);
  out.push(...findLabelClauses(text, out));
  return out.sort((a, b) => a.start - b.start);
}

const CLAUSE_START_BEFORE = /(?:^|[。；;！？!?）)”」])$/;

/**
 * Unbracketed clauses: `责任单位：A、B` as a line or sentence of its own after
 * the task, or glued to its last sentence in a dump
 * (`…贸易。牵头单位：A配合单位：B完成时限：…。`). Such a clause opens at a
 * label right after a sentence end (or at the paragraph start) and runs to
 * the next 。 or the end of the paragraph; labels inside it are its fields.
 */
export function findLabelClauses(text: string, taken: FoundClause[] = []): FoundClause[] {
  const out: FoundClause[] = [];
  // every label is followed by its colon: no colon, no clause (the label regex is costly on long text)
  if (text.indexOf('：') === -1 && text.indexOf(':') === -1) return out;
  CLAUSE_LABEL_ANYWHERE.lastIndex = 0;
  for (let m = CLAUSE_LABEL_ANYWHERE.exec(text); m; m = CLAUSE_LABEL_ANYWHERE.exec(text)) {
    const at = m.index;
    if (taken.some((c) => at >= c.start && at < c.end) || out.some((c) => at >= c.start && at < c.end)) continue;
    const stop = text.indexOf('。', at);
    // glued to the sentence before it (…等情况责任处室：A、B): only when what follows is nothing but units
    const glued = !CLAUSE_START_BEFORE.test(text.slice(Math.max(0, at - 4), at).trimEnd());
    if (glued && !isUnitList(text.slice(at + m[0].length, stop === -1 ? text.length : stop).replace(/[\s\u3000]+/g, ''))) continue;
    if (openAt(text, at, at).brackets > 0) continue;
    const end = stop === -1 ? text.length : stop + 1;
    const inner = text.slice(at, stop === -1 ? text.length : stop).trim();
    out.push({ start: at, end, raw: text.slice(at, end), inner, parsed: parseClause(inner), closed: true });
    CLAUSE_LABEL_ANYWHERE.lastIndex = end;
  }
  return out;
}


const OPEN_SITE = /[（(]/g;
const CLAUSE_OPENING = { test: (s: string) => CLAUSE_LABEL.test(s.trimStart()) || /^[^，,（()）]*牵头[，,]/.test(s) };
