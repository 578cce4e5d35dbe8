#!/usr/bin/env node
/**
 * gongwen CLI.
 *   gongwen parse <file> [--format json] [--input-format text|markdown|html|docx|pdf] [--compact]
 * Exit codes: 0 ok; 1 a GongwenError (its code is printed on stderr);
 * 2 bad usage; 70 an unexpected internal error.
 */
import { parse } from '../parse.js';
import { isGongwenError } from '../errors.js';
import type { SourceFormat } from '../extract/block.js';

const USAGE = `Usage: gongwen parse <file> [--format json] [--input-format text|markdown|html|docx|pdf] [--compact]

Parses a Chinese government plan document (工作要点 / 实施方案 / 工作方案) and
prints the result as JSON: { source, documents, diagnostics, unplaced }.

Exit codes: 0 ok, 1 the input could not be parsed (error code on stderr),
2 bad usage, 70 internal error.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write('gongwen\n');
    return 0;
  }
  if (command !== 'parse') {
    process.stderr.write(`gongwen: unknown command “${command}”\n${USAGE}\n`);
    return 2;
  }
  let file: string | undefined;
  let outFormat = 'json';
  let inputFormat: SourceFormat | undefined;
  let compact = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--format') outFormat = rest[++i] ?? '';
    else if (a === '--input-format') inputFormat = rest[++i] as SourceFormat;
    else if (a === '--compact') compact = true;
    else if (a.startsWith('--')) {
      process.stderr.write(`gongwen: unknown option ${a}\n`);
      return 2;
    } else if (!file) file = a;
    else {
      process.stderr.write(`gongwen: only one file at a time (got ${a})\n`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write(`gongwen: parse needs a file\n${USAGE}\n`);
    return 2;
  }
  if (outFormat !== 'json') {
    process.stderr.write(`gongwen: unsupported --format ${outFormat} (only json)\n`);
    return 2;
  }
  try {
    const result = await parse(file, { format: inputFormat });
    process.stdout.write(JSON.stringify(result, null, compact ? 0 : 2) + '\n');
    return 0;
  } catch (err) {
    if (isGongwenError(err)) {
      process.stderr.write(`gongwen: ${err.code}: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`gongwen: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 70;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`gongwen: internal error: ${String(err)}\n`);
    process.exitCode = 70;
  },
);
