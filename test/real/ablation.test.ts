/**
 * Each evidence feature of the outline decoder earns its place on the real
 * set: zeroing its weight lowers the macro field score. The context features
 * (after 。/space/）/：/a unit name/a labelled field) and the sequence bonus
 * stand in for one another — each alone can be zeroed at no cost on this set —
 * so they are ablated as the group they form.
 */
import { describe, expect, it } from 'vitest';
import { macro } from './helpers.js';
import { realEntries, REAL_MISSING } from '../../scripts/lib/real.js';
import { WEIGHTS, type Feature } from '../../src/structure/outline/weights.js';

const entries = realEntries();
const without = (...fs: Feature[]) => {
  const w = { ...WEIGHTS } as Record<Feature, number>;
  for (const f of fs) w[f] = 0;
  return macro(w, entries);
};

describe.skipIf(entries.length === 0)(`outline decoder ablation on the real set${entries.length ? '' : ` (skipped: ${REAL_MISSING})`}`, () => {
  const base = entries.length ? macro(WEIGHTS, entries) : 0;
  it.each(['inlineEnumeration', 'attachmentList', 'continues', 'bracketed', 'gluedHeading', 'decimalLike', 'restartAfterHigher'] as Feature[])('%s matters', (f) => {
    expect(without(f)).toBeLessThan(base);
  });
  it('the context evidence with the sequence bonus matters', () => {
    expect(without('afterSentenceEnd', 'afterSpace', 'afterClose', 'afterColon', 'afterUnitName', 'afterLabelledField', 'continues', 'firstOfStyle')).toBeLessThan(base - 0.1);
  });
  it('glued-marker evidence (after a unit name or a labelled field) matters with the sequence bonus', () => {
    expect(without('afterUnitName', 'afterLabelledField', 'continues')).toBeLessThan(base - 0.05);
  });
  it('a line start matters with the sequence bonus', () => {
    expect(without('lineStart', 'continues')).toBeLessThan(base - 0.1);
  });
});

/**
 * The penalties (afterHan, outOfSequence) never fire on the real set's gold
 * items, so they are shown on hand-written cases: without each, a marker
 * inside a word or out of sequence opens an item.
 */
import { segmentLines } from '../../src/structure/segment.js';
import type { Para } from '../../src/normalise/para.js';
const para = (text: string): Para => ({ text, map: Int32Array.from(text, (_, i) => i), end: text.length, kind: 'paragraph', gapBefore: false });
const markers = (text: string, weights = WEIGHTS as Record<Feature, number>) => segmentLines([para(text)], { weights }).filter((l) => l.marker).map((l) => l.marker!.raw);
describe('outline decoder penalties, on hand-written cases', () => {
  it('afterHan: 一、 inside a word is not a marker', () => {
    const t = '（一）推进改革。（二）实现“多证合一、一照一码”。';
    expect(markers(t)).toEqual(['（一）', '（二）']);
    expect(markers(t, { ...WEIGHTS, afterHan: 0 })).toContain('一、');
  });
  it('outOfSequence: a bracketed number that skips ahead is text', () => {
    const t = '（一）做好工作。（二）推进改革。（五）另行安排。';
    expect(markers(t)).toEqual(['（一）', '（二）']);
    expect(markers(t, { ...WEIGHTS, outOfSequence: 0 })).toContain('（五）');
  });
});
