import { describe, expect, it } from 'vitest';
import { splitUnits, looksTruncated, unitDoubts } from './units.js';
import { parseText } from '../index.js';

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
    // a collapsed table cell: several 牵头 units with their separators lost
    ['市财政局市税务局市统计局', ['市财政局', '市税务局', '市统计局']],
    ['市审批局市直各部门，各县（区）', ['市审批局', '市直各部门', '各县（区）']],
    ['县政府各部门、单位', ['县政府各部门、单位']],
  ])('%s', (raw, units) => {
    expect(splitUnits(raw)).toEqual(units);
  });
  it('flags truncated names', () => {
    expect(looksTruncated('发改')).toBe(true);
    expect(looksTruncated('数据')).toBe(true);
    expect(looksTruncated('市司法局')).toBe(false);
    expect(looksTruncated('市政府各部门、单位')).toBe(false);
  });

  it('doubts: a truncated name and names run together, each once', () => {
    expect(unitDoubts('发改、市财政局市税务局、发改、数据').map((d) => [d.code, d.text])).toEqual([
      ['UNIT_SUSPECT', '发改'],
      ['UNIT_FUSED', '市财政局市税务局'],
      ['UNIT_SUSPECT', '数据'],
    ]);
    expect(unitDoubts('市政府各部门、单位，中央、省属在金有关单位，永昌县')).toEqual([]);
  });
});

describe('the core splits and flags once', () => {
  it('three 牵头 units run together in a clause: three units, one UNIT_FUSED; a truncated name: one UNIT_SUSPECT', () => {
    const doc = parseText(`某某市2024年统计工作要点

一、夯实基础
（一）规范数据报送。按月报送。（牵头单位：市财政局市税务局市统计局；责任单位：发改）
`).documents[0];
    expect(doc.sections[0].children[0]).toMatchObject({ lead: ['市财政局', '市税务局', '市统计局'], responsible: ['发改'] });
    expect(doc.diagnostics.filter((d) => d.code.startsWith('UNIT_')).map((d) => [d.code, d.text])).toEqual([
      ['UNIT_FUSED', '市财政局市税务局市统计局'],
      ['UNIT_SUSPECT', '发改'],
    ]);
  });
});
