/**
 * Jinchang 2023-2024 (city) against Yongchang 2025 (county): Yongchang inserts
 * （十一）加强公共企事业单位信息公开 and （十六）加强基层政务公开 and drops
 * 增强政府公报服务功能, so every later number shifts. Expected pairs written
 * from reading the two plans (headings match one-to-one except those three).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments, type PlanDiff } from '../../src/diff/index.js';
import { inverseShape, plans, shape } from './helpers.js';

// old path → new path (or null): Jinchang item → Yongchang item.
const PAIRS: Array<[string | null, string | null, string]> = [
  ['1', '1', 'unchanged'], ['1.1', '1.1', 'modified'], ['1.2', '1.2', 'modified'], ['1.3', '1.3', 'modified'],
  ['2', '2', 'unchanged'], ['2.1', '2.1', 'modified'], ['2.2', '2.2', 'modified'], ['2.3', '2.3', 'modified'],
  ['2.4', '2.4', 'modified'], ['2.5', '2.5', 'modified'], ['2.6', '2.6', 'modified'], ['2.7', '2.7', 'modified'],
  [null, '2.8', 'added'],
  ['3', '3', 'unchanged'], ['3.1', '3.1', 'renumbered'], ['3.2', '3.2', 'renumbered'], ['3.3', '3.3', 'renumbered'], ['3.4', '3.4', 'renumbered'],
  [null, '3.5', 'added'],
  ['4', '4', 'unchanged'], ['4.1', '4.1', 'renumbered'], ['4.2', '4.2', 'renumbered'], ['4.3', '4.3', 'renumbered'],
  ['4.4', null, 'removed'],
  ['5', '5', 'unchanged'], ['5.1', '5.1', 'renumbered'], ['5.2', '5.2', 'renumbered'], ['5.3', '5.3', 'renumbered'],
];

describe('diff: Jinchang 2023-2024 → Yongchang 2025', () => {
  let d: PlanDiff;
  let back: PlanDiff;
  beforeAll(async () => {
    const p = await plans();
    d = diffDocuments(p.jinchang, p.yongchang2025);
    back = diffDocuments(p.yongchang2025, p.jinchang);
  });

  it('pairs every item with its true partner; inserted items added, dropped one removed', () => {
    expect(shape(d)).toEqual(PAIRS.map(([o, n, t]) => `${t} ${o ?? '-'} → ${n ?? '-'}`));
  });

  it('the inserted （十一） is added and the items after it are renumbered by one', () => {
    const added = d.items.find((i) => i.type === 'added') as PlanDiff['items'][number];
    expect(added.new[0]).toMatchObject({ marker: '(十一)', heading: '加强公共企事业单位信息公开' });
    const after = d.items.find((i) => i.old[0]?.path === '3.1') as PlanDiff['items'][number];
    expect([after.old[0].marker, after.new[0].marker]).toEqual(['(十一)', '(十二)']);
    expect(after.changes).toContain('number');
    expect(after.changes).toContain('text');
  });

  it('a renumbered item whose headings match keeps its heading', () => {
    for (const i of d.items.filter((x) => x.old.length && x.new.length)) expect(i.new[0].heading).toBe(i.old[0].heading);
  });

  it('city and county units are different bodies, not spelling variants', () => {
    const item = d.items.find((i) => i.old[0]?.path === '2.3') as PlanDiff['items'][number];
    expect(item.responsible.removed).toEqual(['市发改委', '永昌县', '金川区政府']);
    expect(item.responsible.added).toEqual(['县发改局']);
    expect(item.responsible.equivalent).toEqual([]);
    expect(item.responsible.substantive).toBe(true);
  });

  it('(二) 持续公开行政规范性文件: lead 市司法局 → 县司法局', () => {
    const item = d.items.find((i) => i.old[0]?.path === '1.2') as PlanDiff['items'][number];
    expect(item.lead.removed).toEqual(['市司法局']);
    expect(item.lead.added).toEqual(['县司法局']);
  });

  it('metadata: title, 文号, years, issuer, region, dates', () => {
    expect(d.metadata.map((m) => m.field)).toEqual(['title', 'docNumber', 'years', 'issuer', 'region', 'signed', 'printed', 'recipients']);
    expect(d.metadata.find((m) => m.field === 'years')).toEqual({ field: 'years', old: '2023-2024', new: '2025' });
  });

  it('diff(b, a) is the inverse', () => {
    expect(shape(back).sort()).toEqual(inverseShape(d).sort());
  });
});
