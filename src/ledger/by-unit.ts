/**
 * The per-unit view an office asks for: for each canonical unit, the tasks it
 * leads, shares (责任), supports (配合), and — for a department or a lower
 * government — the tasks addressed to a collective it belongs to
 * (市政府各部门、单位 covers 金昌市司法局; 各县区政府 covers 永昌县人民政府).
 */
import type { LedgerRow, LedgerUnit, UnitKind } from './schema.js';
import { regionOf } from './units/regions.js';

export interface UnitTaskRef {
  source?: string;
  document: number;
  title: string;
  path: string;
  heading: string;
  due?: string;
  deadlineKind?: LedgerRow['deadlineKind'];
  deadlineRaw?: string;
  /** For tasks reached through a collective: its canonical name. */
  via?: string;
}

export interface UnitView {
  canonical: string;
  kind: UnitKind;
  region?: string;
  /** Every spelling seen, as written. */
  written: string[];
  lead: UnitTaskRef[];
  shared: UnitTaskRef[];
  cooperating: UnitTaskRef[];
  viaCollective: UnitTaskRef[];
}

export interface ByUnitOptions {
  /** Add tasks addressed to collectives to their members (default true). */
  collectives?: boolean;
}

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
