import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, invertTextDiff, sideText, tokenize } from '../../src/diff/text-diff.js';

describe('text diff', () => {
  it('word-level on Chinese, via Intl.Segmenter', () => {
    expect(tokenize('修订本单位主动公开事项目录')).toEqual(['修订', '本', '单位', '主动', '公开', '事项', '目录']);
    const d = diffText('做好政策公开', '深入做好政策公开和发布');
    expect(d.ops).toEqual([
      { op: 'insert', text: '深入' },
      { op: 'equal', text: '做好政策公开' },
      { op: 'insert', text: '和发布' },
    ]);
  });

  it('width and spacing are not changes', () => {
    const d = diffText('（责任单位：县教育局）', '(责任单位: 县教育局)');
    expect(d.changed).toBe(false);
    expect(d.ops[0].old).toBe('（责任单位：县教育局）');
  });

  it('bounded: past maxEditLength it reports delete-all/insert-all and says so', () => {
    const a = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7) % 5000))).join('');
    const b = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x6000 + ((i * 13) % 5000))).join('');
    const t = performance.now();
    const d = diffText(a, b, { maxEditLength: 50 });
    expect(performance.now() - t).toBeLessThan(500);
    expect(d.exact).toBe(false);
    expect(d.ops).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });

  it('property: each side reads back exactly, and the inverse swaps them', () => {
    const cjk = fc.array(fc.constantFrom(...'政务公开工作要点县市局单位责任加强信息。，、 ab12'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(cjk, cjk, (a, b) => {
        const d = diffText(a, b);
        expect(sideText(d, 'old')).toBe(a);
        expect(sideText(d, 'new')).toBe(b);
        const inv = invertTextDiff(d);
        expect(sideText(inv, 'old')).toBe(b);
        expect(sideText(inv, 'new')).toBe(a);
      }),
      { numRuns: 300 },
    );
  });
});
