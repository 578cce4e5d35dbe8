import { describe, expect, it } from 'vitest';
import { compareUnits, sameUnit } from '../../src/diff/units.js';
import { diffDocuments } from '../../src/diff/index.js';
import { parseText } from '../../src/index.js';

describe('unit comparison', () => {
  it.each([
    ['县发改局', '发改'],
    ['县税务分局', '税务'],
    ['司法局', '县司法局'],
    ['县政府各部门、单位', '政府各部门、单位'],
    ['县市场监管局', '市场监管局'],
    ['市大数据中心', '大数据中心'],
    ['县卫健局', '县卫健局 '],
  ])('%s ≈ %s', (a, b) => {
    expect(sameUnit(a, b)).toBe(true);
    expect(sameUnit(b, a)).toBe(true);
  });

  it.each([
    ['市发改委', '县发改局'],
    ['市市场监管局', '县市场监管局'],
    ['市场监管局', '发改市场监管局'],
    ['县教育局', '县卫健局'],
    ['市政府各部门、单位', '县政府各部门、单位'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameUnit(a, b)).toBe(false);
  });

  it('as written: added, removed, and which differences are only spelling', () => {
    const u = compareUnits(['发改市场监管局', '工信局', '县教育局'], ['县发改局', '县市场监管局', '县工信局', '县教育局', '县文旅局']);
    expect(u.removed).toEqual(['发改市场监管局', '工信局']);
    expect(u.added).toEqual(['县发改局', '县市场监管局', '县工信局', '县文旅局']);
    expect(u.equivalent).toEqual([
      { old: ['发改市场监管局'], new: ['县发改局', '县市场监管局'] },
      { old: ['工信局'], new: ['县工信局'] },
    ]);
    expect(u.substantive).toBe(true);
  });

  it('symmetric', () => {
    const a = ['发改市场监管局', '税务'];
    const b = ['县发改局', '县市场监管局', '县税务分局'];
    const ab = compareUnits(a, b);
    const ba = compareUnits(b, a);
    expect(ba.added).toEqual(ab.removed);
    expect(ba.removed).toEqual(ab.added);
    expect(ba.equivalent.map((e) => ({ old: e.new, new: e.old })).sort((x, y) => x.old[0].localeCompare(y.old[0]))).toEqual(
      [...ab.equivalent].sort((x, y) => x.old[0].localeCompare(y.old[0])),
    );
    expect(ab.substantive || ba.substantive).toBe(false);
  });

  it('order and width do not count', () => {
    const u = compareUnits(['县教育局', '县人社局'], ['县人社局', '县教育局']);
    expect(u.added.length + u.removed.length).toBe(0);
  });
});

describe('unit comparison in each plan’s region', () => {
  const JY = { old: '金昌市', new: '永昌县' };
  const YY = { old: '永昌县', new: '永昌县' };
  it.each([
    // [old, new, regions, same body?]
    ['市司法局', '司法局', JY, false], // 金昌市司法局 ≠ 永昌县司法局
    ['市司法局', '县司法局', JY, false],
    ['市司法局', '市司法局', { old: '金昌市', new: '永昌县' }, true], // 市 in a 永昌县 plan is 金昌市
    ['司法局', '县司法局', YY, true],
    ['发改', '县发改局', YY, true], // truncated, one agency
    ['数据', '县数据局', YY, true], // truncated, two candidates; the other plan says which
    ['数据', '县卫健局', YY, false],
    ['税务', '县税务分局', YY, true],
    ['市发改委', '县发改局', { old: '金昌市', new: '金昌市' }, false], // city vs (unnamed) county
    ['市财政局', '福州市财政局', { old: '福州市', new: '福建省' }, true],
    ['区财政局', '青浦区财政局', { old: '青浦区', new: '上海市' }, true],
    ['区财政局', '市财政局', { old: '青浦区', new: '青浦区' }, false], // 青浦区 vs 上海市
    ['市财政局', '上海市财政局', { old: '青浦区', new: '上海市' }, true],
    ['天河区教育局', '区教育局', { old: '广州市', new: '天河区' }, true],
    ['区教育局', '区教育局', { old: '天河区', new: '海珠区' }, false],
  ] as const)('%s (%j) vs %s', (a, b, regions, want) => {
    expect(sameUnit(a, b, regions)).toBe(want);
  });

  it('Jinchang → Yongchang: 市司法局 and 司法局 are different bodies', () => {
    const u = compareUnits(['市司法局', '市政府各部门、单位'], ['司法局', '政府各部门、单位'], JY);
    expect(u.equivalent).toEqual([]);
    expect(u.substantive).toBe(true);
  });

  it('Yongchang → Yongchang: 发改市场监管局 is 县发改局 + 县市场监管局, 数据 is 县数据局', () => {
    const u = compareUnits(['发改市场监管局', '数据'], ['县数据局', '县发改局', '县市场监管局'], YY);
    expect(u.equivalent).toEqual([
      { old: ['发改市场监管局'], new: ['县发改局', '县市场监管局'] },
      { old: ['数据'], new: ['县数据局'] },
    ]);
    expect(u.substantive).toBe(false);
  });
});

describe('diff passes each plan’s region to the unit comparison', () => {
  const plan = (title: string, lead: string) =>
    parseText(`${title}

一、强化公开
（一）更新目录。修订主动公开目录。（牵头单位：${lead}，完成时限：2024年6月底前）
`).documents[0];

  it('市司法局 (金昌市 plan) → 司法局 (永昌县 plan): a different body', () => {
    const a = plan('金昌市2024年政务公开工作要点', '市司法局');
    const b = plan('永昌县2024年政务公开工作要点', '司法局');
    expect([a.region, b.region]).toEqual(['金昌市', '永昌县']);
    const item = diffDocuments(a, b).items.find((i) => i.old[0]?.path === '1.1')!;
    expect(item.lead).toMatchObject({ removed: ['市司法局'], added: ['司法局'], equivalent: [], substantive: true });
  });

  it('县司法局 → 司法局 in two 永昌县 plans: the same body', () => {
    const a = plan('永昌县2024年政务公开工作要点', '县司法局');
    const b = plan('永昌县2025年政务公开工作要点', '司法局');
    const item = diffDocuments(a, b).items.find((i) => i.old[0]?.path === '1.1')!;
    expect(item.lead).toMatchObject({ equivalent: [{ old: ['县司法局'], new: ['司法局'] }], substantive: false });
  });
});
