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
/** The primary change type of a {@link DiffItem}: unchanged, modified, renumbered, moved, added, removed, split or merged (rules on the schema). */
export type ChangeType = z.infer<typeof ChangeType>;

/**
 * What differs between the two sides of an entry. `number`: ordinal;
 * `marker`: marker as written (after width normalisation, e.g. 1. → 1、);
 * `path`: positional path; `section`: parent (see `moved`); the rest are
 * content facets. Units count as changed when they differ as written, even
 * if `equivalent` explains every difference (see UnitChange.substantive).
 */
export const ChangeFacet = z.enum(['number', 'marker', 'path', 'section', 'heading', 'text', 'lead', 'responsible', 'deadline']);
/** One aspect of an entry that differs between the two sides (`number`, `marker`, `path`, `section`, `heading`, `text`, `lead`, `responsible`, `deadline`). */
export type ChangeFacet = z.infer<typeof ChangeFacet>;

/** Zod schema of {@link TextOp}. */
export const TextOp = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string().describe('For equal: as written on the new side; for delete: old text; for insert: new text'),
  old: z.string().optional().describe('For equal: the old side as written, when it differs only in width or spacing'),
});
/**
 * One run of a {@link TextDiff}: text on both sides (`equal`), only in the old
 * text (`delete`) or only in the new text (`insert`).
 */
export type TextOp = z.infer<typeof TextOp>;

/** Zod schema of {@link TextDiff}. */
export const TextDiff = z.object({
  ops: z.array(TextOp),
  changed: z.boolean().describe('True when there is any insert or delete'),
  exact: z.boolean().describe('False when the diff hit its bound (maxEditLength) and reports delete-all/insert-all'),
});
/**
 * A word- (or character-) level diff of one text: heading, body or preamble.
 * The old text is the equal and delete ops in order (an equal op's `old` when
 * present), the new text the equal and insert ops. Differences of width and
 * whitespace alone are not changes.
 */
export type TextDiff = z.infer<typeof TextDiff>;

/** Zod schema of {@link ItemRef}. */
export const ItemRef = z.object({
  path: z.string(),
  marker: z.string(),
  level: z.number().int(),
  ordinal: z.number().int(),
  heading: z.string(),
  section: z.string().optional().describe('Heading of the enclosing level-1 section (absent for a level-1 item)'),
  line: z.number().int().optional(),
});
/**
 * One side of a {@link DiffItem}: where the outline node sits in its plan
 * (positional `path`, `marker` as written, `level` 1–5, `ordinal`), its
 * heading, the heading of its level-1 section, and its line in the source.
 */
export type ItemRef = z.infer<typeof ItemRef>;

/** Removed (`old`) and added (`new`) units, as written, that probably name the same body. */
export const UnitEquivalence = z.object({
  old: z.array(z.string()),
  new: z.array(z.string()),
});

/** Zod schema of {@link UnitChange}. */
export const UnitChange = z.object({
  old: z.array(z.string()),
  new: z.array(z.string()),
  removed: z.array(z.string()).describe('In old, not in new, as written'),
  added: z.array(z.string()).describe('In new, not in old, as written'),
  equivalent: z.array(UnitEquivalence).describe('Removed and added units that probably name the same body (县发改局 / 发改)'),
  substantive: z.boolean().describe('Some added or removed unit is not explained by an equivalence'),
});
/**
 * How an entry's 牵头单位 or 责任单位 list changed: both lists as written, the
 * units removed and added (compared after width and spacing normalisation),
 * the removals and additions that probably name the same body (a truncated,
 * prefixed or run-together spelling), and whether any change is left unexplained.
 */
export type UnitChange = z.infer<typeof UnitChange>;

/** One side's deadline: as written, its resolved ISO date if any, and its kind. */
export const DeadlineRef = z.object({
  raw: z.string(),
  date: z.string().optional(),
  kind: z.enum(['by', 'ongoing', 'continuous', 'unknown']),
});

/** Zod schema of {@link DeadlineChange}. */
export const DeadlineChange = z.object({
  old: DeadlineRef.optional(),
  new: DeadlineRef.optional(),
  changed: z.boolean().describe('Date or kind differs (or raw text, when neither has a date)'),
});
/**
 * The task deadline on each side (the first item's, for a split or merge;
 * absent when that side has none) and whether it changed.
 */
export type DeadlineChange = z.infer<typeof DeadlineChange>;

/** Zod schema of {@link DiffItem}. */
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
/**
 * One aligned entry of a {@link PlanDiff}: the outline item(s) on each side
 * (one each when paired, several on one side for a split or merge, none on one
 * side when added or removed), the primary {@link ChangeType}, every
 * {@link ChangeFacet} that differs, their similarity, and the diffs of heading,
 * text, 牵头单位, 责任单位 and deadline. Several items' headings and texts are
 * joined with newlines.
 */
export type DiffItem = z.infer<typeof DiffItem>;

/** A document-level field compared by the diff. */
export const MetadataField = z.enum(['kind', 'title', 'docNumber', 'years', 'issuer', 'region', 'signed', 'printed', 'published', 'recipients']);
const MetaValue = z.union([z.string(), z.array(z.string())]);

/** Zod schema of {@link MetadataChange}. */
export const MetadataChange = z.object({
  field: MetadataField,
  old: MetaValue.optional(),
  new: MetaValue.optional(),
});
/**
 * A document-level field (kind, title, 文号, years, issuer, region, signed,
 * printed and published dates, recipients) that differs between the plans;
 * `old` or `new` is absent when that side lacks the field. Width, spacing and
 * dash style (2023—2024 / 2023-2024) alone are not reported.
 */
export type MetadataChange = z.infer<typeof MetadataChange>;

/** One plan in brief: title, kind, normalised 文号, years (2023 or 2023-2025) and number of outline nodes. */
export const DocSummary = z.object({
  title: z.string(),
  kind: z.string(),
  docNumber: z.string().optional(),
  years: z.string().optional(),
  items: z.number().int().describe('Number of outline nodes at every level'),
});

/** Zod schema of {@link PlanDiff}. */
export const PlanDiff = z.object({
  old: DocSummary,
  new: DocSummary,
  metadata: z.array(MetadataChange).describe('Only the fields that differ'),
  preamble: TextDiff,
  items: z.array(DiffItem).describe('In new-document order; removed items after their old predecessor'),
  counts: z.record(ChangeType, z.number().int()),
});
/**
 * What {@link diff} and {@link diffDocuments} return: a summary of each plan,
 * the document-level fields that changed, the preamble's text diff, one
 * {@link DiffItem} per aligned entry, and how many entries have each
 * {@link ChangeType} (every type present, zero included). Render it with
 * {@link renderMarkdown}, {@link renderHtml} or {@link renderTerminal}.
 */
export type PlanDiff = z.infer<typeof PlanDiff>;
