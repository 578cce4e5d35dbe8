/**
 * The pipeline every format shares, from extracted blocks to validated
 * documents: normalise → structure → fields → validate.
 */
import type { TextBlock, SourceFormat } from './extract/block.js';
import { paraFromBlock, trimPara, slicePara, lineIndex, type Para } from './normalise/para.js';
import { isPageNumber } from './normalise/furniture.js';
import { reflow } from './normalise/reflow.js';
import { recoverCellTables } from './structure/cell-table.js';
import { segmentLines, type Line } from './structure/segment.js';
import { unwrapBlobs } from './structure/unwrap.js';
import { assignRoles, compact } from './structure/roles.js';
import { splitDocuments } from './structure/documents.js';
import { buildDocument } from './fields/document.js';
import { FieldContext } from './fields/context.js';
import type { Diagnostic } from './schema/diagnostic.js';
import { diagnostic } from './diagnostics/codes.js';
import type { ParseResult, PolicyDocument, Unplaced } from './schema/document.js';
import { validateResult } from './validate/validate.js';
import { GongwenError } from './errors.js';
import type { TraceEntry } from './structure/outline/decoder.js';
import type { Weights } from './structure/outline/weights.js';

export interface PipelineInput {
  blocks: TextBlock[];
  /** Blocks an extractor already set aside (HTML navigation, PDF page numbers). */
  noise?: TextBlock[];
  /** The decoded (or, for PDF/DOCX, synthesized) text that spans point into. */
  text: string;
  source: ParseResult['source'];
  validate?: boolean;
  /** Record the outline decoder's decisions in `result.trace`. */
  trace?: boolean;
  /** @internal Other outline weights (the ablation test). */
  weights?: Weights;
}

export function runPipeline(input: PipelineInput): ParseResult {
  const lines = lineIndex(input.text);
  const ctx = new FieldContext(lines);
  const unplaced: Unplaced[] = [];
  const diagnostics: Diagnostic[] = ctx.diagnostics;

  for (const b of input.noise ?? []) {
    if (b.text.trim()) unplaced.push({ text: b.text, span: { ...b.span, line: ctx.lineOfOffset(b.span.start) }, reason: b.role ? `page chrome (${b.role})` : 'page chrome' });
  }

  // normalise: trim, set furniture aside, re-join broken paragraphs
  const paras: Para[] = [];
  for (const b of input.blocks) {
    if (b.kind === 'rule') continue;
    let p = b.kind === 'table-row' ? paraFromBlock(b) : trimPara(paraFromBlock(b));
    if (p.kind === 'table-row' && p.cells) {
      const cells = p.cells.map((c) => c.replace(/[\s\u3000]+/g, ''));
      // the header row itself: it lives on in every row's `header`
      if (p.header && cells.join('|') === p.header.map((h) => h.replace(/[\s\u3000]+/g, '')).join('|')) continue;
      // one cell merged across the table (一、… section row, a caption): text, not a task
      const filled = [...new Set(cells.filter(Boolean))];
      if (filled.length === 1 && cells.length > 1) {
        const first = p.cells.find((c) => c.trim())!.trim();
        const at = p.text.indexOf(first);
        p = at >= 0 ? { ...slicePara(p, at, at + first.length), kind: 'paragraph', cells: undefined, header: undefined } : { ...p, kind: 'paragraph', text: first };
      }
    }
    if (b.kind === 'furniture' || (p.kind !== 'table-row' && isPageNumber(p.text))) {
      unplaced.push({ text: p.text, span: ctx.span(p), reason: 'page furniture (page number or running header)' });
      continue;
    }
    if (p.text.length > 0 || p.kind === 'table-row') paras.push(p);
  }
  const { paras: flowed, joins } = reflow(recoverCellTables(paras));
  for (const j of joins) {
    const d = diagnostic('REFLOW_JOINED', 'A paragraph broken by a page break or blank line was joined back.', {
      span: { start: j.after, end: j.at, line: ctx.lineOfOffset(j.at) },
    });
    if (j.page !== undefined) d.span!.page = j.page;
    diagnostics.push(d);
  }

  // structure: cut at markers, tag lines, split documents
  const trace: TraceEntry[] | undefined = input.trace ? [] : undefined;
  const segmented: Line[] = segmentLines(unwrapBlobs(flowed), { trace, weights: input.weights });
  const roles = assignRoles(segmented);
  const split = splitDocuments(segmented, roles);
  for (const u of split.unplaced) unplaced.push({ text: u.line.text, span: ctx.span(u.line), reason: u.reason });

  // fields, one document at a time (each with its own diagnostics)
  const documents: PolicyDocument[] = [];
  const seen = new Map<string, { doc: PolicyDocument; draft: (typeof split.docs)[number] }>();
  for (const draft of split.docs) {
    const docCtx = new FieldContext(lines);
    const doc = buildDocument(draft, docCtx);
    // verbatim repeats (a scraped page listing one 通报 twice): compare the
    // whitespace-free text, but only for documents with the same title and size
    const key = `${compact(doc.title)}|${doc.span.end - doc.span.start}|${draft.lines.length}`;
    const candidate = seen.get(key) ?? seen.get(`${compact(doc.title)}|*`);
    const original = candidate && sameText(candidate.draft, draft) ? candidate.doc : undefined;
    if (original) {
      original.duplicates.push(doc.span);
      diagnostics.push(
        diagnostic('DUPLICATE_DOCUMENT', `“${doc.title}” appears again verbatim; it is reported once, and the repeat’s span is in \`duplicates\`.`, {
          span: doc.span,
          text: doc.title,
        }),
      );
      continue;
    }
    seen.set(key, { doc, draft });
    seen.set(`${compact(doc.title)}|*`, { doc, draft });
    documents.push(doc);
  }

  if (documents.length === 0) {
    const hasText = paras.some((p) => p.text.trim().length > 0);
    throw new GongwenError(
      'NOT_A_PLAN',
      hasText
        ? 'No document title, 文号 or numbered outline (一、/（一）/1.) was found: this does not look like a government plan or notice. Check the file, or parse it with { format } set if it was sniffed wrongly.'
        : 'The input has no text to parse.',
      { details: { unplaced: unplaced.length } },
    );
  }
  if (unplaced.length > 0) {
    diagnostics.push(diagnostic('UNPLACED_TEXT', `${unplaced.length} line(s) belong to no document (navigation, page furniture); they are listed in \`unplaced\`.`));
  }
  const result: ParseResult = { source: input.source, documents, diagnostics, unplaced };
  if (trace) result.trace = trace;
  return input.validate === false ? result : validateResult(result);
}

function sameText(a: { lines: Line[] }, b: { lines: Line[] }): boolean {
  if (a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) if (compact(a.lines[i].text) !== compact(b.lines[i].text)) return false;
  return true;
}

export type { SourceFormat };
