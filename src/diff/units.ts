/**
 * 牵头单位/责任单位 comparison. Units are compared as written (after width and
 * spacing normalisation); the differences are then explained where two
 * spellings name the same body. "The same body" is judged by the project's one
 * unit recogniser (src/ledger/units: the unit grammar, alias and region
 * tables), each unit read in its own plan's region: 司法局 and 县司法局 in two
 * 永昌县 plans are the same body, 市司法局 in a 金昌市 plan and 司法局 in a
 * 永昌县 plan are not. A truncated name (发改, 税务) matches the agency it
 * abbreviates; an ambiguous one (数据) any agency it may abbreviate; a name
 * written as two run together (发改市场监管局) the two units it stands for.
 * Without a plan region a written level still counts: 市发改委 ≠ 县发改局.
 */
import { agenciesByStem, agencyByAlias } from '../ledger/units/aliases.js';
import { resolveUnit } from '../ledger/units/canonical.js';
import { regionOf } from '../ledger/units/regions.js';
import type { LedgerUnit } from '../ledger/schema.js';
import type { UnitChange } from './schema.js';

/** Each plan's region (`PolicyDocument.region`), the context each side's units are read in. */
export interface UnitRegions {
  old?: string;
  new?: string;
}

const norm = (u: string) => u.normalize('NFKC').replace(/\s+/g, '');

/** Where a body is: a region name, a level written without a known plan region (`县`), or anywhere (`*`). */
type Where = { region: string } | { level: 'province' | 'city' | 'county' } | { any: true };

/** One body a written unit names. */
interface Body {
  where: Where;
  /** The body's identity within its region (an agency's city-level standard name, 人民政府, a collective's name). */
  id: string;
  /** For a truncated name that fits several agencies (数据): their identities. */
  candidates?: string[];
}

const LEVEL: Record<string, 'province' | 'city' | 'county'> = { 省: 'province', 市: 'city', 州: 'city', 县: 'county', 区: 'county' };
/** A level character written at the start (县发改局), not 市场… */
const WRITTEN_LEVEL = /^([省市县区州])(?!场)/;

function bodyOf(u: LedgerUnit, written: string): Body {
  const level = WRITTEN_LEVEL.exec(written)?.[1];
  const where: Where = u.region ? { region: u.region } : level ? { level: LEVEL[level] } : { any: true };
  // without a region the resolver keeps an unknown name with its level character (县档案馆)
  const name = u.region || !level || !u.name.startsWith(level) ? u.name : u.name.slice(1);
  if (u.kind === 'agency') return { where, id: agencyByAlias(name)?.name ?? name };
  if (u.kind === 'unknown' && u.truncated) {
    const stem = agenciesByStem(name).map((a) => a.name);
    return stem.length ? { where, id: name, candidates: stem } : { where, id: name };
  }
  return { where, id: name };
}

const cache = new Map<string, Body[]>();
/** The bodies a unit as written names, read in `region` (usually one; two for a name run together). */
function bodies(unit: string, region: string | undefined): Body[] {
  const key = `${region ?? ''}\u0000${unit}`;
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size > 10_000) cache.clear();
    const written = norm(unit).replace(/等$/, '');
    hit = resolveUnit(unit, { region }).units.map((u) => bodyOf(u, written));
    cache.set(key, hit);
  }
  return hit;
}

function levelOf(w: Where): string | undefined {
  if ('region' in w) {
    const r = regionOf(w.region);
    return r?.municipality ? 'city' : r?.level;
  }
  return 'level' in w ? w.level : undefined;
}

/** Can two places be the same? Two named regions must be equal; a level matches a region of that level; `*` matches all. */
function samePlace(a: Where, b: Where): boolean {
  if ('any' in a || 'any' in b) return true;
  if ('region' in a && 'region' in b) return a.region === b.region;
  return levelOf(a) === levelOf(b);
}

function sameBody(a: Body, b: Body): boolean {
  if (!samePlace(a.where, b.where)) return false;
  if (a.id === b.id) return true;
  // 数据 (数据局 or 大数据中心) and 县数据局: the other plan says which
  return !!(a.candidates?.includes(b.id) || b.candidates?.includes(a.id));
}

/**
 * Two spellings name the same body, each read in its plan's region
 * (`regions.old` for `a`, `regions.new` for `b`). Without regions, a bare name
 * may be at any level and a written level (市, 县) must agree.
 */
export function sameUnit(a: string, b: string, regions: UnitRegions = {}): boolean {
  if (norm(a) === norm(b) && regions.old === regions.new) return true;
  const [x, y] = [bodies(a, regions.old), bodies(b, regions.new)];
  return x.length === 1 && y.length === 1 && sameBody(x[0], y[0]);
}

/** `joined` (one side) names exactly the bodies of `parts` (other side), in order: 发改市场监管局 = 县发改局 + 县市场监管局. */
function joinedUnits(joined: Body[], parts: Body[][]): boolean {
  return joined.length === parts.length && parts.every((p, k) => p.length === 1 && sameBody(joined[k], p[0]));
}

/**
 * Units of an item in the old and new plan: added and removed as written, and
 * which of those differences are only spelling (`equivalent`), judged with
 * each plan's region (see {@link sameUnit}).
 */
export function compareUnits(oldUnits: string[], newUnits: string[], regions: UnitRegions = {}): UnitChange {
  const oldKeys = new Set(oldUnits.map(norm));
  const newKeys = new Set(newUnits.map(norm));
  const removed = oldUnits.filter((u) => !newKeys.has(norm(u)));
  const added = newUnits.filter((u) => !oldKeys.has(norm(u)));
  const equivalent: UnitChange['equivalent'] = [];
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  // One-to-one first, then one written as two run together (either direction).
  for (const o of removed) {
    const n = added.find((x) => !usedNew.has(x) && sameUnit(o, x, regions));
    if (n !== undefined) {
      equivalent.push({ old: [o], new: [n] });
      usedOld.add(o);
      usedNew.add(n);
    }
  }
  const pairs = (list: string[], used: Set<string>) => {
    const out: [string, string][] = [];
    const free = list.filter((x) => !used.has(x));
    for (let i = 0; i < free.length; i++) for (let j = 0; j < free.length; j++) if (i !== j) out.push([free[i], free[j]]);
    return out;
  };
  for (const o of removed) {
    if (usedOld.has(o)) continue;
    const joined = bodies(o, regions.old);
    if (joined.length < 2) continue;
    const hit = pairs(added, usedNew).find(([x, y]) => joinedUnits(joined, [bodies(x, regions.new), bodies(y, regions.new)]));
    if (hit) {
      equivalent.push({ old: [o], new: hit });
      usedOld.add(o);
      hit.forEach((h) => usedNew.add(h));
    }
  }
  for (const n of added) {
    if (usedNew.has(n)) continue;
    const joined = bodies(n, regions.new);
    if (joined.length < 2) continue;
    const hit = pairs(removed, usedOld).find(([x, y]) => joinedUnits(joined, [bodies(x, regions.old), bodies(y, regions.old)]));
    if (hit) {
      equivalent.push({ old: hit, new: [n] });
      usedNew.add(n);
      hit.forEach((h) => usedOld.add(h));
    }
  }
  // Report in the order the old plan lists its units.
  equivalent.sort((x, y) => oldUnits.indexOf(x.old[0]) - oldUnits.indexOf(y.old[0]));
  const substantive = removed.some((u) => !usedOld.has(u)) || added.some((u) => !usedNew.has(u));
  return { old: oldUnits, new: newUnits, removed, added, equivalent, substantive };
}
