/** Shared wording for the renderers. */
import type { ChangeType, DiffItem, ItemRef, TextDiff, UnitChange } from '../schema.js';

/** Report order: what an analyst looks for first. */
export const TYPE_ORDER: ChangeType[] = ['added', 'removed', 'split', 'merged', 'moved', 'renumbered', 'modified', 'unchanged'];

export const TYPE_LABEL: Record<ChangeType, string> = {
  added: 'Added 新增',
  removed: 'Removed 删除',
  split: 'Split 拆分',
  merged: 'Merged 合并',
  moved: 'Moved 移动',
  renumbered: 'Renumbered 重新编号',
  modified: 'Modified 修改',
  unchanged: 'Unchanged 未变',
};

export const refLabel = (r: ItemRef) => `${r.marker} ${r.heading}`.trim();
export const refsLabel = (rs: ItemRef[]) => rs.map((r) => `${r.marker}（${r.path}）`).join(' + ');

/** Only the changed stretches of a long text, with a little context around each. */
export function snippets(d: TextDiff, context = 12): TextDiff['ops'] {
  const out: TextDiff['ops'] = [];
  d.ops.forEach((op, i) => {
    if (op.op !== 'equal') return out.push(op);
    const hasPrev = i > 0;
    const hasNext = i < d.ops.length - 1;
    const t = op.text;
    if (t.length <= context * 2 + 1) return out.push(op);
    const head = hasPrev ? t.slice(0, context) : '';
    const tail = hasNext ? t.slice(-context) : '';
    out.push({ op: 'equal', text: `${head}…${tail}` });
  });
  return out;
}

export function unitLines(label: string, u: UnitChange): string[] {
  if (!u.added.length && !u.removed.length) return [];
  const parts: string[] = [];
  if (u.removed.length) parts.push(`− ${u.removed.join('、')}`);
  if (u.added.length) parts.push(`+ ${u.added.join('、')}`);
  const eq = u.equivalent.map((e) => `${e.old.join('+')} ≈ ${e.new.join('+')}`);
  return [`${label}: ${parts.join('  ')}${eq.length ? `  (probably the same: ${eq.join('; ')})` : ''}${u.substantive ? '' : ' — written differently only'}`];
}

export function deadlineLine(item: DiffItem): string | undefined {
  const d = item.deadline;
  if (!d.changed) return undefined;
  const f = (x?: { raw: string; date?: string }) => (x ? `${x.raw}${x.date ? ` (${x.date})` : ''}` : '—');
  return `deadline: ${f(d.old)} → ${f(d.new)}`;
}
