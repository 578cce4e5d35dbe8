/**
 * Jurisdictions: which region 市/县/区/省 means in a plan of a given region, and
 * region names at the start of a unit. Data: regions.json (Gansu, with its
 * counties; read first and wins) and divisions.json (every province and
 * prefecture-level division, and the districts of the real set's cities).
 */
import gansu from './data/regions.json' with { type: 'json' };
import divisions from './data/divisions.json' with { type: 'json' };

export type Level = 'province' | 'city' | 'county';

export interface Region {
  name: string;
  level: Level;
  parent?: string;
  short?: string;
  aliases?: string[];
  /** A province-level city (上海市): its agencies are named as a city's. */
  municipality?: boolean;
}

interface Division {
  name: string;
  short?: string;
  aliases?: string[];
  municipality?: boolean;
  cities?: string[];
}

const NO_BARE = new Set<string>(divisions.noBareAlias);
const CITY_SHORT: Record<string, string> = divisions.cityShort;

/** `名/别名/…` as written in divisions.json → name and aliases; 福州市 also answers to 福州. */
function entry(written: string): { name: string; aliases: string[] } {
  const [name, ...aliases] = written.split('/');
  const bare = /^(.{2,})[市省]$/.exec(name)?.[1];
  if (bare && !NO_BARE.has(name) && !aliases.includes(bare)) aliases.push(bare);
  return { name, aliases };
}

function nationalTable(): Region[] {
  const out: Region[] = [];
  for (const p of divisions.provinces as Division[]) {
    const e = entry(p.name);
    out.push({ name: e.name, level: 'province', short: p.short, aliases: [...(p.aliases ?? []), ...e.aliases], ...(p.municipality ? { municipality: true } : {}) });
    for (const c of p.cities ?? []) {
      const ce = entry(c);
      out.push({ name: ce.name, level: 'city', parent: e.name, aliases: ce.aliases, ...(CITY_SHORT[ce.name] ? { short: CITY_SHORT[ce.name] } : {}) });
    }
  }
  for (const group of divisions.counties) for (const c of group.names) out.push({ ...entry(c), level: 'county', parent: group.parent });
  return out;
}

const OWN = (gansu.regions as Region[]).map((r) => ({ ...r }));
const TABLE: Region[] = [...OWN, ...nationalTable().filter((r) => !OWN.some((o) => o.name === r.name))];
const BY_NAME = new Map<string, Region>();
for (const r of TABLE) if (!BY_NAME.has(r.name)) BY_NAME.set(r.name, r);
for (const r of TABLE) for (const a of r.aliases ?? []) if (!BY_NAME.has(a)) BY_NAME.set(a, r);
/** Names and aliases by first character, longest first, so 天祝藏族自治县 wins over 天祝. */
const BY_FIRST = new Map<string, string[]>();
for (const n of [...BY_NAME.keys()].sort((a, b) => b.length - a.length)) BY_FIRST.set(n[0], [...(BY_FIRST.get(n[0]) ?? []), n]);

/** Every region the tables know (for tests and tools). */
export const REGIONS: readonly Region[] = TABLE;

/** A region by its name; one not in the table gets its level from its last character. */
export function regionOf(name: string | undefined): Region | undefined {
  if (!name) return undefined;
  const known = BY_NAME.get(name);
  if (known) return known;
  // 上海市青浦区, 福建省福州市: a full path of names is its deepest region
  const path = leadingRegion(name);
  if (path && path.rest === '') return path.region;
  const level: Level | undefined = /省$|自治区$/.test(name) ? 'province' : /[市州盟]$|地区$/.test(name) ? 'city' : /[县区旗]$/.test(name) ? 'county' : undefined;
  return level ? { name, level } : undefined;
}

/** The level an agency of `region` is named at: a municipality's and its districts' agencies are a city's (上海市财政局, not 财政厅). */
export function namingLevel(region: Region | undefined): Level | undefined {
  // a municipality's districts too: 青浦区发展和改革委员会, 黄浦区卫生健康委员会
  if (region?.municipality || (region?.level === 'county' && regionOf(region.parent)?.municipality)) return 'city';
  return region?.level;
}

const LEVEL_OF_CHAR: Record<string, Level> = { 省: 'province', 市: 'city', 州: 'city', 盟: 'city', 县: 'county', 区: 'county', 旗: 'county' };

/**
 * What 省/市/县/区 at the start of a unit means in a plan of `home`: the nearest
 * of home and its ancestors at that level, or whose name ends with that
 * character — 市 in a 福清市 (county-level city) plan is 福清市, and in a
 * 青浦区 plan it is 上海市 (a municipality, province-level).
 */
export function regionAtLevel(home: Region | undefined, char: string): Region | undefined {
  const level = LEVEL_OF_CHAR[char];
  for (let r = home; r; r = r.parent ? regionOf(r.parent) : undefined) if (r.level === level || r.name.endsWith(char)) return r;
  return undefined;
}

/** A region name (甘肃省, 永昌县, 永昌) written at the start of `text`, with what follows. */
export function leadingRegion(text: string, home?: Region): { region: Region; rest: string } | undefined {
  let hit = home && text.startsWith(home.name) ? { region: home, rest: text.slice(home.name.length) } : firstRegion(text);
  // 广州市天河区财政局: the deepest of nested names
  for (let next = hit && firstRegion(hit.rest); hit && next && within(next.region, hit.region); next = firstRegion(hit.rest)) hit = next;
  return hit;
}

function firstRegion(text: string): { region: Region; rest: string } | undefined {
  for (const n of BY_FIRST.get(text[0]) ?? []) if (text.startsWith(n)) return { region: BY_NAME.get(n)!, rest: text.slice(n.length) };
  return undefined;
}

/** The region a one-character short form (在金 → 金昌市, 在闽 → 福建省) stands for, nearest to `home` first. */
export function regionByShort(short: string, home?: Region): Region | undefined {
  for (let r = home; r; r = r.parent ? regionOf(r.parent) : undefined) if (r.short === short) return r;
  return TABLE.find((r) => r.short === short);
}

/** Is `inner` the region `outer` or inside it? */
export function within(inner: Region | undefined, outer: Region | undefined): boolean {
  for (let r = inner; r && outer; r = r.parent ? regionOf(r.parent) : undefined) if (r.name === outer.name) return true;
  return false;
}
