// Dev aid: show the lines and roles structure sees.
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/extract/text.js';
import { paraFromBlock, trimPara } from '../../src/normalise/para.js';
import { reflow } from '../../src/normalise/reflow.js';
import { unwrapBlobs } from '../../src/structure/unwrap.js';
import { segmentLines } from '../../src/structure/segment.js';
import { assignRoles } from '../../src/structure/roles.js';
let src = readFileSync(process.argv[2], 'utf8');
if (process.argv[3] === 'oneline') src = src.replace(/^#+ /gm, '').replace(/^---$/gm, '').replace(/\s*\n\s*/g, '');
const paras = extractText(src).map((b) => trimPara(paraFromBlock(b)));
const lines = segmentLines(unwrapBlobs(reflow(paras).paras));
const roles = assignRoles(lines);
lines.forEach((l, i) => console.log(roles[i].padEnd(11), (l.marker?.raw ?? '').padEnd(6), l.text.slice(0, 60)));
