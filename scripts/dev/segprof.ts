// Dev aid: where the outline decoder's time goes (scan, evidence, decode), corpus text files.
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/extract/text.js';
import { paraFromBlock, trimPara } from '../../src/normalise/para.js';
import { reflow } from '../../src/normalise/reflow.js';
import { unwrapBlobs } from '../../src/structure/unwrap.js';
import { scanMarkers } from '../../grammars/marker/marker.js';
import { candidatesOf, decode } from '../../src/structure/outline/decoder.js';
import { corpusEntries } from '../lib/corpus.js';
const inputs = corpusEntries().filter((e) => !e.source.endsWith('.md')).map((e) => unwrapBlobs(reflow(extractText(readFileSync(e.source, 'utf8')).map((b) => trimPara(paraFromBlock(b)))).paras).map((p) => p.text));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let ts = 0, tc = 0, td = 0, n = 0;
for (let rep = 0; rep < 60; rep++) for (const texts of inputs) {
  let t = cpu(); for (const x of texts) scanMarkers(x); ts += cpu() - t;
  t = cpu(); const c = candidatesOf(texts); tc += cpu() - t;
  t = cpu(); decode(c); td += cpu() - t; n += c.length;
}
console.log('scan', ts.toFixed(0), 'ms; scan+evidence', tc.toFixed(0), 'ms; decode', td.toFixed(0), 'ms; candidates/rep', n / 60);
