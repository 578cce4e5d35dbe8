import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClause } from './clause.js';

describe('responsibility clause grammar', () => {
  it('牵头单位 + 责任单位', () => {
    expect(parseClause('牵头单位：市司法局，责任单位：市政府各部门、单位，中央、省属在金有关单位，永昌县、金川区政府')).toEqual({
      lead: ['市司法局'],
      responsible: ['市政府各部门、单位', '中央、省属在金有关单位', '永昌县、金川区政府'],
      cooperating: [],
      missingColon: [],
    });
  });
  it('责任单位 + 完成时限', () => {
    expect(parseClause('责任单位：各县、区人民政府，市政府各部门，完成时限：长期坚持')).toMatchObject({
      lead: [],
      responsible: ['各县、区人民政府', '市政府各部门'],
      deadline: '长期坚持',
    });
  });
  it('A牵头，责任单位：B，完成时限', () => {
    expect(parseClause('市发展改革委牵头，责任单位：各县、区人民政府，市政府各部门，完成时限：及时发布')).toMatchObject({
      lead: ['市发展改革委'],
      responsible: ['各县、区人民政府', '市政府各部门'],
      deadline: '及时发布',
    });
  });
  it('A、B牵头，C，D按职责分工负责', () => {
    expect(parseClause('市司法局、市发展改革委牵头，各县、区人民政府，市政府各部门按职责分工负责，完成时限：及时发布')).toMatchObject({
      lead: ['市司法局、市发展改革委'],
      responsible: ['各县、区人民政府', '市政府各部门'],
      deadline: '及时发布',
    });
  });
  it('half-width with spaces', () => {
    expect(parseClause('牵头单位:市政府办公室、市司法局,责任单位:市政府各部门、单位,永昌县、金川区政府')).toMatchObject({
      lead: ['市政府办公室、市司法局'],
      responsible: ['市政府各部门、单位', '永昌县、金川区政府'],
    });
    expect(parseClause('责任单位: 市卫健委, 永昌县、金川区政府')).toMatchObject({ responsible: ['市卫健委', '永昌县、金川区政府'] });
  });
  it('label without its colon', () => {
    expect(parseClause('牵头单位:数据,责任单位政府各部门、单位')).toEqual({
      lead: ['数据'],
      responsible: ['政府各部门、单位'],
      cooperating: [],
      missingColon: ['责任单位'],
    });
  });
  it('not a clause', () => {
    expect(parseClause('含培训机构')).toBeNull();
    expect(parseClause('同步组织、同步审签、同步部署')).toBeNull();
  });
  it('never throws on arbitrary text after a keyword (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const r = parseClause(`${a}责任单位：${b}`);
        return r === null || Array.isArray(r.responsible);
      }),
    );
  });
  it('keeps every unit text it was given (property)', () => {
    const unit = fc.stringMatching(/^[市县区局委办][\u4e00-\u4e20]{1,6}[局委办]$/);
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.array(unit, { minLength: 1, maxLength: 4 }), (lead, resp) => {
        const r = parseClause(`牵头单位：${lead.join('、')}，责任单位：${resp.join('，')}`);
        return r !== null && r.lead.join('、') === lead.join('、') && r.responsible.join('，') === resp.join('，');
      }),
    );
  });
});

describe('配合单位 is its own role', () => {
  it.each([
    ['牵头单位：市司法局，配合单位：市政府各部门、单位', ['市司法局'], [], ['市政府各部门、单位']],
    ['牵头单位：市司法局，责任单位：市财政局，配合单位：市税务局，完成时限：年底前', ['市司法局'], ['市财政局'], ['市税务局']],
    ['市司法局牵头，市财政局配合', ['市司法局'], [], ['市财政局']],
    ['市司法局牵头，市财政局按职责分工负责', ['市司法局'], ['市财政局'], []],
    ['牵头单位:县司法局,协办单位:县财政局、县税务局', ['县司法局'], [], ['县财政局、县税务局']],
  ])('%s', (inner, lead, responsible, cooperating) => {
    expect(parseClause(inner)).toMatchObject({ lead, responsible, cooperating });
  });
});
