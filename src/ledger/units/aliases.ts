/** The agency alias table (data/aliases.json) as lookups: spelling → agency, truncated stem → candidates. */
import data from './data/aliases.json' with { type: 'json' };
import type { Level } from './regions.js';
import type { UnitKind } from '../schema.js';

export interface Agency {
  /** Standard name at city level; also the agency's identity. */
  name: string;
  province?: string;
  county?: string;
  aliases: string[];
  truncated?: string[];
}

export interface FixedUnit {
  aliases: string[];
  canonical: string;
  name: string;
  kind: UnitKind;
  region?: string;
}

const AGENCIES = data.agencies as Agency[];
const FIXED = data.fixed as FixedUnit[];

const BY_ALIAS = new Map<string, Agency>();
const BY_STEM = new Map<string, Agency[]>();
for (const a of AGENCIES) {
  for (const s of a.aliases) BY_ALIAS.set(s, a);
  for (const t of a.truncated ?? []) BY_STEM.set(t, [...(BY_STEM.get(t) ?? []), a]);
}
const FIXED_BY_ALIAS = new Map(FIXED.flatMap((f) => f.aliases.map((a) => [a, f] as const)));

export const agencyByAlias = (s: string): Agency | undefined => BY_ALIAS.get(s);
export const agenciesByStem = (s: string): Agency[] => BY_STEM.get(s) ?? [];
export const fixedUnit = (s: string): FixedUnit | undefined => FIXED_BY_ALIAS.get(s);

/** The agency's standard name at a level (发展和改革委员会 in a city, 发展和改革局 in a county). */
export function agencyName(a: Agency, level: Level | undefined): string {
  if (level === 'province') return a.province ?? a.name;
  if (level === 'county') return a.county ?? a.name;
  return a.name;
}

/** Every stem and alias, longest first: for splitting fused names (发改市场监管局). */
export const FUSABLE_HEADS = [...new Set([...BY_STEM.keys(), ...BY_ALIAS.keys()])].sort((a, b) => b.length - a.length);
