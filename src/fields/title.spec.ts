import { describe, expect, it } from 'vitest';
import { cleanTitle, kindOf, regionOf, yearsOf } from './title.js';

describe('title fields', () => {
  it('cleans line-break spaces between Han chars only', () => {
    expect(cleanTitle('金昌市人民政府办公室 关于印发金昌市 2023-2024 年政务公开 工作要点的通知')).toBe(
      '金昌市人民政府办公室关于印发金昌市 2023-2024 年政务公开工作要点的通知',
    );
  });
  it.each([
    ['金昌市 2023—2024 年政务公开工作要点', '工作要点', '金昌市', 2023, 2024],
    ['武威市 2023 年政务公开工作实施方案', '实施方案', '武威市', 2023, 2023],
    ['永昌县2024-2025年政务公开工作要点', '工作要点', '永昌县', 2024, 2025],
    ['甘肃省政务公开工作实施方案', '实施方案', '甘肃省', undefined, undefined],
    ['甘肃省人民政府办公厅关于 2022年第三季度全省政府网站检查情况的通报', '通报', '甘肃省', 2022, 2022],
    ['政府信息公开指南', '指南', undefined, undefined, undefined],
  ])('%s', (title, kind, region, from, to) => {
    expect(kindOf(title)).toBe(kind);
    expect(regionOf(title)).toBe(region);
    expect(yearsOf(title)?.from).toBe(from);
    expect(yearsOf(title)?.to).toBe(to);
  });
});
