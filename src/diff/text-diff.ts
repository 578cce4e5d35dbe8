/**
 * Bounded word-level text diff. Words come from Intl.Segmenter (zh), not from
 * jsdiff's word mode (English-centric; its segmenter path has had crash bugs);
 * jsdiff's diffArrays does the Myers diff on those tokens, bounded by
 * maxEditLength so a pathological pair costs at most O((N+M)·bound).
 */
import { diffArrays } from 'diff';
import type { TextDiff, TextOp } from './schema.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words with their trailing whitespace attached, so spacing never becomes a change of its own. */
export function tokenizeWords(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/.test(segment) && out.length > 0) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

export const tokenize = tokenizeWords;

const key = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

/** Character tokens (ASCII letter/digit runs kept whole): no dictionary; finer but noisier than words. */
export function tokenizeChars(text: string): string[] {
  return text.match(/[A-Za-z0-9.%]+\s*|\s+|[^\s]\s*/gu) ?? [];
}

export interface TextDiffOptions {
  /** 'word' (default): Intl.Segmenter words, reads best; 'char': one token per character. */
  granularity?: 'word' | 'char';
  /** Give up (and report delete-all/insert-all, exact: false) past this many token edits. */
  maxEditLength?: number;
}

export const DEFAULT_MAX_EDIT_LENGTH = 2000;

export function diffText(oldText: string, newText: string, options: TextDiffOptions = {}): TextDiff {
  if (key(oldText) === key(newText)) {
    const op: TextOp = { op: 'equal', text: newText };
    if (oldText !== newText) op.old = oldText;
    return { ops: newText || oldText ? [op] : [], changed: false, exact: true };
  }
  // Only the stretch between the common prefix and suffix is segmented:
  // Intl.Segmenter costs microseconds per character and successive plans
  // mostly repeat each other. The cut is moved back to punctuation, which is
  // always a word boundary, so no word is split.
  const [pre, sufOld, sufNew] = commonEnds(oldText, newText);
  const tokenize = options.granularity === 'char' ? tokenizeChars : tokenizeWords;
  const a = [...(pre ? [oldText.slice(0, pre)] : []), ...tokenize(oldText.slice(pre, sufOld)), ...(sufOld < oldText.length ? [oldText.slice(sufOld)] : [])];
  const b = [...(pre ? [newText.slice(0, pre)] : []), ...tokenize(newText.slice(pre, sufNew)), ...(sufNew < newText.length ? [newText.slice(sufNew)] : [])];
  const ka = a.map(key);
  const kb = b.map(key);
  // Diff token indexes, comparing by normalised key, so the old side's own
  // spelling can be recovered for equal runs.
  const ia = ka.map((_, i) => i);
  const ib = kb.map((_, i) => -1 - i);
  const changes = diffArrays<number>(ia, ib, {
    comparator: (x, y) => (x >= 0 ? ka[x] : kb[-1 - x]) === (y >= 0 ? ka[y] : kb[-1 - y]),
    maxEditLength: options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
  });
  if (!changes) {
    return {
      ops: [
        ...(oldText ? [{ op: 'delete' as const, text: oldText }] : []),
        ...(newText ? [{ op: 'insert' as const, text: newText }] : []),
      ],
      changed: true,
      exact: false,
    };
  }
  const ops: TextOp[] = [];
  let i = 0;
  let j = 0;
  const push = (op: TextOp) => {
    if (!op.text) return;
    const last = ops[ops.length - 1];
    if (last && last.op === op.op && op.op !== 'equal') last.text += op.text;
    else ops.push(op);
  };
  for (const c of changes) {
    const n = c.count;
    if (c.removed) {
      push({ op: 'delete', text: a.slice(i, i + n).join('') });
      i += n;
    } else if (c.added) {
      push({ op: 'insert', text: b.slice(j, j + n).join('') });
      j += n;
    } else {
      const o = a.slice(i, i + n).join('');
      const t = b.slice(j, j + n).join('');
      push(o === t ? { op: 'equal', text: t } : { op: 'equal', text: t, old: o });
      i += n;
      j += n;
    }
  }
  return { ops, changed: ops.some((o) => o.op !== 'equal'), exact: true };
}

const BOUNDARY = /[。；;，,、：:！!？?\n]/;
const unit = (c: string) => c.normalize('NFKC');

/**
 * Length of the common prefix, and where the common suffix starts in each
 * text, compared width-insensitively and cut back to punctuation.
 */
function commonEnds(a: string, b: string): [number, number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && unit(a[p]) === unit(b[p])) p++;
  while (p > 0 && !BOUNDARY.test(a[p - 1])) p--;
  let s = 0;
  while (s < max - p && unit(a[a.length - 1 - s]) === unit(b[b.length - 1 - s])) s++;
  while (s > 0 && !BOUNDARY.test(a[a.length - s - 1])) s--;
  return [p, a.length - s, b.length - s];
}

/** The text one side of a diff reads: old (equal + delete) or new (equal + insert). */
export function sideText(d: TextDiff, side: 'old' | 'new'): string {
  return d.ops
    .filter((o) => o.op === 'equal' || o.op === (side === 'old' ? 'delete' : 'insert'))
    .map((o) => (side === 'old' && o.op === 'equal' ? (o.old ?? o.text) : o.text))
    .join('');
}

/** The inverse diff (old and new swapped), for symmetry checks. */
export function invertTextDiff(d: TextDiff): TextDiff {
  return {
    ...d,
    ops: d.ops.map((o) =>
      o.op === 'equal' ? { op: 'equal', text: o.old ?? o.text, ...(o.old !== undefined ? { old: o.text } : {}) } : { op: o.op === 'insert' ? 'delete' : 'insert', text: o.text },
    ),
  };
}
