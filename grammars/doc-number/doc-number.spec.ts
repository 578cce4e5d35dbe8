import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocNumber } from './doc-number.js';

describe('文号 grammar', () => {
  it.each([
    ['金政办发〔2023〕90号', '金政办发', 2023, 90, []],
    ['甘政办发〔2020〕83号', '甘政办发', 2020, 83, []],
    ['武政办发 〔2023〕 51 号', '武政办发', 2023, 51, []],
    ['国办发[2020]17号', '国办发', 2020, 17, ['nonstandard-brackets']],
    ['庆政办发（２０２２）１２号', '庆政办发', 2022, 12, ['nonstandard-brackets']],
    ['永政办发2024〕66号', '永政办发', 2024, 66, ['missing-open-bracket']],
    ['永政办发〔2024 66号', '永政办发', 2024, 66, ['missing-close-bracket']],
    ['某政发〔2021〕第5号', '某政发', 2021, 5, []],
  ])('%s', (raw, prefix, year, serial, repairs) => {
    const m = parseDocNumber(raw);
    expect(m).toMatchObject({ prefix, year, serial, repairs });
    expect(m!.normalized).toBe(`${prefix}〔${year}〕${serial}号`);
  });

  it.each(['永政办发202466号', '2023年10月27日', '金政办发〔23〕90号', '金政办发〔2023〕号', '号', '', '〔2023〕90号'])('rejects %s', (raw) => {
    expect(parseDocNumber(raw)).toBeNull();
  });

  it('round-trips any prefix/year/serial (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('金政办发', '甘政发', '国办函', '永政办发'),
        fc.integer({ min: 1950, max: 2099 }),
        fc.integer({ min: 1, max: 9999 }),
        (p, y, s) => {
          const m = parseDocNumber(`${p}〔${y}〕${s}号`);
          return m !== null && m.prefix === p && m.year === y && m.serial === s && m.repairs.length === 0;
        },
      ),
    );
  });
});
