/**
 * A task's deadlines resolved for a ledger: { raw, kind, date?, from?, to? }
 * with the plan's years, and which one is the task's due date. The core found
 * them (完成时限 clause first, then …前 phrases and recurrences in the text) and
 * kept the grammar's reading in the tree (`year`, `fromMonth`/`from`, `every`):
 * this reads that, and never re-parses `raw`. The due date follows the one
 * rule of the core (`dueDeadline` (src/fields/deadline.ts)), so `due` is `Section.deadline`'s date.
 */
import { dueDeadline, readDeadline, type DueRule } from '../fields/deadline.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { Deadline, PolicyDocument } from '../schema/document.js';
import type { LedgerDeadline } from './schema.js';

export type { DueRule };

/**
 * The years a plan's deadlines are read against (see {@link planYears}).
 *
 * @inline
 */
export interface PlanYears {
  /** Year for year-less phrases (年底前): the same rule as the parser (years.to, else 文号 year, else 成文 year). */
  year?: number;
  /** First plan year (years.from, else `year`). */
  from?: number;
  /** Last plan year (years.to, else `year`). */
  to?: number;
}

/**
 * The years a plan's deadlines are read against: `year` for phrases without
 * one (the plan's last year, else the 文号 year, else the year it was signed),
 * and the plan's first and last years (`from`, `to`, each defaulting to `year`).
 * Every field is undefined when the document states no year at all.
 *
 * @param doc - The parsed plan.
 * @returns Its {@link PlanYears}.
 */
export function planYears(doc: PolicyDocument): PlanYears {
  const signed = doc.dates.signed ? Number(doc.dates.signed.slice(0, 4)) : undefined;
  const year = doc.years?.to ?? doc.docNumber?.year ?? signed;
  return { year, from: doc.years?.from ?? year, to: doc.years?.to ?? year };
}

/**
 * One deadline resolved for the ledger with `years`; `due` is left false. A
 * deadline of the tree carries the grammar's reading (`kind`, `year`,
 * `fromMonth`, `every`) and is not re-parsed; one given as `{ raw, source }`
 * alone is read by the same grammar the core uses.
 */
export function resolveDeadline1(d: Pick<Deadline, 'raw' | 'source'> & Partial<Deadline>, years: PlanYears): LedgerDeadline {
  const t: Deadline = d.kind ? (d as Deadline) : readDeadline(d.raw, d.source, years.year);
  const out: LedgerDeadline = { raw: t.raw, kind: 'unknown', source: t.source, due: false };
  if (t.kind === 'by') {
    out.kind = t.fromMonth !== undefined ? 'within' : 'by';
    if (t.date) out.date = t.date;
    if (t.fromMonth !== undefined && t.from) (out.from = t.from), (out.to = t.date);
  } else if (t.kind === 'continuous' && t.every) {
    out.kind = 'recurring';
    out.every = t.every;
    if (years.from) out.from = `${years.from}-01-01`;
    if (years.to) out.to = `${years.to}-12-31`;
  } else out.kind = t.kind;
  return out;
}

/**
 * What {@link resolveTaskDeadlines} returns.
 *
 * @inline
 */
export interface ResolvedDeadlines {
  /** Every deadline of the task; the due one has `due: true`. */
  deadlines: LedgerDeadline[];
  /** `DEADLINE_YEAR_ASSUMED` (info) and `DEADLINE_UNRESOLVED` (warning) doubts. */
  diagnostics: Diagnostic[];
}

/**
 * A task's deadlines resolved for the ledger: each deadline the parser found
 * (the 完成时限 clause, …前 phrases and recurrences such as 每季度 in the text)
 * as a period (`within`), a recurrence over the plan's years ({@link planYears})
 * or a date, from the grammar's reading kept in the tree; and one is marked as
 * due by the core's rule (`dueDeadline` (src/fields/deadline.ts)): the 完成时限 clause when there is
 * one, else the latest dated one (or the first, with rule `'first'`), else the
 * first of any kind. Never throws; doubts become diagnostics.
 *
 * @param task - A task (or section) with its parsed `deadlines`.
 * @param doc - The plan it belongs to (for its years).
 * @param rule - The {@link DueRule} (default `'latest'`).
 * @returns The resolved deadlines and their diagnostics: `DEADLINE_YEAR_ASSUMED` when a
 * year-less date in a multi-year plan was read in its last year,
 * `DEADLINE_UNRESOLVED` when a date needs a year the plan does not give.
 */
export function resolveTaskDeadlines(task: { deadlines: Deadline[] }, doc: PolicyDocument, rule: DueRule = 'latest'): ResolvedDeadlines {
  const years = planYears(doc);
  const diagnostics: Diagnostic[] = [];
  const deadlines = task.deadlines.map((d) => {
    const r = resolveDeadline1(d, years);
    // the tree says whether the year was written (`year`)
    if ((r.kind === 'by' || r.kind === 'within') && d.year === undefined && years.from !== years.to)
      diagnostics.push(diagnostic('DEADLINE_YEAR_ASSUMED', `“${d.raw}” names no year in a ${years.from}–${years.to} plan; read as ${years.year}.`, { text: d.raw, span: d.span }));
    if ((r.kind === 'by' || r.kind === 'within') && !r.date)
      diagnostics.push(diagnostic('DEADLINE_UNRESOLVED', `“${d.raw}” needs the plan's year, which is unknown.`, { text: d.raw }));
    return r;
  });
  const due = dueDeadline(deadlines, rule);
  if (due) due.due = true;
  return { deadlines, diagnostics };
}
