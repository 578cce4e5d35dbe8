/** 完成时限 from a clause, or deadline phrases found in a task's own text. */
import { parseDeadline, resolveDeadline, DEADLINE_IN_TEXT } from '../../grammars/deadline/deadline.js';
import type { Deadline } from '../schema/document.js';
import type { Span } from '../schema/span.js';

export function deadlineFromClause(raw: string, planYear: number | undefined, span?: Span): Deadline {
  const m = parseDeadline(raw);
  const d: Deadline = { raw, kind: m.kind, source: 'clause' };
  const date = resolveDeadline(m, planYear);
  if (date) d.date = date;
  if (span) d.span = span;
  return d;
}

export function deadlinesInText(text: string, planYear: number | undefined, spanAt?: (index: number, length: number) => Span): Deadline[] {
  const out: Deadline[] = [];
  DEADLINE_IN_TEXT.lastIndex = 0;
  for (let m = DEADLINE_IN_TEXT.exec(text); m; m = DEADLINE_IN_TEXT.exec(text)) {
    const raw = m[0];
    const parsed = parseDeadline(raw);
    if (parsed.kind !== 'by') continue;
    const d: Deadline = { raw, kind: 'by', source: 'text' };
    const date = resolveDeadline(parsed, planYear);
    if (date) d.date = date;
    if (spanAt) d.span = spanAt(m.index, raw.length);
    out.push(d);
  }
  return out;
}
