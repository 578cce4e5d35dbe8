/**
 * The real set in ../shared/corpus/real/: public plans from other provinces and
 * portals with hand-checked gold (`gold/<id>.items.json`, `gold/<id>.meta.json`).
 * Scored as that folder's README says: items paired in order by (level,
 * ordinal); each field's hits divided by the larger of the gold and parsed
 * item counts, so missing and extra items both cost.
 *
 * The documents are public but not ours: they stay in ../shared, and callers
 * skip with a message when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult, PolicyDocument, Section } from '../../src/index.js';

export const REAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'real');
export const REAL_MISSING = `the real set is not here (${REAL_DIR}); it lives outside the repository and CI provides it`;

export interface GoldItem {
  level: number;
  ordinal: number;
  heading: string;
  lead: string;
  responsible: string;
  deadline: string | null;
}
export interface GoldMeta {
  input: string;
  title?: string;
  issuer?: string;
  docNumber?: string | null;
  signed?: string | null;
  years?: [number, number];
}
export interface RealEntry {
  id: string;
  source: string;
  items: GoldItem[];
  meta: GoldMeta;
}

export function realEntries(): RealEntry[] {
  if (!existsSync(join(REAL_DIR, 'gold'))) return [];
  const out: RealEntry[] = [];
  for (const f of readdirSync(join(REAL_DIR, 'gold')).sort()) {
    const m = /^(.*)\.meta\.json$/.exec(f);
    if (!m) continue;
    const meta = JSON.parse(readFileSync(join(REAL_DIR, 'gold', f), 'utf8')) as GoldMeta;
    const items = JSON.parse(readFileSync(join(REAL_DIR, 'gold', `${m[1]}.items.json`), 'utf8')) as GoldItem[];
    out.push({ id: m[1], source: join(REAL_DIR, meta.input), items, meta });
  }
  return out;
}

export const ITEM_FIELDS = ['structure', 'heading', 'lead', 'responsible', 'deadline'] as const;
export const META_FIELDS = ['title', 'issuer', 'docNumber', 'signed', 'years'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
export type MetaField = (typeof META_FIELDS)[number];

export interface RealScore {
  gold: number;
  parsed: number;
  hits: Record<ItemField, number>;
  /** hits / max(gold, parsed), per field */
  score: Record<ItemField, number>;
  /** mean of the five item field scores */
  fieldScore: number;
  meta: Partial<Record<MetaField, { got: unknown; want: unknown; ok: boolean }>>;
  differences: string[];
}

const PUNCT = /[\s\u3000\u00a0\p{P}\p{S}]/gu;
const bare = (s: string) => s.replace(PUNCT, '');
const units = (s: string) =>
  s
    .split(/[、，,；;]/)
    .map((u) => u.replace(/[\s\u3000]/g, ''))
    .filter(Boolean)
    .sort()
    .join('|');

function headingOk(got: string, want: string): boolean {
  const a = bare(got);
  const b = bare(want);
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long.length - short.length <= 2;
}

export function flattenSections(doc: { sections: Section[] }): Section[] {
  const out: Section[] = [];
  const walk = (ss: Section[]) => {
    for (const s of ss) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return out;
}

/** The document the gold describes: the one with the most items (a notice and its plan come out as one). */
export function primaryDocument(result: ParseResult): PolicyDocument | undefined {
  let best: PolicyDocument | undefined;
  let n = -1;
  for (const d of result.documents) {
    const k = flattenSections(d).length;
    if (k > n) (best = d), (n = k);
  }
  return best;
}

/** Longest common subsequence of the (level, ordinal) keys: the README's "paired in order". */
function pair(gold: GoldItem[], got: Section[]): Array<[number, number]> {
  const n = gold.length;
  const m = got.length;
  const key = (l: number, o: number) => l * 1000 + o;
  const g = gold.map((x) => key(x.level, x.ordinal));
  const p = got.map((x) => key(x.level, x.ordinal));
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i][j] = g[i] === p[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (g[i] === p[j]) pairs.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function scoreReal(result: ParseResult, entry: RealEntry): RealScore {
  const got = result.documents.flatMap((d) => flattenSections(d));
  const pairs = pair(entry.items, got);
  const hits: Record<ItemField, number> = { structure: pairs.length, heading: 0, lead: 0, responsible: 0, deadline: 0 };
  const differences: string[] = [];
  const paired = new Set(pairs.map(([i]) => i));
  const pairedGot = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) {
    const w = entry.items[i];
    const s = got[j];
    const at = `#${i + 1} L${w.level}/${w.ordinal}`;
    if (headingOk(s.heading, w.heading)) hits.heading++;
    else differences.push(`${at} heading: got ${JSON.stringify(s.heading)}, want ${JSON.stringify(w.heading)}`);
    const lead = units(s.lead.join('、'));
    if (lead === units(w.lead)) hits.lead++;
    else differences.push(`${at} lead: got ${JSON.stringify(s.lead)}, want ${JSON.stringify(w.lead)}`);
    const resp = units([...s.responsible, ...(s.cooperating ?? [])].join('、'));
    if (resp === units(w.responsible)) hits.responsible++;
    else differences.push(`${at} responsible: got ${JSON.stringify([...s.responsible, ...(s.cooperating ?? [])])}, want ${JSON.stringify(w.responsible)}`);
    const dl = s.deadline && s.deadline.source !== 'text' ? s.deadline.raw : null;
    if ((dl === null ? null : bare(dl)) === (w.deadline === null ? null : bare(w.deadline))) hits.deadline++;
    else differences.push(`${at} deadline: got ${JSON.stringify(dl)}, want ${JSON.stringify(w.deadline)}`);
  }
  entry.items.forEach((w, i) => {
    if (!paired.has(i)) differences.push(`#${i + 1} missing: L${w.level}/${w.ordinal} ${w.heading.slice(0, 30)}`);
  });
  got.forEach((s, j) => {
    if (!pairedGot.has(j)) differences.push(`extra: L${s.level}/${s.ordinal} ${s.marker}${s.heading.slice(0, 30)}`);
  });
  const denom = Math.max(entry.items.length, got.length) || 1;
  const score = Object.fromEntries(ITEM_FIELDS.map((f) => [f, entry.items.length === 0 && got.length === 0 ? 1 : hits[f] / denom])) as Record<ItemField, number>;
  const fieldScore = ITEM_FIELDS.reduce((a, f) => a + score[f], 0) / ITEM_FIELDS.length;

  const doc = primaryDocument(result);
  const meta: RealScore['meta'] = {};
  const norm = (v: unknown) => (typeof v === 'string' ? v.replace(/[\s\u3000]/g, '') : v === undefined ? null : v);
  const check = (f: MetaField, gotV: unknown) => {
    if (!(f in entry.meta)) return;
    const want = (entry.meta as unknown as Record<string, unknown>)[f];
    const ok = JSON.stringify(norm(gotV)) === JSON.stringify(norm(want));
    meta[f] = { got: gotV ?? null, want, ok };
    if (!ok) differences.push(`meta ${f}: got ${JSON.stringify(gotV ?? null)}, want ${JSON.stringify(want)}`);
  };
  check('title', doc?.title);
  check('issuer', doc?.issuer);
  check('docNumber', doc?.docNumber?.raw ?? null);
  check('signed', doc?.dates.signed ?? null);
  check('years', doc?.years ? [doc.years.from, doc.years.to] : null);
  return { gold: entry.items.length, parsed: got.length, hits, score, fieldScore, meta, differences };
}
