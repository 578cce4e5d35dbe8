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
  it.each(['inlineEnumeration', 'outOfSequence', 'bracketed', 'gluedHeading', 'decimalLike', 'restartAfterHigher', 'attachmentList'] as Feature[])('%s matters', (f) => {
    expect(without(f)).toBeLessThan(base);
  });
  it('the context evidence with the sequence bonus matters', () => {
    expect(without('afterSentenceEnd', 'afterSpace', 'afterClose', 'afterColon', 'afterUnitName', 'afterLabelledField', 'continues', 'firstOfStyle')).toBeLessThan(base - 0.1);
  });
  it('glued-marker evidence (after a unit name or a labelled field) matters with the sequence bonus', () => {
    expect(without('afterUnitName', 'afterLabelledField', 'continues')).toBeLessThan(base - 0.05);
  });
});
