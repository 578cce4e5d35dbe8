// Dev aid: the lines and roles structure sees, for a binary input (doc, ofd, pdf, docx).
import { readFileSync } from 'node:fs';
import { extractBinary } from '../../src/extract/index.js';
import { paraFromBlock, trimPara } from '../../src/normalise/para.js';
import { reflow } from '../../src/normalise/reflow.js';
import { recoverCellTables } from '../../src/structure/cell-table.js';
import { unwrapBlobs } from '../../src/structure/unwrap.js';
import { segmentLines } from '../../src/structure/segment.js';
import { assignRoles } from '../../src/structure/roles.js';
const [file, format] = process.argv.slice(2);
const ex = await extractBinary(format as never, new Uint8Array(readFileSync(file)), {});
const paras = ex.blocks.filter((b) => b.kind !== 'rule').map((b) => trimPara(paraFromBlock(b))).filter((p) => p.text);
const lines = segmentLines(unwrapBlobs(reflow(recoverCellTables(paras)).paras));
const roles = assignRoles(lines);
lines.slice(0, Number(process.argv[4] ?? 25)).forEach((l, i) => console.log(roles[i].padEnd(11), (l.marker?.raw ?? '').padEnd(5), JSON.stringify(l.text.slice(0, 60))));
