/**
 * A task's deadlines: the 完成时限 clause, and deadline phrases in the task's
 * own text (…前 phrases and recurrences such as 每季度), each with the deadline
 * grammar's full reading; and the one rule for which of them is the task's
 * deadline (`Section.deadline`, the ledger's `due`): see {@link dueDeadline}.
 */
import { parseDeadline, resolveDeadline, resolvePeriodStart, DEADLINE_IN_TEXT, RECURRENCE_IN_TEXT, type DeadlineMatch } from '../../grammars/deadline/deadline.js';
import type { Deadline } from '../schema/document.js';
import type { Span } from '../schema/span.js';

/** A deadline phrase as the grammar reads it, dated with the plan's year. */
export function readDeadline(raw: string, source: Deadline['source'], planYear: number | undefined): Deadline {
  return fromMatch(raw, parseDeadline(raw), source, planYear);
}

function fromMatch(raw: string, m: DeadlineMatch, source: Deadline['source'], planYear: number | undefined): Deadline {
  const d: Deadline = { raw, kind: m.kind, source };
  const date = resolveDeadline(m, planYear);
  if (date) d.date = date;
  if (m.year !== undefined) d.year = m.year;
  if (m.fromMonth !== undefined) {
    d.fromMonth = m.fromMonth;
    const from = resolvePeriodStart(m, planYear);
    if (from) d.from = from;
  }
  if (m.every) d.every = m.every;
  return d;
}

export function deadlineFromClause(raw: string, planYear: number | undefined, span?: Span): Deadline {
  const d = readDeadline(raw, 'clause', planYear);
  if (span) d.span = span;
  return d;
}

/** Deadline phrases in running text, in text order: dated …前 phrases and recurrences (每季度, 每周 …). */
export function deadlinesInText(text: string, planYear: number | undefined, spanAt?: (index: number, length: number) => Span): Deadline[] {
  const found: Array<{ at: number; d: Deadline }> = [];
  for (const re of [DEADLINE_IN_TEXT, RECURRENCE_IN_TEXT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parsed = parseDeadline(m[0]);
      // a bare 2023年10月 in prose is a date, not a deadline: only …前 phrases (kind by) and recurrences count
      if (re === DEADLINE_IN_TEXT ? parsed.kind !== 'by' : !parsed.every) continue;
      const d = fromMatch(m[0], parsed, 'text', planYear);
      if (spanAt) d.span = spanAt(m.index, m[0].length);
      found.push({ at: m.index, d });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.d);
}

/**
 * A task's deadlines in order: the clause's first, then those of its text; a
 * recurrence already stated (完成时限：每季度, then 每季度通报… in the text) is
 * kept once.
 */
export function taskDeadlines(clause: Deadline | undefined, text: readonly Deadline[]): Deadline[] {
  const out: Deadline[] = clause ? [clause] : [];
  const every = new Set(out.map((d) => d.every).filter(Boolean));
  for (const d of text) {
    if (d.every && every.has(d.every)) continue;
    if (d.every) every.add(d.every);
    out.push(d);
  }
  return out;
}

/**
 * Which date in a task's text is its deadline when there is no 完成时限 clause:
 * the `latest` (the default; earlier dates are milestones of the same task) or the `first`.
 */
export type DueRule = 'latest' | 'first';

/**
 * The one deadline rule, for `Section.deadline` and the ledger's `due`: the
 * 完成时限 clause when there is one (it is what the plan sets); else the latest
 * dated deadline in the task's text (8月底前 省级部门完成…，年底前…发布: the
 * earlier date is a milestone), or the first with rule `'first'`; else the
 * first deadline of any kind (长期坚持, 每季度).
 */
export function dueDeadline<D extends Pick<Deadline, 'source' | 'date'>>(deadlines: readonly D[], rule: DueRule = 'latest'): D | undefined {
  const clause = deadlines.find((d) => d.source === 'clause');
  if (clause) return clause;
  const dated = deadlines.filter((d) => d.date);
  if (dated.length) return rule === 'first' ? dated[0] : dated.reduce((a, b) => (b.date! > a.date! ? b : a));
  return deadlines[0];
}
