/** Shared fixtures for the diff tests: corpus plans, tree mutations that keep paths and numbers consistent. */
import { join } from 'node:path';
import { parse } from '../../src/parse.js';
import type { PolicyDocument, Section } from '../../src/schema/document.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';
import type { PlanDiff } from '../../src/diff/schema.js';

export const SCRAPE = join(CORPUS_DIR, 'yongchang-site-scrape', 'source.txt');
export const JINCHANG = join(CORPUS_DIR, 'jinchang-2023-2024-gongkai-yaodian', 'source.md');

let cache: Promise<Record<string, PolicyDocument>> | undefined;

/** The corpus plans by name; the scrape's documents are [1] 2025 and [2] 2024-2025. */
export function plans(): Promise<Record<string, PolicyDocument>> {
  cache ??= (async () => {
    const scrape = await parse(SCRAPE);
    const one = async (id: string, file: string) => (await parse(join(CORPUS_DIR, id, file))).documents[0];
    return {
      yongchang2025: scrape.documents[1],
      yongchang2024: scrape.documents[2],
      jinchang: (await parse(JINCHANG)).documents[0],
      wuwei: await one('wuwei-2023-gongkai-fangan', 'source.txt'),
      qingyang: await one('qingyang-2022-gongkai-yaodian', 'source.txt'),
      gansu: await one('gansu-2020-gongkai-fangan', 'source.txt'),
    };
  })();
  return cache;
}

const DIGITS = '零一二三四五六七八九';
export function cjkNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

function markerFor(s: Section, ordinal: number): string {
  const m = s.marker;
  switch (s.markerStyle) {
    case 'cjk-dun':
      return `${cjkNumber(ordinal)}、`;
    case 'cjk-paren':
      return `${m[0]}${cjkNumber(ordinal)}${m[m.length - 1]}`;
    case 'arabic-dot':
      return `${ordinal}${m[m.length - 1]}`;
    case 'arabic-paren':
      return `${m[0]}${ordinal}${m[m.length - 1]}`;
    default:
      return m;
  }
}

/**
 * Rewrites paths from positions and numbers the way a drafter would after an
 * edit: level-2 items run on across sections when the plan did so, other
 * levels restart in each parent.
 */
export function renumber(doc: PolicyDocument): PolicyDocument {
  const runOn = doc.sections.length > 1 && (doc.sections[1].children[0]?.ordinal ?? 1) > 1;
  let running = 0;
  const walk = (list: Section[], prefix: string) =>
    list.forEach((s, i) => {
      s.path = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      const ordinal = s.level === 2 && runOn ? ++running : i + 1;
      s.ordinal = ordinal;
      s.marker = markerFor(s, ordinal);
      walk(s.children, s.path);
    });
  walk(doc.sections, '');
  return doc;
}

export const clone = (d: PolicyDocument): PolicyDocument => structuredClone(d);

/** Every node with its parent list and index there. */
export function nodes(doc: PolicyDocument): Array<{ section: Section; siblings: Section[]; index: number }> {
  const out: Array<{ section: Section; siblings: Section[]; index: number }> = [];
  const walk = (list: Section[]) =>
    list.forEach((s, index) => {
      out.push({ section: s, siblings: list, index });
      walk(s.children);
    });
  walk(doc.sections);
  return out;
}

export function section(partial: Partial<Section> & Pick<Section, 'heading' | 'text' | 'level' | 'markerStyle' | 'marker'>): Section {
  return {
    ordinal: 1,
    path: '?',
    lead: [],
    responsible: [],
    clauses: [],
    deadlines: [],
    children: [],
    span: { start: 0, end: 0, line: 1 },
    ...partial,
  };
}

/** (type, old paths, new paths) per item: the alignment, without the details. */
export const shape = (d: PlanDiff) => d.items.map((i) => `${i.type} ${i.old.map((r) => r.path).join('+') || '-'} → ${i.new.map((r) => r.path).join('+') || '-'}`);

const INVERSE: Record<string, string> = { added: 'removed', removed: 'added', split: 'merged', merged: 'split' };
/** The same alignment seen from the other side: old/new swapped, added↔removed, split↔merged. */
export const inverseShape = (d: PlanDiff) =>
  d.items.map((i) => `${INVERSE[i.type] ?? i.type} ${i.new.map((r) => r.path).join('+') || '-'} → ${i.old.map((r) => r.path).join('+') || '-'}`);
