/**
 * Units written one after another without a separator (a collapsed table
 * cell, a lost 、): 市财政局市税务局市统计局 → 市财政局 | 市税务局 | 市统计局.
 * Grammar only, no tables: a cut is where a name that ends like an organisation
 * is followed by a level character (省/市/县/区/州/旗) that starts the next
 * name, and the rest ends like an organisation too. A stem fused with the next
 * unit (发改市场监管局) needs the alias table and is the resolver's job.
 */
import { endsLikeUnit, UNIT_SUFFIXES } from './unit.js';

/**
 * Endings a cut may follow. Single characters that also begin a place word
 * are left out: 社 (社区), 团 (团市委), 镇/乡/村 (镇区), 会/行/司 (总会/银行 + 市分行
 * is one body more often than two).
 */
const CUT_AFTER = UNIT_SUFFIXES.filter((s) => !['社', '团', '镇', '乡', '村', '会', '行', '司', '街道', '街镇', '乡镇', '社区'].includes(s));
const CUT_END = new RegExp(`(?:${[...CUT_AFTER].sort((a, b) => b.length - a.length).join('|')})$`);
/** What starts the next unit: a level character and a Han character (市财…, 县委…). */
const NEXT_START = /^[省市县区州旗][\u3400-\u9fff]/;
/** Shortest piece on either side of a cut: 团市委 and 县委县政府 stay whole. */
const MIN_PIECE = 3;

/**
 * Split a unit name that is several names run together; a single name comes
 * back as `[text]`. Only names that end like an organisation are cut, so a
 * truncated or unknown name is never broken up.
 *
 * @example splitRunTogether('市财政局市税务局市统计局') // ['市财政局', '市税务局', '市统计局']
 * @example splitRunTogether('县委县政府') // ['县委县政府'] (too short to be two)
 */
export function splitRunTogether(text: string): string[] {
  if (text.length < 2 * MIN_PIECE || /[、，,；;\s]/.test(text) || !endsLikeUnit(text)) return [text];
  const out: string[] = [];
  let start = 0;
  for (let i = start + MIN_PIECE; i <= text.length - MIN_PIECE; i++) {
    const left = text.slice(start, i);
    if (!CUT_END.test(left) || !NEXT_START.test(text.slice(i))) continue;
    out.push(left);
    start = i;
    i = start + MIN_PIECE - 1;
  }
  out.push(text.slice(start));
  return out;
}
