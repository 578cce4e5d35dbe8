/**
 * The per-unit view an office asks for: for each canonical unit, the tasks it
 * leads, shares (责任), supports (配合), and — for a department or a lower
 * government — the tasks addressed to a collective it belongs to
 * (市政府各部门、单位 covers 金昌市司法局; 各县区政府 covers 永昌县人民政府).
 */
import type { LedgerRow, LedgerUnit, UnitKind } from './schema.js';
import { regionOf } from './units/regions.js';

/** A task as listed under a unit in the per-unit view: enough of its {@link LedgerRow} to find it and see when it is due. */
export interface UnitTaskRef {
  /** Input file name (the row's `source`). */
  source?: string;
  /** Index of the document in its input. */
  document: number;
  /** Document title. */
  title: string;
  /** Task path, e.g. 2.4. */
  path: string;
  /** Task heading. */
  heading: string;
  /** The task's due date (ISO). */
  due?: string;
  /** Kind of the due deadline. */
  deadlineKind?: LedgerRow['deadlineKind'];
  /** The due deadline as written. */
  deadlineRaw?: string;
  /** For tasks reached through a collective: its canonical name. */
  via?: string;
}

/** One canonical unit and its tasks by role, as {@link byUnit} returns it. */
export interface UnitView {
  /** Canonical name with the region, e.g. 金昌市司法局. */
  canonical: string;
  /** What kind of unit it is. */
  kind: UnitKind;
  /** The jurisdiction it belongs to, when known. */
  region?: string;
  /** Every spelling seen, as written. */
  written: string[];
  /** Tasks it leads (牵头). */
  lead: UnitTaskRef[];
  /** Tasks it is responsible for (责任). */
  shared: UnitTaskRef[];
  /** Tasks it supports (配合). */
  cooperating: UnitTaskRef[];
  /** Tasks addressed to a collective it belongs to (and not to it directly), each with `via`. Empty for collectives and unknown units. */
  viaCollective: UnitTaskRef[];
}

/** Options for {@link byUnit}. */
export interface ByUnitOptions {
  /** Add tasks addressed to collectives to their members (default true). */
  collectives?: boolean;
}

/**
 * The per-unit view of ledger rows: one {@link UnitView} per canonical unit
 * named in any row, with the tasks it leads, shares (责任) and supports (配合),
 * each task once per role. With `collectives` (default true), an agency
 * also gets the tasks addressed to the departments of its region as a whole
 * (市政府各部门、单位), and a government those addressed to the governments
 * under its parent region (各县区政府), unless it is named on the task itself. Sorted by number of direct tasks (most first), then by name.
 *
 * @param rows - Rows from {@link toLedger}.
 * @param options - `collectives` (default true).
 * @returns The units with their tasks.
 */
export function byUnit(rows: readonly LedgerRow[], options: ByUnitOptions = {}): UnitView[] {
  const views = new Map<string, UnitView>();
  const view = (u: LedgerUnit): UnitView => {
    let v = views.get(u.canonical);
    if (!v) {
      v = { canonical: u.canonical, kind: u.kind, written: [], lead: [], shared: [], cooperating: [], viaCollective: [] };
      if (u.region) v.region = u.region;
      views.set(u.canonical, v);
    }
    if (!v.written.includes(u.raw)) v.written.push(u.raw);
    return v;
  };
  const roles = [
    ['leadUnits', 'lead'],
    ['responsibleUnits', 'shared'],
    ['cooperatingUnits', 'cooperating'],
  ] as const;
  for (const row of rows)
    for (const [field, list] of roles) {
      const done = new Set<string>();
      for (const u of row[field]) if (!done.has(u.canonical)) (done.add(u.canonical), view(u)[list].push(ref(row)));
    }

  if (options.collectives ?? true) {
    const members = [...views.values()].filter((v) => v.kind === 'agency' || v.kind === 'government');
    for (const row of rows) {
      const direct = new Set([...row.leadUnits, ...row.responsibleUnits, ...row.cooperatingUnits].map((u) => u.canonical));
      for (const c of [...row.leadUnits, ...row.responsibleUnits, ...row.cooperatingUnits]) {
        if (c.kind !== 'collective' || !c.region) continue;
        for (const m of members) if (!direct.has(m.canonical) && belongs(m, c)) m.viaCollective.push({ ...ref(row), via: c.canonical });
      }
    }
    for (const m of members) m.viaCollective = dedupe(m.viaCollective);
  }
  const size = (v: UnitView) => v.lead.length + v.shared.length + v.cooperating.length;
  return [...views.values()].sort((a, b) => size(b) - size(a) || a.canonical.localeCompare(b.canonical, 'zh'));
}

/** Departments belong to "各部门" of their own region; governments to "各县区政府" of their parent region. */
function belongs(m: UnitView, c: LedgerUnit): boolean {
  if (c.members === 'departments') return m.kind === 'agency' && m.region === c.region;
  if (c.members === 'governments') return m.kind === 'government' && !!m.region && regionOf(m.region)?.parent === c.region;
  return false;
}

function ref(row: LedgerRow): UnitTaskRef {
  const r: UnitTaskRef = { document: row.document, title: row.title, path: row.path, heading: row.heading };
  if (row.source !== undefined) r.source = row.source;
  if (row.due) r.due = row.due;
  if (row.deadlineKind) r.deadlineKind = row.deadlineKind;
  if (row.deadlineRaw) r.deadlineRaw = row.deadlineRaw;
  return r;
}

function dedupe(refs: UnitTaskRef[]): UnitTaskRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.source}|${r.document}|${r.path}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
