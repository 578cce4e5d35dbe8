/** gongwen parse <file> [--format json] [--input-format …] [--compact] [--trace] [--ocr] */
import { parse } from '../../parse.js';
import type { SourceFormat } from '../../extract/block.js';
import { FORMAT_NAMES, isSourceFormat } from '../../extract/registry.js';
import { escapeJson } from '../../diff/render/escape.js';
import { fail, type CommandResult } from '../io.js';

export const usage = `gongwen parse <file> [--format json] [--input-format ${FORMAT_NAMES.join('|')}] [--compact] [--trace] [--ocr]
  Parse one document and print the ParseResult as JSON: { source, documents, diagnostics, unplaced }.
  --ocr reads PDF pages without a text layer (scans) through OCR (the system tesseract, chi_sim).
  --trace adds \`trace\`: every outline marker candidate with its evidence, score and decision.`;

export async function run(args: string[]): Promise<CommandResult> {
  let file: string | undefined;
  let outFormat = 'json';
  let inputFormat: SourceFormat | undefined;
  let compact = false;
  let trace = false;
  let ocr = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') outFormat = args[++i] ?? '';
    else if (a === '--input-format') {
      const f = args[++i];
      if (!isSourceFormat(f)) return fail(`unknown --input-format ${f ?? ''} (one of ${FORMAT_NAMES.join(', ')})`);
      inputFormat = f;
    }
    else if (a === '--compact') compact = true;
    else if (a === '--trace') trace = true;
    else if (a === '--ocr') ocr = true;
    else if (a.startsWith('--')) return fail(`unknown option ${a}`);
    else if (!file) file = a;
    else return fail(`only one file at a time (got ${a})`);
  }
  if (!file) return fail('parse needs a file');
  if (outFormat !== 'json') return fail(`unsupported --format ${outFormat} (only json)`);
  const result = await parse(file, { format: inputFormat, trace, ...(ocr ? { ocr: true } : {}) });
  // C1 and bidi controls in document text are escaped (same JSON value) so printing the result cannot drive the terminal.
  process.stdout.write(escapeJson(JSON.stringify(result, null, compact ? 0 : 2)) + '\n');
  return 0;
}
