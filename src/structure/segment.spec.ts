/**
 * The line-level pass: which markers open an item. Written against the greedy
 * cutter first (these pinned its behaviour), kept for the decoder that
 * replaced it; the cases below it are the families the decoder added.
 */
import { describe, expect, it } from 'vitest';
import { segmentLines } from './segment.js';
import type { Para } from '../normalise/para.js';

function para(text: string): Para {
  const map = new Int32Array(text.length);
  for (let i = 0; i < map.length; i++) map[i] = i;
  return { text, map, end: text.length, kind: 'paragraph', gapBefore: false };
}
const items = (...texts: string[]) => segmentLines(texts.map(para)).map((l) => (l.marker ? `${l.marker.raw}|${l.text.slice(l.marker.length, l.marker.length + 7)}` : `-|${l.text.slice(0, 6)}`));

describe('segmentLines (pinned before the decoder)', () => {
  it('cuts a marker run into a line after 。', () => {
    expect(items('（一）加强公开。做好工作。（二）持续推进。')).toEqual(['（一）|加强公开。做好', '（二）|持续推进。']);
  });
  it('keeps decimals and 第1季度 in the text', () => {
    expect(items('1.投入2.5亿元。第1季度完成。')).toEqual(['1.|投入2.5亿元']);
  });
  it('a whole plan on one line', () => {
    expect(items('一、总体要求。全面贯彻。二、主要任务。（一）公开。1.做好。2.推进。')).toEqual([
      '一、|总体要求。全面',
      '二、|主要任务。',
      '（一）|公开。',
      '1.|做好。',
      '2.|推进。',
    ]);
  });
  it('a marker out of sequence mid-line is text', () => {
    expect(items('（一）做好。（五）不是标题')).toEqual(['（一）|做好。（五）不']);
  });
  it('a citation bracket after 第 is not a marker', () => {
    expect(items('（一）依据第（二）项规定。')).toEqual(['（一）|依据第（二）项']);
  });
});
