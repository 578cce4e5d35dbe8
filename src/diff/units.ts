/**
 * 牵头单位/责任单位 comparison. Units are compared as written (after width
 * and spacing normalisation), and the differences are then explained where
 * two spellings probably name the same body: 县发改局 / 发改 (truncated),
 * 县税务分局 / 税务, 司法局 / 县司法局, and a run-together 发改市场监管局 /
 * 县发改局 + 县市场监管局. Deliberately local and conservative: 市发改委 and
 * 县发改局 are different bodies (city vs county) and are not equated.
 */
import type { UnitChange } from './schema.js';

const norm = (u: string) => u.normalize('NFKC').replace(/\s+/g, '');

// Organisation suffixes that truncated or abbreviated spellings drop.
const SUFFIX = /(?:委员会|办公室|分局|局|委|办|中心|厅|处|署)$/;
// A leading jurisdiction level (县/市/区/省/州) or a named one (永昌县, 金川区).
const PREFIX = /^(?:[\u4e00-\u9fff]{0,4}?[省市县区州旗])/;

/** Spellings a unit may stand for: its core without suffix, with and without a leading jurisdiction. */
function variants(unit: string): Set<string> {
  const n = norm(unit);
  const out = new Set<string>();
  for (const base of [n, n.replace(SUFFIX, '')]) {
    if (!base) continue;
    out.add(base);
    // Several prefix lengths: 市市场监管局 → 市场监管局, but also keep 市场监管局 itself.
    for (let k = 1; k <= 5 && k < base.length; k++) {
      const head = base.slice(0, k);
      if (PREFIX.test(head) && /[省市县区州旗]$/.test(head)) out.add(base.slice(k));
    }
  }
  return out;
}

function core(unit: string): string {
  return norm(unit).replace(SUFFIX, '');
}

/** Two spellings probably name the same body. */
export function sameUnit(a: string, b: string): boolean {
  if (norm(a) === norm(b)) return true;
  const ca = core(a);
  const cb = core(b);
  if (ca.length < 2 || cb.length < 2) return false;
  // One is the other with a jurisdiction in front: 县发改 / 发改, 县政府各部门、单位 / 政府各部门、单位.
  const longer = ca.length >= cb.length ? ca : cb;
  const shorter = longer === ca ? cb : ca;
  if (longer === shorter) return true;
  if (longer.endsWith(shorter)) {
    const head = longer.slice(0, longer.length - shorter.length);
    return head.length <= 5 && /^[\u4e00-\u9fff]*[省市县区州旗]$/.test(head);
  }
  return false;
}

const variantCache = new Map<string, Set<string>>();
function cachedVariants(u: string): Set<string> {
  let v = variantCache.get(u);
  if (!v) {
    if (variantCache.size > 10_000) variantCache.clear();
    variantCache.set(u, (v = variants(u)));
  }
  return v;
}

/** `joined` is two units written together without separator: 发改市场监管局 = 县发改局 + 县市场监管局. */
function joinedUnits(joined: string, a: string, b: string): boolean {
  if (norm(joined).length < 4) return false;
  const target = cachedVariants(joined);
  const vb = cachedVariants(b);
  for (const t of target)
    for (const x of cachedVariants(a)) {
      if (!t.startsWith(x) || t.length === x.length) continue;
      const rest = t.slice(x.length);
      // The second part may have lost its suffix too: 发改市场监管 = 发改 + 市场监管(局).
      if (vb.has(rest)) return true;
    }
  return false;
}

export function compareUnits(oldUnits: string[], newUnits: string[]): UnitChange {
  const oldKeys = new Set(oldUnits.map(norm));
  const newKeys = new Set(newUnits.map(norm));
  const removed = oldUnits.filter((u) => !newKeys.has(norm(u)));
  const added = newUnits.filter((u) => !oldKeys.has(norm(u)));
  const equivalent: UnitChange['equivalent'] = [];
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  // One-to-one first, then one written as two run together (either direction).
  for (const o of removed) {
    const n = added.find((x) => !usedNew.has(x) && sameUnit(o, x));
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
    const hit = pairs(added, usedNew).find(([x, y]) => joinedUnits(o, x, y));
    if (hit) {
      equivalent.push({ old: [o], new: hit });
      usedOld.add(o);
      hit.forEach((h) => usedNew.add(h));
    }
  }
  for (const n of added) {
    if (usedNew.has(n)) continue;
    const hit = pairs(removed, usedOld).find(([x, y]) => joinedUnits(n, x, y));
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
