/**
 * Diff two plans (last year's and this year's): align sections and tasks by
 * content and report what was added, removed, reworded, renumbered, moved,
 * split or merged, and whose 牵头单位/责任单位 and deadlines changed.
 */
import { GongwenError } from '../errors.js';
import type { ParseOptions } from '../parse.js';
import type { PolicyDocument } from '../schema/document.js';
import { align, flatten, type Alignment } from './align.js';
import { classifyGroup } from './classify.js';
import { isPolicyDocument, resolveInput, type DiffInput } from './input.js';
import { compareMetadata } from './metadata.js';
import { ChangeType, type DiffItem, type PlanDiff } from './schema.js';
import { DEFAULT_MAX_EDIT_LENGTH, diffText } from './text-diff.js';

export {
  PlanDiff,
  DiffItem,
  ChangeType,
  ChangeFacet,
  TextDiff,
  TextOp,
  UnitChange,
  DeadlineChange,
  MetadataChange,
  ItemRef,
} from './schema.js';
export type { DiffInput } from './input.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml, HTML_REPORT_CSP } from './render/html.js';
export { escapeTerminal, escapeJson } from './render/escape.js';
export { renderTerminal, type TerminalOptions } from './render/terminal.js';

/**
 * Options for {@link diff} and {@link diffDocuments}: how readily items are
 * paired, how text is diffed, and (for {@link diff} only) which document of a
 * multi-document input to take and how to parse inputs.
 */
export interface DiffOptions {
  /** Lowest similarity (0–1, character-bigram Dice) at which two items in order are paired. Default 0.4. */
  minSimilarity?: number;
  /** Lowest similarity at which items out of order are paired as moved/reordered. Default 0.5. */
  moveSimilarity?: number;
  /** Share of a leftover item that must lie inside another for a split/merge. Default 0.8. */
  splitContainment?: number;
  /** Bound on each text diff, in word edits; past it the diff reports delete-all/insert-all with exact: false. Default 2000. */
  maxEditLength?: number;
  /** Text diff tokens: 'word' (Intl.Segmenter, default) or 'char' (one token per character). */
  granularity?: 'word' | 'char';
  /** Which document (0-based index) of a multi-document old input (e.g. a scraped page) is the old plan. Used by {@link diff} only. */
  oldDocument?: number;
  /** Which document (0-based index) of a multi-document new input is the new plan. Used by {@link diff} only. */
  newDocument?: number;
  /** Passed to {@link parse} when an input is a path, URL or bytes. Used by {@link diff} only. */
  parse?: ParseOptions;
}

type Resolved = Required<Pick<DiffOptions, 'minSimilarity' | 'moveSimilarity' | 'splitContainment' | 'maxEditLength'>>;

function checkOptions(o: DiffOptions): Resolved {
  const r: Resolved = {
    minSimilarity: o.minSimilarity ?? 0.4,
    moveSimilarity: o.moveSimilarity ?? 0.5,
    splitContainment: o.splitContainment ?? 0.8,
    maxEditLength: o.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
  };
  for (const k of ['minSimilarity', 'moveSimilarity', 'splitContainment'] as const)
    if (typeof r[k] !== 'number' || !(r[k] > 0 && r[k] <= 1)) throw new GongwenError('INVALID_OPTIONS', `diff: ${k} must be a number in (0, 1], got ${String(r[k])}`);
  if (!Number.isInteger(r.maxEditLength) || r.maxEditLength < 1)
    throw new GongwenError('INVALID_OPTIONS', `diff: maxEditLength must be a positive integer, got ${String(r.maxEditLength)}`);
  return r;
}

/**
 * Diff two plans. Inputs are PolicyDocuments, ParseResults, or anything
 * `parse` accepts (path, URL, bytes); a multi-document input needs
 * `oldDocument`/`newDocument` unless it holds exactly one document or exactly
 * one plan (工作要点/实施方案/工作方案 with an outline).
 * `diff(b, a)` reports the inverse of `diff(a, b)`; `diff(a, a)` is all unchanged.
 *
 * @param a - The old plan (e.g. last year's).
 * @param b - The new plan (e.g. this year's).
 * @param options - Pairing thresholds, text-diff settings, document choice and parse options; all optional.
 * @returns The {@link PlanDiff}: both documents summarised, metadata and preamble changes, one {@link DiffItem} per aligned entry, and counts per {@link ChangeType}.
 * @throws {@link GongwenError} `INVALID_OPTIONS` for an option out of range,
 * an input that is none of the accepted kinds, an `oldDocument`/`newDocument`
 * index out of range, or a multi-document input whose plan cannot be chosen;
 * for a path, URL or bytes, whatever {@link parse} throws (e.g. `FILE_NOT_FOUND`, `NOT_A_PLAN`).
 */
export async function diff(a: DiffInput, b: DiffInput, options: DiffOptions = {}): Promise<PlanDiff> {
  checkOptions(options);
  const [oldDoc, newDoc] = await Promise.all([
    resolveInput(a, options.oldDocument, 'old', options.parse),
    resolveInput(b, options.newDocument, 'new', options.parse),
  ]);
  return diffDocuments(oldDoc, newDoc, options);
}

/**
 * Synchronous diff of two parsed documents: {@link diff} without the input
 * resolution (`oldDocument`, `newDocument` and `parse` are ignored). Never
 * touches the file system.
 *
 * @param oldDoc - The old plan.
 * @param newDoc - The new plan.
 * @param options - Pairing thresholds and text-diff settings; all optional.
 * @returns The {@link PlanDiff} of the two documents.
 * @throws {@link GongwenError} `INVALID_OPTIONS` when `minSimilarity`,
 * `moveSimilarity` or `splitContainment` is not in (0, 1], `maxEditLength` is
 * not a positive integer, `granularity` is neither `'word'` nor `'char'`, or
 * either argument is not a PolicyDocument (a ParseResult needs {@link diff}).
 */
export function diffDocuments(oldDoc: PolicyDocument, newDoc: PolicyDocument, options: DiffOptions = {}): PlanDiff {
  const o = checkOptions(options);
  if (!isPolicyDocument(oldDoc) || !isPolicyDocument(newDoc))
    throw new GongwenError('INVALID_OPTIONS', 'diffDocuments takes two PolicyDocuments (use diff() for paths or ParseResults)');
  const al = align(flatten(oldDoc), flatten(newDoc), o);
  if (options.granularity !== undefined && options.granularity !== 'word' && options.granularity !== 'char')
    throw new GongwenError('INVALID_OPTIONS', `diff: granularity must be 'word' or 'char', got ${String(options.granularity)}`);
  const textOptions = { maxEditLength: o.maxEditLength, granularity: options.granularity };
  const regions = { old: oldDoc.region, new: newDoc.region };
  const items = order(al).map((g) => classifyGroup(al.groups[g], al, textOptions, regions));
  const counts = Object.fromEntries(ChangeType.options.map((t) => [t, 0])) as Record<ChangeType, number>;
  for (const it of items) counts[it.type]++;
  const summary = (d: PolicyDocument, n: number) => ({
    title: d.title,
    kind: d.kind,
    ...(d.docNumber ? { docNumber: d.docNumber.normalized } : {}),
    ...(d.years ? { years: d.years.from === d.years.to ? `${d.years.from}` : `${d.years.from}-${d.years.to}` } : {}),
    items: n,
  });
  return {
    old: summary(oldDoc, al.oldNodes.length),
    new: summary(newDoc, al.newNodes.length),
    metadata: compareMetadata(oldDoc, newDoc),
    preamble: diffText(oldDoc.preamble ?? '', newDoc.preamble ?? '', textOptions),
    items,
    counts,
  };
}

/**
 * Every node once, as groups (unpaired nodes become singleton groups), in
 * new-document order; a removed item goes right after the new position of its
 * nearest paired old predecessor, so it reads where it used to be.
 */
function order(al: Alignment): number[] {
  const keyOf: number[] = [];
  for (let n = 0; n < al.newNodes.length; n++) {
    if (al.newGroup[n] < 0) {
      al.newGroup[n] = al.groups.length;
      al.groups.push({ old: [], new: [n], similarity: 0 });
    }
  }
  al.groups.forEach((g, i) => {
    if (g.new.length) keyOf[i] = Math.min(...g.new);
  });
  let anchor = -0.5;
  const removed: Array<[number, number]> = [];
  for (let o = 0; o < al.oldNodes.length; o++) {
    const g = al.oldGroup[o];
    if (g >= 0) {
      anchor = keyOf[g];
      continue;
    }
    al.oldGroup[o] = al.groups.length;
    al.groups.push({ old: [o], new: [], similarity: 0 });
    removed.push([al.groups.length - 1, anchor + 0.5 + o / (al.oldNodes.length + 1) / 2]);
  }
  for (const [g, k] of removed) keyOf[g] = k;
  return al.groups.map((_, i) => i).sort((x, y) => keyOf[x] - keyOf[y]);
}

