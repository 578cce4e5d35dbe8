/** A document's outline as a flat list of tasks, each with a stable path (2.4 = 二、（四）). */
import type { PolicyDocument, Section } from '../schema/document.js';

/** One outline node as a flat-list entry: the section's fields (without `children`), its parents' headings and whether it is a leaf. */
export interface Task extends Omit<Section, 'children'> {
  /** Headings of the ancestors, outermost first. */
  parents: string[];
  /** True for nodes with no children (the actionable items). */
  leaf: boolean;
}

/** Options for {@link flattenTasks}. */
export interface FlattenOptions {
  /** Only nodes with no children (default false: every node). */
  leavesOnly?: boolean;
}

/**
 * The outline of `doc` as a flat list in document order, each entry with a
 * stable `path` (`2.4` = the 4th child of the 2nd top-level section) and the
 * headings of its parents. `leavesOnly` keeps only the actionable items.
 */
export function flattenTasks(doc: PolicyDocument, options: FlattenOptions = {}): Task[] {
  const out: Task[] = [];
  const walk = (sections: Section[], parents: string[]) => {
    for (const s of sections) {
      const { children, ...rest } = s;
      const leaf = children.length === 0;
      if (leaf || !options.leavesOnly) out.push({ ...rest, parents, leaf });
      walk(children, [...parents, s.heading]);
    }
  };
  walk(doc.sections, []);
  return out;
}
