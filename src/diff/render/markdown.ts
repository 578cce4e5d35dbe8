/** Markdown report grouped by change type; deletions as ~~struck~~, insertions as **bold**. */
import type { PlanDiff, TextDiff } from '../schema.js';
import { TYPE_LABEL, TYPE_ORDER, deadlineLine, refsLabel, snippets, unitLines } from './common.js';
import { escapeTerminal } from './escape.js';

/**
 * Document text as inert Markdown on one line: control/bidi characters made
 * visible first (the report is often `cat` to a terminal), then every character
 * that could open markup, HTML, a link or an entity backslash-escaped.
 */
const esc = (s: string) =>
  escapeTerminal(s.replace(/\r\n|\r|\n/g, ' '), { newlines: false }).replace(/([\\`*_~[\]<>#|&!])/g, '\\$1');

function inline(d: TextDiff): string {
  return snippets(d)
    .map((o) => (o.op === 'equal' ? esc(o.text) : o.op === 'delete' ? `~~${esc(o.text)}~~` : `**${esc(o.text)}**`))
    .join('');
}

/**
 * Options for {@link renderMarkdown}.
 *
 * @inline
 */
export interface MarkdownOptions {
  /** List unchanged items one per line (default false: only their count). */
  includeUnchanged?: boolean;
}

/**
 * A Markdown report of a {@link PlanDiff}: title line, counts per change type,
 * changed document fields and preamble, then one section per change type
 * (added first, unchanged last) listing each item with its old → new
 * position, changed facets, similarity, and heading/text diffs (deletions as
 * ~~struck~~, insertions as **bold**), unit and deadline changes. Unchanged
 * items are given as markers only unless `includeUnchanged` is set.
 *
 * @param d - The diff to render.
 * @param options - `includeUnchanged` (default false).
 * @returns The Markdown text.
 */
export function renderMarkdown(d: PlanDiff, options: MarkdownOptions = {}): string {
  const L: string[] = [];
  L.push(`# Plan diff: ${esc(d.old.title)} → ${esc(d.new.title)}`, '');
  L.push(TYPE_ORDER.filter((t) => d.counts[t]).map((t) => `${TYPE_LABEL[t]}: ${d.counts[t]}`).join(' · '), '');
  L.push('Legend: ~~deleted~~ · **inserted**; numbers in （） are positional paths.', '');
  if (d.metadata.length || d.preamble.changed) {
    L.push('## Document', '');
    for (const m of d.metadata) {
      const v = (x: unknown) => (x === undefined ? '—' : Array.isArray(x) ? x.join('；') : String(x));
      L.push(`- ${m.field}: ${esc(v(m.old))} → ${esc(v(m.new))}`);
    }
    if (d.preamble.changed) L.push(`- preamble: ${inline(d.preamble)}`);
    L.push('');
  }
  for (const t of TYPE_ORDER) {
    const items = d.items.filter((i) => i.type === t);
    if (!items.length) continue;
    L.push(`## ${TYPE_LABEL[t]} (${items.length})`, '');
    if (t === 'unchanged' && !options.includeUnchanged) {
      L.push(items.map((i) => esc(i.new[0]?.marker ?? '')).join(' '), '');
      continue;
    }
    for (const it of items) {
      const heading = esc((it.new[0] ?? it.old[0]).heading);
      const where =
        it.old.length && it.new.length ? `${refsLabel(it.old)} → ${refsLabel(it.new)}` : it.old.length ? `was ${refsLabel(it.old)}` : `new ${refsLabel(it.new)}`;
      L.push(`- **${heading}** — ${esc(where)}${it.changes.length ? ` · ${it.changes.join(', ')}` : ''}${it.old.length && it.new.length ? ` · similarity ${it.similarity}` : ''}`);
      if (it.heading.changed) L.push(`  - heading: ${inline(it.heading)}`);
      if (it.text.changed && it.old.length && it.new.length) L.push(`  - text: ${inline(it.text)}`);
      for (const line of [...unitLines('牵头单位', it.lead), ...unitLines('责任单位', it.responsible)]) L.push(`  - ${esc(line)}`);
      const dl = deadlineLine(it);
      if (dl) L.push(`  - ${esc(dl)}`);
    }
    L.push('');
  }
  return L.join('\n');
}
