/**
 * A task's deadlines resolved for a ledger: { raw, kind, date?, from?, to? }
 * with the plan's years, and which one is the task's due date.
 * The core already found the phrases (完成时限 clause first, then …前 phrases
 * in the text); here each is re-read with the period/recurrence forms, and
 * recurring phrases in the text (每季度…) are added.
 */
import { parseDeadline, resolveDeadline, resolvePeriodStart } from '../../grammars/deadline/deadline.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { Deadline, PolicyDocument } from '../schema/document.js';
import type { LedgerDeadline } from './schema.js';

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
 * Which date in a task's text is its due date when there is no 完成时限
 * clause: the `latest` (earlier dates are milestones of the same task) or the `first`.
 */
export type DueRule = 'latest' | 'first';

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

const RECURRING_IN_TEXT = /每(?:个)?(?:季度|半年|月|年)/g;
const HAS_YEAR = /[0-9\uff10-\uff19]{4}[ \u3000]*年/;

/** One deadline phrase re-read for the ledger (period and recurrence forms) and resolved with `years`; `due` is left false. */
export function resolveDeadline1(d: Pick<Deadline, 'raw' | 'source'>, years: PlanYears): LedgerDeadline {
  const m = parseDeadline(d.raw);
  const out: LedgerDeadline = { raw: d.raw, kind: 'unknown', source: d.source, due: false };
  if (m.kind === 'by') {
    const date = resolveDeadline(m, years.year);
    const from = resolvePeriodStart(m, years.year);
    out.kind = from ? 'within' : 'by';
    if (date) out.date = date;
    if (from) (out.from = from), (out.to = date);
  } else if (m.kind === 'continuous' && m.every) {
    out.kind = 'recurring';
    out.every = m.every;
    if (years.from) out.from = `${years.from}-01-01`;
    if (years.to) out.to = `${years.to}-12-31`;
  } else out.kind = m.kind;
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
 * is re-read with the period and recurrence forms and dated with the plan's
 * years ({@link planYears}), recurring duties written in the text (每季度, 每月, …)
 * are added, and one is marked as due: the 完成时限 clause when there is one,
 * else the latest dated one (or the first, with rule `'first'`), else the first
 * of any kind. Never throws; doubts become diagnostics.
 *
 * @param task - A task (or section) with its parsed `deadlines` and `text`.
 * @param doc - The plan it belongs to (for its years).
 * @param rule - The {@link DueRule} (default `'latest'`).
 * @returns The resolved deadlines and their diagnostics: `DEADLINE_YEAR_ASSUMED` when a
 * year-less date in a multi-year plan was read in its last year,
 * `DEADLINE_UNRESOLVED` when a date needs a year the plan does not give.
 */
export function resolveTaskDeadlines(
  task: { deadlines: Deadline[]; text: string },
  doc: PolicyDocument,
  rule: DueRule = 'latest',
): ResolvedDeadlines {
  const years = planYears(doc);
  const diagnostics: Diagnostic[] = [];
  const deadlines = task.deadlines.map((d) => {
    const r = resolveDeadline1(d, years);
    if ((r.kind === 'by' || r.kind === 'within') && !HAS_YEAR.test(d.raw) && years.from !== years.to)
      diagnostics.push(diagnostic('DEADLINE_YEAR_ASSUMED', `“${d.raw}” names no year in a ${years.from}–${years.to} plan; read as ${years.year}.`, { text: d.raw, span: d.span }));
    if ((r.kind === 'by' || r.kind === 'within') && !r.date)
      diagnostics.push(diagnostic('DEADLINE_UNRESOLVED', `“${d.raw}” needs the plan's year, which is unknown.`, { text: d.raw }));
    return r;
  });
  // recurring duties written in the text (每季度通报…): the core only looks for …前 phrases
  const seen = new Set(deadlines.map((d) => d.raw));
  for (const m of task.text.matchAll(RECURRING_IN_TEXT)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    deadlines.push(resolveDeadline1({ raw: m[0], source: 'text' }, years));
  }
  const due = pickDue(deadlines, rule);
  if (due) due.due = true;
  return { deadlines, diagnostics };
}

/**
 * The due date: the 完成时限 clause when there is one (it is what the plan
 * sets); else, among dates in the text, the latest (earlier ones are
 * milestones of the same task: 8月底前 省级部门完成…，年底前…发布) or the first
 * with rule 'first'; else the first deadline of any kind.
 */
function pickDue(ds: LedgerDeadline[], rule: DueRule): LedgerDeadline | undefined {
  const clause = ds.find((d) => d.source === 'clause');
  if (clause) return clause;
  const dated = ds.filter((d) => d.date);
  if (dated.length) return rule === 'first' ? dated[0] : dated.reduce((a, b) => (b.date! > a.date! ? b : a));
  return ds[0];
}
