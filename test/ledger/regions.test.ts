import { describe, expect, it } from 'vitest';
import { resolveUnit } from '../../src/index.js';
import { REGIONS, regionAtLevel, regionOf } from '../../src/ledger/units/regions.js';

const one = (raw: string, region?: string) => {
  const r = resolveUnit(raw, { region });
  expect(r.units).toHaveLength(1);
  return r.units[0];
};

describe('the region table beyond Gansu', () => {
  it('every province-level division and the 333 prefecture-level ones', () => {
    expect(REGIONS.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(REGIONS.filter((r) => r.level === 'city')).toHaveLength(333);
    for (const name of ['福建省', '广东省', '新疆维吾尔自治区', '香港特别行政区']) expect(regionOf(name)?.level, name).toBe('province');
    for (const name of ['福州市', '广州市', '大兴安岭地区', '锡林郭勒盟', '延边朝鲜族自治州', '儋州市']) expect(regionOf(name)?.level, name).toBe('city');
    expect(regionOf('延边州')?.name).toBe('延边朝鲜族自治州');
    expect(regionOf('福州')?.name).toBe('福州市');
    expect(regionOf('平潭')?.parent).toBe('福州市');
    expect(regionOf('青浦区')?.parent).toBe('上海市');
    expect(regionOf('天河区')?.parent).toBe('广州市');
  });

  it.each([
    // [home, char, region meant]
    ['青浦区', '市', '上海市'], // a municipality's district: 市 is the municipality
    ['青浦区', '区', '青浦区'],
    ['福清市', '市', '福清市'], // a county-level city calls itself 市
    ['平潭综合实验区', '区', '平潭综合实验区'],
    ['平潭综合实验区', '省', '福建省'],
    ['天河区', '市', '广州市'],
    ['永昌县', '市', '金昌市'],
  ])('%s: %s means %s', (home, char, want) => {
    expect(regionAtLevel(regionOf(home), char)?.name).toBe(want);
  });
});

describe('resolveUnit in plans of other provinces', () => {
  it.each([
    // [raw, plan region, canonical, kind]
    ['市财政局', '福州市', '福州市财政局', 'agency'],
    ['省财政厅', '福州市', '福建省财政厅', 'agency'],
    ['市财政局', '上海市', '上海市财政局', 'agency'], // a municipality names its agencies as a city
    ['市财政局', '青浦区', '上海市财政局', 'agency'],
    ['区卫健委', '青浦区', '青浦区卫生健康委员会', 'agency'], // a municipality's district names agencies as a city
    ['区发展改革委', '黄浦区', '黄浦区发展和改革委员会', 'agency'],
    ['区发改局', '天河区', '天河区发展和改革局', 'agency'], // a prefecture city's district: as a county
    ['区府办', '上海市青浦区', '青浦区人民政府办公室', 'agency'], // a plan region written as a path of names
    ['市财政局', '上海市青浦区', '上海市财政局', 'agency'],
    ['天河区教育局', '广州市', '天河区教育局', 'agency'],
    ['广州市天河区教育局', '广东省', '天河区教育局', 'agency'], // the deepest of nested region names
    ['区财政金融局', '平潭综合实验区', '平潭综合实验区财政金融局', 'agency'], // not in the alias table: kept as written
    ['市财政局', '福清市', '福清市财政局', 'agency'],
    ['各区政府', '广州市', '广州市各区人民政府', 'collective'],
  ])('%s in a %s plan → %s', (raw, region, canonical, kind) => {
    expect(one(raw, region)).toMatchObject({ raw, canonical, kind });
  });

  it('names run together are split and each resolved', () => {
    const r = resolveUnit('市财政局市税务局市统计局', { region: '福州市' });
    expect(r.units.map((u) => u.canonical)).toEqual(['福州市财政局', '福州市税务局', '福州市统计局']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['UNIT_FUSED']);
  });
});
