import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMarker } from './marker.js';
import { numberToCjk } from '../shared/numerals.js';

describe('marker grammar', () => {
  it.each([
    ['一、围绕', 'cjk-dun', 1, '一、'],
    ['二十一、保障', 'cjk-dun', 21, '二十一、'],
    ['三.加强', 'cjk-dun', 3, '三.'],
    ['（一）严格', 'cjk-paren', 1, '（一）'],
    ['(十一) 提升', 'cjk-paren', 11, '(十一)'],
    ['( 二十 )认真', 'cjk-paren', 20, '( 二十 )'],
    ['〔三〕', 'cjk-paren', 3, '〔三〕'],
    ['（一)混合', 'cjk-paren', 1, '（一)'],
    ['1. 推进', 'arabic-dot', 1, '1.'],
    ['25．加快', 'arabic-dot', 25, '25．'],
    ['３、全角', 'arabic-dot', 3, '３、'],
    ['（1）申请人', 'arabic-paren', 1, '（1）'],
    ['(7)申请', 'arabic-paren', 7, '(7)'],
    ['①第一', 'circled', 1, '①'],
    ['⑳', 'circled', 20, '⑳'],
  ])('%s', (text, style, ordinal, raw) => {
    expect(parseMarker(text)).toMatchObject({ style, ordinal, raw });
  });

  it.each(['2.5亿元', '2023.10', '第1季度', '2023年', '一是加强', '统一、规范', '12345热线', '(含培训机构)', '', '（）', '1.x'])(
    'rejects %s',
    (text) => {
      expect(parseMarker(text)).toBeNull();
    },
  );

  it('parses at an offset', () => {
    const t = '公开。（二）持续';
    expect(parseMarker(t, 3)).toMatchObject({ style: 'cjk-paren', ordinal: 2, raw: '（二）' });
  });

  it('round-trips every cjk ordinal 1..99 in every bracket style (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom(['（', '）'], ['(', ')'], ['〔', '〕'], ['（', ')']),
        fc.constantFrom('', ' ', '\u3000'),
        (n, [o, c], sp) => {
          const raw = `${o}${sp}${numberToCjk(n)}${sp}${c}`;
          const m = parseMarker(raw + '加强工作');
          return m !== null && m.ordinal === n && m.style === 'cjk-paren' && m.raw === raw;
        },
      ),
    );
  });

  it('never throws and never claims a marker longer than its input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const m = parseMarker(s);
        return m === null || (m.length <= s.length && m.ordinal >= 1);
      }),
    );
  });

  it('a decimal number is never an arabic-dot marker (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), (a, b) => parseMarker(`${a}.${b}亿元`) === null),
    );
  });
});
