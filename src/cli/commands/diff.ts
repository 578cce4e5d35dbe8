/** gongwen diff <old> <new> [--format json|md|html|terminal] [--out file] [--old-doc N] [--new-doc N] */
import { writeFile } from 'node:fs/promises';
import { diff, escapeJson, renderHtml, renderMarkdown, renderTerminal } from '../../diff/index.js';
import { fail, type CommandResult } from '../io.js';

export const usage = `gongwen diff <old> <new> [--format json|md|html|terminal] [--out file] [--old-doc N] [--new-doc N] [--compact]
  Align two plans (last year's and this year's) by content and report what changed:
  added, removed, modified, renumbered, moved, split, merged; 牵头/责任单位 and deadlines.
  --format defaults to terminal on a TTY without --out, else json. --old-doc/--new-doc pick
  a document (0-based) when a file holds several, e.g. a scraped page.`;

const FORMATS = ['json', 'md', 'html', 'terminal'] as const;
type Format = (typeof FORMATS)[number];

function index(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return fail(`${flag} needs a document index (0, 1, …), got ${value ?? 'nothing'}`);
  return Number(value);
}

export async function run(args: string[]): Promise<CommandResult> {
  const files: string[] = [];
  let format: Format | undefined;
  let out: string | undefined;
  let oldDocument: number | undefined;
  let newDocument: number | undefined;
  let compact = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') {
      const f = args[++i];
      if (!FORMATS.includes(f as Format)) return fail(`unsupported --format ${f ?? ''} (json, md, html or terminal)`);
      format = f as Format;
    } else if (a === '--out') {
      out = args[++i];
      if (!out) return fail('--out needs a file name');
    } else if (a === '--old-doc') oldDocument = index(a, args[++i]);
    else if (a === '--new-doc') newDocument = index(a, args[++i]);
    else if (a === '--compact') compact = true;
    else if (a.startsWith('--')) return fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 2) return fail(`diff needs two files, old then new (got ${files.length})`);
  const fmt: Format = format ?? (!out && process.stdout.isTTY ? 'terminal' : 'json');
  const result = await diff(files[0], files[1], { oldDocument, newDocument });
  const text =
    fmt === 'json'
      ? escapeJson(JSON.stringify(result, null, compact ? 0 : 2)) + '\n'
      : fmt === 'md'
        ? renderMarkdown(result)
        : fmt === 'html'
          ? renderHtml(result)
          : renderTerminal(result, { color: out ? false : undefined });
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
  return 0;
}
