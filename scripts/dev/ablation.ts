// Dev aid: the real-set and corpus macro with each outline weight zeroed (what the ablation test checks).
import { macro, corpusMacro } from '../../test/real/helpers.js';
import { WEIGHTS, type Feature } from '../../src/structure/outline/weights.js';
const base = macro(WEIGHTS);
const cbase = corpusMacro(WEIGHTS);
console.log('all', base.toFixed(4), cbase.toFixed(4));
for (const f of Object.keys(WEIGHTS) as Feature[]) console.log(f.padEnd(22), (macro({ ...WEIGHTS, [f]: 0 }) - base).toFixed(4), (corpusMacro({ ...WEIGHTS, [f]: 0 }) - cbase).toFixed(4));
