/** Turns aligned groups into DiffItems: refs, facets that changed, primary type, text and unit diffs. */
import type { Section, Deadline } from '../schema/document.js';
import type { Alignment, Group, Node } from './align.js';
import type { ChangeFacet, ChangeType, DeadlineChange, DiffItem, ItemRef } from './schema.js';
import { diffText, type TextDiffOptions } from './text-diff.js';
import { compareUnits, type UnitRegions } from './units.js';

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function ref(node: Node, nodes: Node[]): ItemRef {
  const s = node.section;
  const r: ItemRef = { path: s.path, marker: s.marker, level: s.level, ordinal: s.ordinal, heading: s.heading };
  if (node.top !== node.index) r.section = nodes[node.top].section.heading;
  if (s.span.line !== undefined) r.line = s.span.line;
  return r;
}

const deadlineRef = (d: Deadline | undefined) => (d ? { raw: d.raw, kind: d.kind, ...(d.date ? { date: d.date } : {}) } : undefined);

function compareDeadlines(a: Deadline | undefined, b: Deadline | undefined): DeadlineChange {
  let changed: boolean;
  if (!a || !b) changed = !!a !== !!b;
  else if (a.date || b.date) changed = a.date !== b.date || a.kind !== b.kind;
  else changed = a.kind !== b.kind || nfkc(a.raw) !== nfkc(b.raw);
  const out: DeadlineChange = { changed };
  const o = deadlineRef(a);
  const n = deadlineRef(b);
  if (o) out.old = o;
  if (n) out.new = n;
  return out;
}

/** Units of a group, in order, without repeats (a split's halves often share them). */
const unitsOf = (sections: Section[], pick: (s: Section) => string[]) => [...new Set(sections.flatMap(pick))];

export function classifyGroup(group: Group, al: Alignment, textOptions: TextDiffOptions, regions: UnitRegions = {}): DiffItem {
  const olds = group.old.map((i) => al.oldNodes[i]);
  const news = group.new.map((i) => al.newNodes[i]);
  const os = olds.map((n) => n.section);
  const ns = news.map((n) => n.section);
  const join = (ss: Section[], f: (s: Section) => string) => ss.map(f).join('\n');

  const heading = diffText(join(os, (s) => s.heading), join(ns, (s) => s.heading), textOptions);
  const text = diffText(join(os, (s) => s.text), join(ns, (s) => s.text), textOptions);
  // each side's units are read in its own plan's region (市 in a 金昌市 plan is not 县 in a 永昌县 plan)
  const lead = compareUnits(unitsOf(os, (s) => s.lead), unitsOf(ns, (s) => s.lead), regions);
  const responsible = compareUnits(unitsOf(os, (s) => s.responsible), unitsOf(ns, (s) => s.responsible), regions);
  const deadline = compareDeadlines(os[0]?.deadline, ns[0]?.deadline);

  const changes: ChangeFacet[] = [];
  let type: ChangeType;
  if (os.length === 0) type = 'added';
  else if (ns.length === 0) type = 'removed';
  else {
    if (olds.length === 1 && news.length === 1) {
      const [o, n] = [olds[0], news[0]];
      if (o.section.ordinal !== n.section.ordinal) changes.push('number');
      else if (nfkc(o.section.marker) !== nfkc(n.section.marker)) changes.push('marker');
      if (o.section.path !== n.section.path) changes.push('path');
      if (!sameParent(o, n, al)) changes.push('section');
    }
    if (heading.changed) changes.push('heading');
    if (text.changed) changes.push('text');
    if (lead.added.length || lead.removed.length) changes.push('lead');
    if (responsible.added.length || responsible.removed.length) changes.push('responsible');
    if (deadline.changed) changes.push('deadline');
    if (os.length > 1) type = 'merged';
    else if (ns.length > 1) type = 'split';
    else if (changes.includes('section')) type = 'moved';
    else if (changes.some((c) => c === 'number' || c === 'marker' || c === 'path')) type = 'renumbered';
    else if (changes.length) type = 'modified';
    else type = 'unchanged';
  }
  const id = olds.length ? `old:${olds[0].section.path}` : `new:${news[0].section.path}`;
  return {
    id,
    type,
    changes,
    old: olds.map((n) => ref(n, al.oldNodes)),
    new: news.map((n) => ref(n, al.newNodes)),
    similarity: Math.round(group.similarity * 1000) / 1000,
    heading,
    text,
    lead,
    responsible,
    deadline,
  };
}

/** Top-level items share the (virtual) root; others need their parents paired with each other. */
function sameParent(o: Node, n: Node, al: Alignment): boolean {
  if (o.parent < 0 || n.parent < 0) return o.parent < 0 && n.parent < 0;
  const g = al.oldGroup[o.parent];
  return g >= 0 && al.groups[g].new.includes(n.parent);
}
