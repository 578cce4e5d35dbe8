import { describe, expect, it } from 'vitest';
import { scanMarkers } from './marker.js';

const seen = (t: string) => scanMarkers(t).map((c) => `${c.at}:${c.raw}`);

describe('scanMarkers: every marker-shaped candidate, anywhere', () => {
  it('finds markers after a space, glued to a heading and after a unit name', () => {
    expect(seen('一、总体要求 深入贯彻。 二、重点任务（一）完善机制1.建立制度')).toEqual(['0:一、', '13:二、', '19:（一）', '26:1.']);
    expect(seen('责任单位：区国资局（二）产业化')).toEqual(['9:（二）']);
  });
  it('never takes decimals, 第1季度 parts or numbers inside words for markers', () => {
    // shape only: a numeral glued to a Han char is rejected by the decoder, by context
    expect(seen('“多证合一、一照一码”')).toEqual(['4:一、']);
    expect(seen('第1季度')).toEqual([]);
    // a digit after the dot: offered, flagged as decimal-like, for the decoder to weigh
    expect(scanMarkers('投入2.5亿元').map((c) => c.decimal)).toEqual([true]);
    expect(scanMarkers('2023.10')).toEqual([]);
  });
  it('reads 7.365天 as item 7', () => {
    const [c] = scanMarkers('7.365天服务热线建设');
    expect(c).toMatchObject({ at: 0, ordinal: 7, raw: '7.', decimal: true });
  });
});
