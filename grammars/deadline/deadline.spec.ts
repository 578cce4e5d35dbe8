import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDeadline, resolveDeadline, resolvePeriodStart, DEADLINE_IN_TEXT } from './deadline.js';

describe('deadline grammar', () => {
  it.each([
    ['2023年10月底前', 'by', '2023-10-31'],
    ['2023年11月底前', 'by', '2023-11-30'],
    ['2022年6月底前', 'by', '2022-06-30'],
    ['2022年年底前', 'by', '2022-12-31'],
    ['2020年底前', 'by', '2020-12-31'],
    ['年底前', 'by', '2024-12-31'],
    ['6月底前', 'by', '2024-06-30'],
    ['2024年2月底前', 'by', '2024-02-29'],
    ['2023年12月31日前', 'by', '2023-12-31'],
    ['年内', 'by', '2024-12-31'],
    ['上半年', 'by', '2024-06-30'],
    ['2023年三季度末', 'by', '2023-09-30'],
    ['长期坚持', 'ongoing', undefined],
    ['及时发布', 'continuous', undefined],
    ['持续推进', 'continuous', undefined],
    ['看情况', 'unknown', undefined],
    ['2023年13月底前', 'unknown', undefined],
  ])('%s', (raw, kind, date) => {
    const m = parseDeadline(raw);
    expect(m.kind).toBe(kind);
    expect(resolveDeadline(m, 2024)).toBe(date);
  });

  it.each([
    // [raw, kind, date, period start, every]
    ['上半年', 'by', '2024-06-30', '2024-01-01', undefined],
    ['下半年', 'by', '2024-12-31', '2024-07-01', undefined],
    ['2023年上半年', 'by', '2023-06-30', '2023-01-01', undefined],
    ['上半年前', 'by', '2024-06-30', undefined, undefined],
    ['上半年末', 'by', '2024-06-30', undefined, undefined],
    ['第三季度', 'by', '2024-09-30', '2024-07-01', undefined],
    ['2023年第三季度内', 'by', '2023-09-30', '2023-07-01', undefined],
    ['三季度末', 'by', '2024-09-30', undefined, undefined],
    ['第一季度前', 'by', '2024-03-31', undefined, undefined],
    ['每季度', 'continuous', undefined, undefined, 'quarter'],
    ['每季度末', 'continuous', undefined, undefined, 'quarter'],
    ['每月', 'continuous', undefined, undefined, 'month'],
    ['每半年', 'continuous', undefined, undefined, 'half-year'],
    ['每年', 'continuous', undefined, undefined, 'year'],
  ])('periods and recurrences: %s', (raw, kind, date, from, every) => {
    const m = parseDeadline(raw);
    expect(m.kind).toBe(kind);
    expect(resolveDeadline(m, 2024)).toBe(date);
    expect(resolvePeriodStart(m, 2024)).toBe(from);
    expect(m.every).toBe(every);
  });

  it('leaves a year-less deadline unresolved without a plan year', () => {
    expect(resolveDeadline(parseDeadline('年底前'))).toBeUndefined();
  });

  it('finds deadline phrases in running text', () => {
    const t = '2020年8月底前，省级部门完成…；年底前在县级政府门户网站集中发布。于2022年6月底前优化';
    expect(t.match(DEADLINE_IN_TEXT)).toEqual(['2020年8月底前', '年底前', '2022年6月底前']);
    expect('在2023年10月召开'.match(DEADLINE_IN_TEXT)).toBeNull();
  });

  it('every YYYY年M月底前 resolves to the last day of that month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const iso = resolveDeadline(parseDeadline(`${y}年${m}月底前`));
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        return iso === last;
      }),
    );
  });
});
