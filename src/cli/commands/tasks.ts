/**
 * gongwen tasks <files...> [--format csv|xlsx|jsonl|text] [--out file] [--by-unit] …
 * Parses each file and writes its tasks as a 工作台账 (ledger rows with canonical
 * units and due dates), or, with --by-unit, the tasks of each unit.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from '../../parse.js';
import type { ParseResult } from '../../schema/document.js';
import { toLedger, PLAN_KINDS, type LedgerOptions } from '../../ledger/rows.js';
import { byUnit, type UnitView } from '../../ledger/by-unit.js';
import { toCsv, byUnitToCsv } from '../../ledger/write/csv.js';
import { toJsonl } from '../../ledger/write/jsonl.js';
import { toXlsx, byUnitToXlsx } from '../../ledger/write/xlsx.js';
import { escapeJson, escapeTerminal } from '../../diff/render/escape.js';
import { fail, type CommandResult } from '../io.js';

export const usage = `gongwen tasks <files...> [--format csv|xlsx|jsonl|text] [--out FILE] [--by-unit]
                [--sheets one|per-document] [--all-documents] [--all-nodes] [--due latest|first] [--raw-cells]
  Write the plans' tasks as a 工作台账: one row per task with canonical 牵头/责任/配合 units,
  due date, deadline kind and the raw deadline. CSV is UTF-8 with BOM (opens in Excel).
    --format          default: from --out's extension, else csv (text with --by-unit)
    --out FILE        write here instead of stdout (needed for xlsx on a terminal)
    --by-unit         per canonical unit: tasks it leads, shares, supports, and gets through
                      a collective (市政府各部门、单位 …); text, csv, xlsx or jsonl
    --sheets          xlsx: one sheet with a source column (default) or one per document
    --all-documents   include 指南 and 通报 (default: plans and notices only)
    --all-nodes       every outline node, not only leaf tasks
    --due             among several dates in a task's text, the due date is the latest (default) or first
    --raw-cells       csv/xlsx: keep cells starting with = + - @ as written (default: prefixed with ' so
                      Excel/WPS never run them as formulas); only for programs, not for people`;

type Format = 'csv' | 'xlsx' | 'jsonl' | 'text';
const FORMATS: readonly Format[] = ['csv', 'xlsx', 'jsonl', 'text'];
const BY_EXTENSION: Record<string, Format> = { '.csv': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.txt': 'text' };

export async function run(args: string[]): Promise<CommandResult> {
  const files: string[] = [];
  let format: Format | undefined;
  let out: string | undefined;
  let perUnit = false;
  let sheets: 'one' | 'per-document' = 'one';
  let escapeFormulas = true;
  const options: LedgerOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--format') {
      const f = value();
      if (!FORMATS.includes(f as Format)) return fail(`--format must be csv, xlsx, jsonl or text (got ${f ?? 'nothing'})`);
      format = f as Format;
    } else if (flag === '--out' || flag === '-o') {
      out = value();
      if (!out) return fail('--out needs a file name');
    } else if (flag === '--by-unit') perUnit = true;
    else if (flag === '--sheets') {
      const s = value();
      if (s !== 'one' && s !== 'per-document') return fail(`--sheets must be one or per-document (got ${s ?? 'nothing'})`);
      sheets = s;
    } else if (flag === '--raw-cells') escapeFormulas = false;
    else if (flag === '--all-documents') options.kinds = 'all';
    else if (flag === '--all-nodes') options.leavesOnly = false;
    else if (flag === '--due') {
      const d = value();
      if (d !== 'latest' && d !== 'first') return fail(`--due must be latest or first (got ${d ?? 'nothing'})`);
      options.due = d;
    } else if (flag.startsWith('-') && flag !== '-') return fail(`unknown option ${flag}`);
    else files.push(a);
  }
  if (files.length === 0) return fail('tasks needs at least one file');
  format ??= (out && BY_EXTENSION[extname(out).toLowerCase()]) || (perUnit ? 'text' : 'csv');
  if (format === 'text' && !perUnit) return fail('--format text is for --by-unit; use csv, xlsx or jsonl for the ledger');
  if (format === 'xlsx' && !out && process.stdout.isTTY) return fail('xlsx is binary: give --out FILE.xlsx (or redirect stdout)');

  const results: ParseResult[] = [];
  for (const f of files) results.push(await parse(f));
  const rows = toLedger(results, options);
  if (rows.length === 0)
    process.stderr.write(`gongwen tasks: no tasks found (documents of kind ${options.kinds === 'all' ? 'any' : PLAN_KINDS.join('/')}); see --all-documents\n`);

  let output: string | Uint8Array;
  if (perUnit) {
    const views = byUnit(rows);
    output =
      format === 'csv'
        ? byUnitToCsv(views, { escapeFormulas })
        : format === 'xlsx'
          ? await byUnitToXlsx(views, { escapeFormulas })
          : format === 'jsonl'
            ? escapeJson(toJsonl(views))
            : escapeTerminal(byUnitText(views));
  } else output = format === 'csv' ? toCsv(rows, { escapeFormulas }) : format === 'xlsx' ? await toXlsx(rows, { sheets, escapeFormulas }) : escapeJson(toJsonl(rows));

  if (out) await writeFile(out, output);
  else await new Promise<void>((resolve, reject) => process.stdout.write(output, (err) => (err ? reject(err) : resolve())));
  return 0;
}

/** The per-unit view for a terminal: each unit, then its tasks by role. */
function byUnitText(views: UnitView[]): string {
  const lines: string[] = [];
  const KIND: Record<string, string> = { agency: '部门', government: '政府', collective: '统称', unknown: '未识别' };
  for (const v of views) {
    const also = v.written.filter((w) => w !== v.canonical);
    lines.push(
      `${v.canonical} [${KIND[v.kind]}]${also.length ? ` (written ${also.join(' / ')})` : ''}: ` +
        `牵头 ${v.lead.length} · 责任 ${v.shared.length} · 配合 ${v.cooperating.length} · 统称所含 ${v.viaCollective.length}`,
    );
    const groups: Array<[string, typeof v.lead]> = [
      ['牵头', v.lead],
      ['责任', v.shared],
      ['配合', v.cooperating],
      ['统称所含', v.viaCollective],
    ];
    for (const [role, refs] of groups)
      for (const r of refs)
        lines.push(`  ${role}  ${r.title} ${r.path} ${r.heading}${r.due ? `  [${r.due}]` : r.deadlineRaw ? `  [${r.deadlineRaw}]` : ''}${r.via ? `  ← ${r.via}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
