/** The PlanDiff result: zod is the single source of its type and of its part of schema.json. */
import { z } from 'zod';

/**
 * Primary change type of one aligned entry. Exactly one per entry, chosen by
 * the first rule that applies:
 *
 * 1. `added` / `removed`: the item exists on one side only.
 * 2. `split` / `merged`: one old item became several new ones / several old one new.
 * 3. `moved`: the item's parent is not the counterpart of its old parent
 *    (for a （一） item: it now sits under a different 一、 section).
 * 4. `renumbered`: same parent, but the number (ordinal), the marker or the
 *    positional path changed.
 * 5. `modified`: same place, but heading, text, 牵头单位, 责任单位 or deadline changed.
 * 6. `unchanged`.
 *
 * Position outranks content so that an inserted item's knock-on renumbering
 * stays visible; every facet that changed is listed in `changes`, so a
 * renumbered item whose text was also reworded is `renumbered` with
 * `changes: ['number', 'text']`.
 */
export const ChangeType = z.enum(['unchanged', 'modified', 'renumbered', 'moved', 'added', 'removed', 'split', 'merged']);
export type ChangeType = z.infer<typeof ChangeType>;

/**
 * What differs between the two sides of an entry. `number`: ordinal;
 * `marker`: marker as written (after width normalisation, e.g. 1. → 1、);
 * `path`: positional path; `section`: parent (see `moved`); the rest are
 * content facets. Units count as changed when they differ as written, even
 * if `equivalent` explains every difference (see UnitChange.substantive).
 */
export const ChangeFacet = z.enum(['number', 'marker', 'path', 'section', 'heading', 'text', 'lead', 'responsible', 'deadline']);
export type ChangeFacet = z.infer<typeof ChangeFacet>;

export const TextOp = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string().describe('For equal: as written on the new side; for delete: old text; for insert: new text'),
  old: z.string().optional().describe('For equal: the old side as written, when it differs only in width or spacing'),
});
export type TextOp = z.infer<typeof TextOp>;

export const TextDiff = z.object({
  ops: z.array(TextOp),
  changed: z.boolean().describe('True when there is any insert or delete'),
  exact: z.boolean().describe('False when the diff hit its bound (maxEditLength) and reports delete-all/insert-all'),
});
export type TextDiff = z.infer<typeof TextDiff>;

export const ItemRef = z.object({
  path: z.string(),
  marker: z.string(),
  level: z.number().int(),
  ordinal: z.number().int(),
  heading: z.string(),
  section: z.string().optional().describe('Heading of the enclosing level-1 section (absent for a level-1 item)'),
  line: z.number().int().optional(),
});
export type ItemRef = z.infer<typeof ItemRef>;

export const UnitEquivalence = z.object({
  old: z.array(z.string()),
  new: z.array(z.string()),
});

export const UnitChange = z.object({
  old: z.array(z.string()),
  new: z.array(z.string()),
  removed: z.array(z.string()).describe('In old, not in new, as written'),
  added: z.array(z.string()).describe('In new, not in old, as written'),
  equivalent: z.array(UnitEquivalence).describe('Removed and added units that probably name the same body (县发改局 / 发改)'),
  substantive: z.boolean().describe('Some added or removed unit is not explained by an equivalence'),
});
export type UnitChange = z.infer<typeof UnitChange>;

export const DeadlineRef = z.object({
  raw: z.string(),
  date: z.string().optional(),
  kind: z.enum(['by', 'ongoing', 'continuous', 'unknown']),
});

export const DeadlineChange = z.object({
  old: DeadlineRef.optional(),
  new: DeadlineRef.optional(),
  changed: z.boolean().describe('Date or kind differs (or raw text, when neither has a date)'),
});
export type DeadlineChange = z.infer<typeof DeadlineChange>;

export const DiffItem = z.object({
  id: z.string().describe('Stable id: the old path (old:2.4) when the item existed before, else the new path (new:2.8)'),
  type: ChangeType,
  changes: z.array(ChangeFacet),
  old: z.array(ItemRef).describe('Empty for added; two or more for merged'),
  new: z.array(ItemRef).describe('Empty for removed; two or more for split'),
  similarity: z.number().min(0).max(1).describe('Character-bigram Dice of heading+text, or 0.4·heading + 0.6·content when that is higher (0 for added/removed)'),
  heading: TextDiff,
  text: TextDiff,
  lead: UnitChange,
  responsible: UnitChange,
  deadline: DeadlineChange,
});
export type DiffItem = z.infer<typeof DiffItem>;

export const MetadataField = z.enum(['kind', 'title', 'docNumber', 'years', 'issuer', 'region', 'signed', 'printed', 'published', 'recipients']);
const MetaValue = z.union([z.string(), z.array(z.string())]);

export const MetadataChange = z.object({
  field: MetadataField,
  old: MetaValue.optional(),
  new: MetaValue.optional(),
});
export type MetadataChange = z.infer<typeof MetadataChange>;

export const DocSummary = z.object({
  title: z.string(),
  kind: z.string(),
  docNumber: z.string().optional(),
  years: z.string().optional(),
  items: z.number().int().describe('Number of outline nodes at every level'),
});

export const PlanDiff = z.object({
  old: DocSummary,
  new: DocSummary,
  metadata: z.array(MetadataChange).describe('Only the fields that differ'),
  preamble: TextDiff,
  items: z.array(DiffItem).describe('In new-document order; removed items after their old predecessor'),
  counts: z.record(ChangeType, z.number().int()),
});
export type PlanDiff = z.infer<typeof PlanDiff>;
