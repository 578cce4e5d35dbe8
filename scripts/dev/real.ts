import { parse } from '../../src/index.js';
import { realEntries, scoreReal } from '../lib/real.js';
const ids = process.argv.slice(2);
for (const e of realEntries()) {
  if (ids.length && !ids.some((i) => e.id.startsWith(i))) continue;
  try { const s = scoreReal(await parse(e.source), e);
  console.log(`== ${e.id} ${s.gold}/${s.parsed} field ${s.fieldScore.toFixed(3)}`); console.log('  ' + s.differences.join('\n  ')); } catch (err) { console.log(e.id, 'ERR', err); }
}
