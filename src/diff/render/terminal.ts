/** Coloured terminal summary: counts, then one line per change, unchanged items left out. */
import type { ChangeType, PlanDiff, TextDiff } from '../schema.js';
import { TYPE_LABEL, TYPE_ORDER, deadlineLine, refsLabel, snippets, unitLines } from './common.js';
import { escapeTerminal } from './escape.js';

/** Document text, one line, with control and bidi characters made visible: only our own colour codes reach the terminal. */
const safe = (s: string) => escapeTerminal(s.replace(/\r\n|\r|\n/g, ' '), { newlines: false });

/** Options for {@link renderTerminal}. */
export interface TerminalOptions {
  /** ANSI colours (default: when stdout is a TTY and NO_COLOR is unset). */
  color?: boolean;
  /** Longest text excerpt per item, in characters (default 160). */
  width?: number;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;
const TYPE_COLOR: Record<ChangeType, keyof typeof CODES> = {
  added: 'green',
  removed: 'red',
  split: 'magenta',
  merged: 'magenta',
  moved: 'magenta',
  renumbered: 'cyan',
  modified: 'yellow',
  unchanged: 'dim',
};

/**
 * A compact terminal summary of a {@link PlanDiff}: the two titles, counts per
 * change type, changed document fields, then one line per changed item (type,
 * old → new position, heading, changed facets) with a text excerpt
 * (`[-deleted-]`, `{+inserted+}`), unit and deadline changes. Unchanged items
 * are left out. Control characters and bidi controls in the documents' text
 * are shown as escapes (`\x1b`), never written raw.
 *
 * @param d - The diff to render.
 * @param options - `color` (default: stdout is a TTY and `NO_COLOR` is unset) and `width` (default 160).
 * @returns The text, ending with a newline.
 */
export function renderTerminal(d: PlanDiff, options: TerminalOptions = {}): string {
  const color = options.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR);
  const width = options.width ?? 160;
  const c = (k: keyof typeof CODES, s: string) => (color ? `\x1b[${CODES[k]}m${s}\x1b[0m` : s);
  const inline = (t: TextDiff) => {
    let s = '';
    for (const o of snippets(t, 8)) {
      if (s.length > width) return s + '…';
      s += o.op === 'equal' ? safe(o.text) : o.op === 'delete' ? c('red', `[-${safe(o.text)}-]`) : c('green', `{+${safe(o.text)}+}`);
    }
    return s;
  };
  const out: string[] = [];
  out.push(`${c('bold', safe(d.old.title))} → ${c('bold', safe(d.new.title))}`);
  out.push(TYPE_ORDER.filter((t) => d.counts[t]).map((t) => c(TYPE_COLOR[t], `${t} ${d.counts[t]}`)).join('  '));
  for (const m of d.metadata) {
    const v = (x: unknown) => (x === undefined ? '—' : Array.isArray(x) ? x.join('；') : String(x));
    out.push(c('dim', `  ${m.field}: `) + `${safe(v(m.old))} → ${safe(v(m.new))}`);
  }
  for (const it of d.items) {
    if (it.type === 'unchanged') continue;
    const where = it.old.length && it.new.length ? `${refsLabel(it.old)} → ${refsLabel(it.new)}` : refsLabel(it.old.length ? it.old : it.new);
    const heading = (it.new[0] ?? it.old[0]).heading;
    out.push(`${c(TYPE_COLOR[it.type], TYPE_LABEL[it.type].padEnd(16))} ${safe(where)} ${safe(heading)}${it.changes.length ? c('dim', ` [${it.changes.join(',')}]`) : ''}`);
    if (it.text.changed && it.old.length && it.new.length) out.push(`    ${inline(it.text)}`);
    for (const l of [...unitLines('牵头单位', it.lead), ...unitLines('责任单位', it.responsible)]) out.push(c('dim', `    ${safe(l)}`));
    const dl = deadlineLine(it);
    if (dl) out.push(c('yellow', `    ${safe(dl)}`));
  }
  return out.join('\n') + '\n';
}
