/**
 * Yongchang 2024-2025 (old) against Yongchang 2025 (new), checked item by item
 * against corpus/diff/yongchang-2024-2025-vs-2025.expected.json, which was
 * written by hand from reading the two plans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff, PlanDiff } from '../../src/diff/index.js';
import type { DiffItem, TextDiff, UnitChange } from '../../src/diff/schema.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';
import { SCRAPE, plans } from './helpers.js';

interface ExpectedUnits {
  removed: string[];
  added: string[];
  equivalent: Array<{ old: string[]; new: string[] }>;
}
interface ExpectedItem {
  old: { path: string; marker: string };
  new: { path: string; marker: string };
  type: string;
  changes: string[];
  textDeleted?: string[];
  textInserted?: string[];
  lead?: ExpectedUnits;
  responsible?: ExpectedUnits;
  deadline?: { old: string | null; new: string | null };
}
const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'diff', 'yongchang-2024-2025-vs-2025.expected.json'), 'utf8')) as {
  metadata: Array<{ field: string; old: unknown; new: unknown }>;
  preamble: { textDeleted: string[]; textInserted: string[] };
  counts: Record<string, number>;
  items: ExpectedItem[];
};

const deleted = (t: TextDiff) => t.ops.filter((o) => o.op === 'delete').map((o) => o.text);
const inserted = (t: TextDiff) => t.ops.filter((o) => o.op === 'insert').map((o) => o.text);
const units = (u: UnitChange) => ({ removed: u.removed, added: u.added, equivalent: u.equivalent });
const noUnits = { removed: [], added: [], equivalent: [] };

describe('diff: Yongchang 2024-2025 → 2025 (hand-written expectation)', () => {
  let d: PlanDiff;
  beforeAll(async () => {
    const p = await plans();
    d = await diff(p.yongchang2024, p.yongchang2025);
  });

  it('validates against the PlanDiff schema', () => {
    expect(() => PlanDiff.parse(d)).not.toThrow();
  });

  it('pairs all 27 nodes (5 sections, 22 items) one-to-one in order, despite the three (二十)', () => {
    expect(d.items.map((i) => [i.old.map((r) => r.path), i.new.map((r) => r.path)])).toEqual(expected.items.map((e) => [[e.old.path], [e.new.path]]));
  });

  it('counts by change type', () => {
    expect(Object.fromEntries(Object.entries(d.counts).filter(([, n]) => n))).toEqual(
      Object.fromEntries(Object.entries(expected.counts).filter(([, n]) => n)),
    );
  });

  it('metadata changes: title, 文号, years, issuer, recipients', () => {
    expect(d.metadata.map((m) => ({ field: m.field, old: m.old ?? null, new: m.new ?? null }))).toEqual(
      expected.metadata.map(({ field, old, new: n }) => ({ field, old, new: n })),
    );
  });

  it('preamble: 2024-2025年 → 2025年, 统筹政务公开与安全保密', () => {
    expect(deleted(d.preamble)).toEqual(expected.preamble.textDeleted);
    expect(inserted(d.preamble)).toEqual(expected.preamble.textInserted);
  });

  for (const [k, e] of expected.items.entries()) {
    it(`${e.old.marker} ${e.old.path} → ${e.new.marker} ${e.new.path}: ${e.type}`, () => {
      const item = d.items[k] as DiffItem;
      expect(item.old[0].marker).toBe(e.old.marker);
      expect(item.new[0].marker).toBe(e.new.marker);
      expect(item.type).toBe(e.type);
      expect(item.changes).toEqual(e.changes);
      expect(item.heading.changed).toBe(false);
      if (e.textDeleted) expect(deleted(item.text)).toEqual(e.textDeleted);
      if (e.textInserted) expect(inserted(item.text)).toEqual(e.textInserted);
      if (!e.changes.includes('text')) expect(item.text.changed).toBe(false);
      expect(units(item.lead)).toEqual(e.lead ?? noUnits);
      expect(units(item.responsible)).toEqual(e.responsible ?? noUnits);
      // Every unit difference in this pair is a spelling difference of the scrape.
      expect(item.lead.substantive || item.responsible.substantive).toBe(false);
      if (e.deadline) {
        expect(item.deadline.changed).toBe(true);
        expect(item.deadline.old?.date ?? null).toBe(e.deadline.old);
        expect(item.deadline.new?.date ?? null).toBe(e.deadline.new);
      } else expect(item.deadline.changed).toBe(false);
    });
  }

  it('the report shows the 主动公开事项目录 sentence only 2024-2025 (一) has', () => {
    const item = d.items.find((i) => i.old[0]?.path === '1.1') as DiffItem;
    expect(deleted(item.text).join('')).toContain('2025年2月底前修订本单位主动公开事项目录');
  });

  it('also works from paths with document indexes', async () => {
    const again = await diff(SCRAPE, SCRAPE, { oldDocument: 2, newDocument: 1 });
    expect(again).toEqual(d);
  });
});
