import { describe, expect, it } from 'vitest';
import { findClause } from './responsibility.js';

describe('findClause', () => {
  it('finds a mixed-bracket clause at the end', () => {
    const t = '严格规范公开内容发布。…做好保密审查。(责任单位：市政府各部门、单位，永昌县、金川区政府)';
    const c = findClause(t)!;
    expect(c.raw).toBe('(责任单位：市政府各部门、单位，永昌县、金川区政府)');
    expect(t.slice(0, c.start)).toBe('严格规范公开内容发布。…做好保密审查。');
    expect(c.parsed?.responsible).toEqual(['市政府各部门、单位', '永昌县、金川区政府']);
  });
  it('handles （ … ) and nested brackets', () => {
    const c = findClause('做好工作。（牵头单位：市大数据中心，责任单位：乡镇（街道）便民服务中心)')!;
    expect(c.parsed).toMatchObject({ lead: ['市大数据中心'], responsible: ['乡镇（街道）便民服务中心'] });
  });
  it('ignores a trailing parenthetical that is not a clause', () => {
    expect(findClause('落实“三同步”(同步组织、同步审签、同步部署)')).toBeNull();
  });
  it('accepts a clause with a trailing 。', () => {
    expect(findClause('（责任单位：市教育局）。')?.parsed?.responsible).toEqual(['市教育局']);
  });
  it('takes an unclosed clause at the end', () => {
    const c = findClause('加强工作。（责任单位：市政府各部门')!;
    expect(c.closed).toBe(false);
    expect(c.parsed?.responsible).toEqual(['市政府各部门']);
  });
});
