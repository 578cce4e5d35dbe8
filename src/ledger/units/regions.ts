/** Jurisdictions: which region 市/县/省 means in a plan of a given region, and region names at the start of a unit. */
import data from './data/regions.json' with { type: 'json' };

export type Level = 'province' | 'city' | 'county';

export interface Region {
  name: string;
  level: Level;
  parent?: string;
  short?: string;
  aliases?: string[];
}

const TABLE: Region[] = (data.regions as Region[]).map((r) => ({ ...r }));
const BY_NAME = new Map<string, Region>();
for (const r of TABLE) {
  BY_NAME.set(r.name, r);
  for (const a of r.aliases ?? []) if (!BY_NAME.has(a)) BY_NAME.set(a, r);
}
/** Longest names first, so 天祝藏族自治县 wins over 天祝. */
const NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

/** A region by its name; one not in the table gets its level from its last character. */
export function regionOf(name: string | undefined): Region | undefined {
  if (!name) return undefined;
  const known = BY_NAME.get(name);
  if (known) return known;
  const level: Level | undefined = /省$|自治区$/.test(name) ? 'province' : /[市州盟]$/.test(name) ? 'city' : /[县区旗]$/.test(name) ? 'county' : undefined;
  return level ? { name, level } : undefined;
}

const LEVEL_OF_CHAR: Record<string, Level> = { 省: 'province', 市: 'city', 州: 'city', 县: 'county', 区: 'county' };

/** What 省/市/县/区 at the start of a unit means in a plan of `home`: the home region or its ancestor at that level. */
export function regionAtLevel(home: Region | undefined, char: string): Region | undefined {
  const level = LEVEL_OF_CHAR[char];
  for (let r = home; r; r = r.parent ? regionOf(r.parent) : undefined) if (r.level === level) return r;
  return undefined;
}

/** A region name (甘肃省, 永昌县, 永昌) written at the start of `text`, with what follows. */
export function leadingRegion(text: string, home?: Region): { region: Region; rest: string } | undefined {
  if (home && text.startsWith(home.name)) return { region: home, rest: text.slice(home.name.length) };
  for (const n of NAMES) if (text.startsWith(n)) return { region: BY_NAME.get(n)!, rest: text.slice(n.length) };
  return undefined;
}

/** The region a one-character short form (在金 → 金昌市) stands for, nearest to `home` first. */
export function regionByShort(short: string, home?: Region): Region | undefined {
  for (let r = home; r; r = r.parent ? regionOf(r.parent) : undefined) if (r.short === short) return r;
  return TABLE.find((r) => r.short === short);
}
