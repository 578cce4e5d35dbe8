import { describe, expect, it } from 'vitest';
import { splitUnits, looksTruncated } from './units.js';

describe('splitUnits', () => {
  it.each([
    ['市政府各部门、单位，永昌县、金川区政府', ['市政府各部门、单位', '永昌县', '金川区政府']],
    ['中央、省属在金有关单位', ['中央、省属在金有关单位']],
    ['各县、区人民政府，市政府各部门', ['各县、区人民政府', '市政府各部门']],
    ['市发改委、市市场监管局、市工信局', ['市发改委', '市市场监管局', '市工信局']],
    ['省政府各部门，各市州政府、兰州新区管委会', ['省政府各部门', '各市州政府', '兰州新区管委会']],
    ['市政府有关部门、单位, 永昌县、金川区政府', ['市政府有关部门、单位', '永昌县', '金川区政府']],
    [' 县政府各部门、单位', ['县政府各部门、单位']],
    ['市场监管局、商务局、工信局、税务', ['市场监管局', '商务局', '工信局', '税务']],
  ])('%s', (raw, units) => {
    expect(splitUnits(raw)).toEqual(units);
  });
  it('flags truncated names', () => {
    expect(looksTruncated('发改')).toBe(true);
    expect(looksTruncated('数据')).toBe(true);
    expect(looksTruncated('市司法局')).toBe(false);
    expect(looksTruncated('市政府各部门、单位')).toBe(false);
  });
});
