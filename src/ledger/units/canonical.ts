/**
 * One unit as written → its structured form(s) { raw, name, canonical, kind, region }.
 * Region context: in a 金昌市 plan 市 is 金昌市; unprefixed names take the plan's
 * region (司法局 in a 永昌县 plan is 永昌县司法局). Aliases come from data/aliases.json.
 * Truncated stems (发改, 数据) resolve when the table gives one agency, or when
 * the context (`known`: agencies named in full elsewhere in plans of the same
 * region) picks one; otherwise the unit is kept as unknown, with a diagnostic.
 */
import type { Diagnostic } from '../../schema/diagnostic.js';
import { diagnostic } from '../../diagnostics/codes.js';
import { looksTruncated } from '../../../grammars/unit/unit.js';
import { splitRunTogether } from '../../../grammars/unit/run-together.js';
import type { LedgerUnit } from '../schema.js';
import { agenciesByStem, agencyName, fixedUnit, FUSABLE_HEADS, type Agency } from './aliases.js';
import { looksCollective, recognize, type Recognized } from './kinds.js';
import { leadingRegion, namingLevel, regionAtLevel, regionByShort, regionOf, type Region } from './regions.js';

/** Context for {@link resolveUnit}: the plan's region, and agencies other plans of that region name in full. */
export interface UnitContext {
  /** The plan's region (doc.region), e.g. 金昌市. */
  region?: string;
  /** Agencies (standard name at the region's level) written in full in plans of this region → where; picks among ambiguous stems. */
  known?: ReadonlyMap<string, string>;
}

/** What {@link resolveUnit} returns. */
export interface ResolvedUnits {
  /** Usually one unit; two when the text was two units run together. */
  units: LedgerUnit[];
  /** `UNIT_TRUNCATED`, `UNIT_FUSED` and `UNIT_UNRESOLVED` doubts (without spans). */
  diagnostics: Diagnostic[];
}

const SPACE = /[\s\u3000\u00a0]+/g;

/**
 * Resolve one unit as written (e.g. 市发改委, 司法局, 发改, 各县区政府) to its
 * structured form: standard name, canonical name with the region, kind and
 * region. A level prefix (市, 县) or no prefix takes the plan's region; a
 * trailing 等 is dropped and flagged (`etc`); a truncated stem (发改) resolves
 * when it abbreviates one agency or when `ctx.known` picks one, else stays
 * `unknown`; two units run together (发改市场监管局) are split. Names the
 * tables do not know are kept as written. Never throws; doubts become diagnostics.
 *
 * @param raw - The unit as written in the clause.
 * @param ctx - The plan's `region` and `known` agencies (both optional).
 * @returns The unit(s) and diagnostics.
 */
export function resolveUnit(raw: string, ctx: UnitContext = {}): ResolvedUnits {
  const home = regionOf(ctx.region);
  const diagnostics: Diagnostic[] = [];
  let text = raw.replace(SPACE, '');
  // 省市场监管局等: "…and others" — resolve the named unit, remember the 等
  const etc = text.length > 1 && text.endsWith('等');
  if (etc) text = text.slice(0, -1);
  const mark = (u: LedgerUnit): LedgerUnit => (etc ? { ...u, etc: true } : u);

  // 市财政局市税务局: whole names run together (the core splits these; a caller passing raw text may not have)
  const parts = splitRunTogether(text);
  if (parts.length > 1) {
    diagnostics.push(diagnostic('UNIT_FUSED', `Unit “${raw}” reads as ${parts.length} units run together (${parts.join(' + ')}); split.`, { text: raw }));
    const units = parts.flatMap((part) => {
      const sub = resolveUnit(part, ctx);
      diagnostics.push(...sub.diagnostics);
      return sub.units.map((u) => mark({ ...u, raw, fused: true }));
    });
    return { units, diagnostics };
  }

  const fixed = fixedUnit(text);
  if (fixed) return { units: [mark(clean({ raw, name: fixed.name, canonical: fixed.canonical, kind: fixed.kind, region: fixed.region }))], diagnostics };

  const { region, rest, recognized } = splitPrefix(text, home);
  if (recognized) return { units: [mark(build(raw, region, recognized, home))], diagnostics };

  if (looksCollective(rest)) {
    const canonical = region && !rest.startsWith(region.name) ? region.name + rest : rest;
    return { units: [mark(clean({ raw, name: rest, canonical, kind: 'collective', region: region?.name, members: 'other' }))], diagnostics };
  }

  // 发改市场监管局: a stem fused with the next unit (a lost 、)
  const fused = splitFused(rest);
  if (fused) {
    diagnostics.push(diagnostic('UNIT_FUSED', `Unit “${raw}” reads as two units run together (${fused.join(' + ')}); split.`, { text: raw }));
    const units = fused.flatMap((part) => {
      const sub = resolveUnit(part, { ...ctx, region: region?.name ?? ctx.region });
      diagnostics.push(...sub.diagnostics);
      return sub.units.map((u) => mark({ ...u, raw, fused: true }));
    });
    return { units, diagnostics };
  }

  const stem = agenciesByStem(rest);
  if (stem.length > 0) {
    const known = (a: Agency) => ctx.known?.get(agencyName(a, namingLevel(region)));
    const chosen = stem.length === 1 ? stem[0] : stem.find((a) => known(a) !== undefined);
    if (chosen) {
      const why = stem.length === 1 ? 'the only agency it abbreviates' : `named in full in ${known(chosen)}`;
      const unit = mark({ ...build(raw, region, { kind: 'agency', agency: chosen }, home), truncated: true });
      // resolved: lower than the registry's warning, as its meaning says
      diagnostics.push(diagnostic('UNIT_TRUNCATED', `Unit “${raw}” is truncated; read as ${unit.canonical} (${why}).`, { text: raw, severity: 'info' }));
      return { units: [unit], diagnostics };
    }
    diagnostics.push(
      diagnostic('UNIT_TRUNCATED', `Unit “${raw}” is truncated and could be ${stem.map((a) => agencyName(a, namingLevel(region))).join(' or ')}; left unresolved.`, { text: raw }),
    );
    return { units: [mark({ raw, name: rest, canonical: (region?.name ?? '') + rest, kind: 'unknown', region: region?.name, truncated: true })], diagnostics };
  }

  if (!looksTruncated(rest)) {
    // an agency the table does not list (市退役军人事务局 is listed; 市档案馆 is not): keep its name as written
    return { units: [mark(clean({ raw, name: rest, canonical: (region?.name ?? '') + rest, kind: 'agency', region: region?.name }))], diagnostics };
  }
  diagnostics.push(diagnostic('UNIT_UNRESOLVED', `Unit “${raw}” is not a name the ledger can resolve; kept as written.`, { text: raw }));
  return { units: [mark(clean({ raw, name: rest, canonical: text, kind: 'unknown', region: region?.name }))], diagnostics };
}

/**
 * Which prefix to take off: a region name (永昌县政府办公室), a level character
 * (市司法局), or none (司法局, 市场监管局). The first reading the tables know wins;
 * 市场监管局 is thus not 市 + 场监管局.
 */
function splitPrefix(text: string, home: Region | undefined): { region?: Region; rest: string; recognized?: Recognized } {
  const readings: Array<{ region?: Region; rest: string }> = [];
  const named = leadingRegion(text, home);
  if (named) readings.push(named);
  const level = /^[省市县区州]/.exec(text)?.[0];
  if (level) {
    const r = regionAtLevel(home, level);
    readings.push({ region: r, rest: text.slice(1) });
  }
  readings.push({ region: home, rest: text });
  for (const r of readings) {
    const recognized = recognize(r.rest);
    if (recognized) return { ...r, recognized };
  }
  // unknown names: trust an explicit region name, then a level character unless it begins a word (市场…)
  if (named && named.rest) return named;
  if (level && !/^市场/.test(text) && readings[named ? 1 : 0].region) return readings[named ? 1 : 0];
  return { region: home, rest: text };
}

function build(raw: string, region: Region | undefined, r: Recognized, home: Region | undefined): LedgerUnit {
  const prefix = region?.name ?? '';
  switch (r.kind) {
    case 'government':
      return clean({ raw, name: '人民政府', canonical: prefix + '人民政府', kind: 'government', region: region?.name });
    case 'collective': {
      if (r.regionless) {
        const place = r.short ? regionByShort(r.short, home) : region;
        return clean({ raw, name: r.name, canonical: r.name, kind: 'collective', region: place?.name, members: r.members });
      }
      return clean({ raw, name: r.name, canonical: prefix + r.name, kind: 'collective', region: region?.name, members: r.members });
    }
    case 'agency': {
      const name = agencyName(r.agency, namingLevel(region));
      return clean({ raw, name, canonical: prefix + name, kind: 'agency', region: region?.name });
    }
  }
}

function splitFused(rest: string): [string, string] | undefined {
  for (const head of FUSABLE_HEADS) {
    if (head.length >= rest.length || !rest.startsWith(head)) continue;
    const tail = rest.slice(head.length);
    if (agenciesByStem(head).length + (recognize(head)?.kind === 'agency' ? 1 : 0) === 0) continue;
    const t = recognize(tail);
    if (t?.kind === 'agency') return [head, tail];
  }
  return undefined;
}

/** Drop undefined optionals so rows compare and serialise cleanly. */
function clean(u: LedgerUnit): LedgerUnit {
  for (const k of Object.keys(u) as Array<keyof LedgerUnit>) if (u[k] === undefined) delete u[k];
  return u;
}
