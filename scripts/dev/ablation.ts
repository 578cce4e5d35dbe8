import { macro } from '../../test/real/helpers.js';
import { WEIGHTS, type Feature } from '../../src/structure/outline/weights.js';
const base = macro(WEIGHTS);
const groups: Record<string, Feature[]> = {
  ctxseq: ['afterSentenceEnd', 'afterSpace', 'afterClose', 'afterColon', 'afterUnitName', 'afterLabelledField', 'continues', 'firstOfStyle'],
  hanseq: ['afterHan', 'continues', 'firstOfStyle'],
  glued_cont: ['afterUnitName', 'afterLabelledField', 'continues'],
  allpos: ['afterSentenceEnd', 'afterSpace', 'afterClose', 'afterColon', 'afterUnitName', 'afterLabelledField', 'continues', 'firstOfStyle', 'restartAfterHigher','lineStart','bracketed','gluedHeading'],
};
console.log('all', base.toFixed(4));
for (const [g, fs] of Object.entries(groups)) {
  const w = { ...WEIGHTS } as Record<Feature, number>;
  for (const f of fs) w[f] = 0;
  console.log(g.padEnd(12), (macro(w) - base).toFixed(4));
}
