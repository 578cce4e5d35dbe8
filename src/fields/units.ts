/**
 * Split a unit list (牵头单位 / 责任单位 text) into units, exactly as written.
 * Splits on 、 ， , ； ; but keeps collective names whole:
 *  - 市政府各部门、单位     (the part after 、 is a generic word)
 *  - 中央、省属在金有关单位, 各县、区人民政府 (the part before 、 is a bare modifier)
 * while 永昌县、金川区政府 stays two units, and names run together without a
 * separator (市财政局市税务局, a collapsed table cell) are cut apart by the unit
 * grammar. Canonical names are a later concern (src/ledger/units).
 */
import { looksTruncated, stripRolePhrase } from '../../grammars/unit/unit.js';
import { splitRunTogether } from '../../grammars/unit/run-together.js';

const GENERIC_TAIL = /^(?:单位|部门|有关单位|各单位|直属单位|事业单位|企业|机构|单位（部门）|部门（单位）)$/;
const BARE_MODIFIER = /^(?:各?[\u4e00-\u9fff]|中央|省属|市直|县直|乡镇|街道|县区|市县|中省)$/;

// Unit lists repeat across a plan (县政府各部门、单位 …): memoise the split.
const splitMemo = new Map<string, readonly string[]>();

/** Treat the result as read-only (it is shared between calls). */
export function splitUnits(list: string): string[] {
  let hit = splitMemo.get(list);
  if (!hit) {
    if (splitMemo.size >= 4096) splitMemo.clear();
    hit = Object.freeze(splitUnitsUncached(list));
    splitMemo.set(list, hit);
  }
  return hit as string[];
}

function splitUnitsUncached(list: string): string[] {
  return namesAsWritten(list).flatMap(cutRunTogether);
}

/** The list split at its separators only (collectives kept whole, run-together names not yet cut). */
function namesAsWritten(list: string): string[] {
  const out: string[] = [];
  for (const group of list.split(/[，,；;\n]/)) {
    const parts = group.split('、').map((s) => stripRolePhrase(s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0。.]+$/g, '')));
    let current: string | undefined;
    for (const part of parts) {
      if (!part) continue;
      if (current !== undefined && (GENERIC_TAIL.test(part) || BARE_MODIFIER.test(current.split('、').pop()!))) {
        current += '、' + part;
      } else {
        if (current !== undefined) out.push(current);
        current = part;
      }
    }
    if (current !== undefined) out.push(current);
  }
  return out;
}

/** A collective joined by 、 (市政府各部门、单位) is one name; anything else may be several run together. */
const cutRunTogether = (u: string): string[] => (u.includes('、') ? [u] : splitRunTogether(u));

export { looksTruncated };

/** A doubt about one unit name in a list, for the core to flag once (the ledger then says how it resolved it). */
export interface UnitDoubt {
  code: 'UNIT_SUSPECT' | 'UNIT_FUSED';
  /** The name as written. */
  text: string;
  message: string;
}

/**
 * The doubts about the names of a unit list as written: a name that does not
 * end like an organisation (发改, 数据: probably truncated) and names run
 * together that {@link splitUnits} cut apart. Each name once per list.
 */
export function unitDoubts(list: string): UnitDoubt[] {
  const out: UnitDoubt[] = [];
  const seen = new Set<string>();
  for (const name of namesAsWritten(list)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const parts = cutRunTogether(name);
    if (parts.length > 1)
      out.push({ code: 'UNIT_FUSED', text: name, message: `Unit “${name}” is ${parts.length} units run together (${parts.join(' + ')}); split.` });
    for (const u of parts)
      if (looksTruncated(u) && !seen.has('\0' + u)) {
        seen.add('\0' + u);
        out.push({ code: 'UNIT_SUSPECT', text: u, message: `Unit name “${u}” does not end like an organisation; it may be truncated.` });
      }
  }
  return out;
}

/** Union in order of first appearance. */
export function unionUnits(lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of lists) for (const u of l) if (!seen.has(u)) (seen.add(u), out.push(u));
  return out;
}
