import { describe, expect, it } from 'vitest';
import { compareUnits, sameUnit } from '../../src/diff/units.js';

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
