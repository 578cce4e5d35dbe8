import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate, DATE_LINE } from './date.js';

describe('date grammar', () => {
  it.each([
    ['2023年10月27日', '2023-10-27'],
    ['2023 年 10 月 27 日', '2023-10-27'],
    ['２０２０年８月１９日', '2020-08-19'],
    ['二〇二三年十月二十七日', '2023-10-27'],
    ['2020年8月20号', '2020-08-20'],
    ['2025-04-02', '2025-04-02'],
    ['2025/4/2', '2025-04-02'],
    ['2025.04.02', '2025-04-02'],
  ])('%s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, iso });
  });

  it.each(['2024年72', '2025-13-01', '2025-02-30', '2025-04', '2025-04-02日', '2023年13月1日', '2023年2月30日', '2023年10月', '10月27日', 'abc', ''])('rejects %s', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });

  it('recognises garbled date lines as date-like', () => {
    expect(DATE_LINE.test('2024年72  ')).toBe(true);
    expect(DATE_LINE.test('  2023年10月27日')).toBe(true);
    expect(DATE_LINE.test('2023年全省政务公开工作')).toBe(false);
  });

  it('round-trips every valid date (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const r = parseDate(`${y}年${m}月${day}日`);
        return r.ok && r.iso === d.toISOString().slice(0, 10);
      }),
    );
  });
});
