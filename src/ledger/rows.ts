/**
 * Parsed plans → 工作台账 rows: one row per task (leaf of the outline), with
 * canonical units and resolved deadlines beside the text as written. Pure: no
 * file system (a browser build will use it).
 */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { DocumentKind } from '../schema/document.js';
import { flattenTasks, type Task } from '../tasks/flatten.js';
import { resolveTaskDeadlines, type DueRule } from './deadlines.js';
import { documentsOf, type LedgerInput, type SourcedDocument } from './input.js';
import type { LedgerRow, LedgerUnit } from './schema.js';
import { resolveUnit } from './units/canonical.js';
import { regionOf } from './units/regions.js';

/** Plans and transmitting notices; 指南 (a guide for the public) and 通报 (a report on others) hold no assigned tasks. */
export const PLAN_KINDS: readonly DocumentKind[] = ['工作要点', '实施方案', '工作方案', '通知', '其他'];

/** Options for {@link toLedger}: which documents and outline nodes become rows, and how the due date is chosen. */
export interface LedgerOptions {
  /** Document kinds to include (default PLAN_KINDS); 'all' for every document. */
  kinds?: readonly DocumentKind[] | 'all';
  /** Only leaf tasks (default true). With false, every outline node is a row. */
  leavesOnly?: boolean;
  /** How to choose the due date among several dates in a task's text (default 'latest'). */
  due?: DueRule;
}

/**
 * Build 工作台账 rows from parsed plans: one {@link LedgerRow} per task (leaf
 * outline node by default), in document order, with 牵头/责任/配合单位
 * resolved to canonical names ({@link resolveUnit}, helped by agencies written
 * in full in any input plan of the same region) and deadlines resolved
 * with the plan's years ({@link resolveTaskDeadlines}). Documents whose kind
 * is not in `options.kinds` (default {@link PLAN_KINDS}) are skipped; a
 * childless level-1 heading without units or deadlines beside nested sections
 * is context, not a task. Pure: no file system.
 *
 * @param input - A ParseResult, a PolicyDocument, or an array of either.
 * @param options - `kinds`, `leavesOnly` (default true) and `due` (default `'latest'`).
 * @returns The rows; unit and deadline doubts are in each row's `diagnostics`.
 * @throws {@link GongwenError} `INVALID_OPTIONS` when an input item is neither a ParseResult nor a PolicyDocument.
 */
export function toLedger(input: LedgerInput, options: LedgerOptions = {}): LedgerRow[] {
  const kinds = options.kinds ?? PLAN_KINDS;
  const docs = documentsOf(input).filter((d) => kinds === 'all' || kinds.includes(d.doc.kind));
  const known = knownAgencies(docs);
  return docs.flatMap((d) => rowsOf(d, known.get(d.doc.region ?? '') ?? new Map(), options));
}

function rowsOf(sd: SourcedDocument, known: ReadonlyMap<string, string>, options: LedgerOptions): LedgerRow[] {
  const { doc } = sd;
  const nested = doc.sections.some((s) => s.children.length > 0);
  const tasks = flattenTasks(doc, { leavesOnly: options.leavesOnly ?? true }).filter(
    // a childless 一、总体要求 beside sections with tasks is context, not a task
    (t) => !(nested && t.level === 1 && t.leaf && t.lead.length + t.responsible.length + (t.cooperating?.length ?? 0) + t.deadlines.length === 0),
  );
  return tasks.map((t) => row(sd, t, known, options));
}

function row(sd: SourcedDocument, t: Task, known: ReadonlyMap<string, string>, options: LedgerOptions): LedgerRow {
  const { doc } = sd;
  const diagnostics: Diagnostic[] = [];
  const units = (list: string[]): LedgerUnit[] =>
    list.flatMap((raw) => {
      const r = resolveUnit(raw, { region: doc.region, known });
      diagnostics.push(...r.diagnostics.map((g) => ({ ...g, span: g.span ?? t.span })));
      return r.units;
    });
  const leadUnits = units(t.lead);
  const responsibleUnits = units(t.responsible);
  const cooperatingUnits = units(t.cooperating ?? []);
  const dl = resolveTaskDeadlines(t, doc, options.due);
  diagnostics.push(...dl.diagnostics.map((g) => ({ ...g, span: g.span ?? t.span })));
  const due = dl.deadlines.find((d) => d.due);
  const out: LedgerRow = {
    document: sd.index,
    title: doc.title,
    docKind: doc.kind,
    path: t.path,
    marker: t.marker,
    parents: t.parents,
    heading: t.heading,
    text: t.text,
    lead: canonicals(leadUnits),
    responsible: canonicals(responsibleUnits),
    cooperating: canonicals(cooperatingUnits),
    leadUnits,
    responsibleUnits,
    cooperatingUnits,
    deadlines: dl.deadlines,
    line: t.span.line,
    diagnostics,
  };
  if (sd.source !== undefined) out.source = sd.source;
  if (doc.docNumber) out.docNumber = doc.docNumber.normalized;
  if (doc.region) out.region = doc.region;
  const section = t.level === 1 ? t.heading : t.parents[0];
  if (section !== undefined) out.section = section;
  if (due?.date) out.due = due.date;
  if (due) (out.deadlineKind = due.kind), (out.deadlineRaw = due.raw);
  if (t.span.page !== undefined) out.page = t.span.page;
  return out;
}

const canonicals = (us: LedgerUnit[]): string[] => [...new Set(us.map((u) => u.canonical))];

/**
 * Agencies written in full in the plans of each region (region → name → title):
 * what lets 数据 in one 永昌县 plan read as 数据局 when another 永昌县 plan says 县数据局.
 */
function knownAgencies(docs: SourcedDocument[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const { doc } of docs) {
    const region = doc.region ?? '';
    const seen = out.get(region) ?? new Map<string, string>();
    out.set(region, seen);
    for (const t of flattenTasks(doc))
      for (const raw of [...t.lead, ...t.responsible, ...(t.cooperating ?? [])])
        for (const u of resolveUnit(raw, { region: doc.region }).units)
          if (u.kind === 'agency' && !u.truncated && !u.fused && u.region === regionOf(doc.region)?.name && !seen.has(u.name)) seen.set(u.name, doc.title);
  }
  return out;
}

