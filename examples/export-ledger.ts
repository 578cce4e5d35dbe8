/**
 * Turn a plan into a 工作台账 (one row per task: canonical 牵头/责任单位,
 * resolved deadline) and write it as CSV (UTF-8 with BOM, opens in Excel/WPS).
 *
 *   npx tsx examples/export-ledger.ts [file] [out.csv]
 *
 * Without an output path the CSV goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { parse, toCsv, toLedger } from 'gongwen';

const file = process.argv[2] ?? new URL('../corpus/pdf-docx/wuwei-2023-gongkai-fangan.docx', import.meta.url);
const out = process.argv[3];

const rows = toLedger(await parse(file));
const csv = toCsv(rows);
if (out) {
  writeFileSync(out, csv);
  console.error(`wrote ${rows.length} rows to ${out}`);
} else process.stdout.write(csv);
