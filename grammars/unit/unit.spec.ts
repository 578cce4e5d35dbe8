import { describe, expect, it } from 'vitest';
import { endsLikeUnit, looksTruncated, stripRolePhrase } from './unit.js';
import { splitRunTogether } from './run-together.js';

describe('splitRunTogether', () => {
  it.each([
    ['市财政局市税务局市统计局', ['市财政局', '市税务局', '市统计局']],
    ['县发改局县市场监管局', ['县发改局', '县市场监管局']],
    ['市审批局市直各部门', ['市审批局', '市直各部门']],
    ['区委办公室区政府办公室', ['区委办公室', '区政府办公室']],
    ['市委宣传部市委网信办', ['市委宣传部', '市委网信办']],
    // the next unit begins with 市场…: still a cut after a whole unit
    ['县政府办市场监管局', ['县政府办', '市场监管局']],
    ['区财政局区税务局等', ['区财政局', '区税务局等']],
  ])('%s → %j', (text, parts) => {
    expect(splitRunTogether(text)).toEqual(parts);
  });

  it.each([
    '市财政局',
    '市场监督管理局', // 市 inside a name is not a level
    '县市场监管局',
    '县委县政府', // a joint body, and too short to be two
    '共青团市委', // 团 + 市委
    '城关镇社区卫生服务中心', // 社区, not 社 + 区…
    '国家税务总局金昌市税务局', // a place name inside the name, not a level character
    '平潭综合实验区管委会',
    '发改市场监管局', // a stem fused with a unit: the resolver's job, not the grammar's
    '数据', // truncated: never cut
    '市政府各部门、单位', // a list, not one name
  ])('%s stays whole', (text) => {
    expect(splitRunTogether(text)).toEqual([text]);
  });
});

describe('endsLikeUnit / looksTruncated / stripRolePhrase', () => {
  it.each([
    ['市司法局', true],
    ['街道办事处', true],
    ['区办公室（政策法规处）', true],
    ['发改', false],
    ['卫健', false],
  ])('endsLikeUnit(%s) = %s', (text, want) => {
    expect(endsLikeUnit(text)).toBe(want);
  });
  it('a region alone is not truncated (永昌县 is its government)', () => {
    expect(looksTruncated('永昌县')).toBe(false);
    expect(looksTruncated('税务')).toBe(true);
  });
  it('drops a role phrase only after a whole name', () => {
    expect(stripRolePhrase('区司法局负责法制审查工作')).toBe('区司法局');
    expect(stripRolePhrase('发改牵头')).toBe('发改牵头');
  });
});
