/** The ledger's published shapes (zod, like the rest of the API; they land in schema.json). */
import { z } from 'zod';
import { Diagnostic } from '../schema/diagnostic.js';
import { DocumentKind } from '../schema/document.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Zod schema of {@link UnitKind}. */
export const UnitKind = z.enum(['agency', 'government', 'collective', 'unknown']);
/** What a resolved unit is: an `agency` (市司法局), a `government` (永昌县政府), a `collective` (市政府各部门、单位) or `unknown`. */
export type UnitKind = z.infer<typeof UnitKind>;

/** Zod schema of {@link LedgerUnit}. */
export const LedgerUnit = z
  .object({
    raw: z.string().describe('As written in the clause, e.g. 市发改委'),
    name: z.string().describe('Standard name without the region, e.g. 发展和改革委员会'),
    canonical: z.string().describe('Full name with the region, e.g. 金昌市发展和改革委员会; equal to raw-ish text when unknown'),
    kind: UnitKind.describe('agency (市司法局), government (永昌县政府), collective (市政府各部门、单位), unknown'),
    region: z.string().optional().describe('The jurisdiction the unit belongs to, e.g. 金昌市'),
    members: z.enum(['departments', 'governments', 'external', 'other']).optional().describe('For a collective: who it stands for'),
    etc: z.boolean().optional().describe('Written with a trailing 等 (…and others)'),
    truncated: z.boolean().optional().describe('Written truncated (发改, 卫健); see diagnostics for how it was resolved'),
    fused: z.boolean().optional().describe('Written fused with the next unit (发改市场监管局) and split'),
  })
  .describe('A 牵头/责任/配合 unit resolved to a canonical name');
/**
 * A 牵头/责任/配合 unit as written (`raw`) resolved to its standard `name` and
 * full `canonical` name with the region (市发改委 → 金昌市发展和改革委员会), its
 * {@link UnitKind} and region, and flags for how it was written (等, truncated, fused).
 */
export type LedgerUnit = z.infer<typeof LedgerUnit>;

/** Zod schema of {@link LedgerDeadlineKind}. */
export const LedgerDeadlineKind = z.enum(['by', 'within', 'recurring', 'ongoing', 'continuous', 'unknown']);
/**
 * How a ledger deadline reads: `by` a date, `within` a period (上半年, 第三季度),
 * `recurring` (每季度), `ongoing` (长期坚持), `continuous` (及时发布) or `unknown`.
 */
export type LedgerDeadlineKind = z.infer<typeof LedgerDeadlineKind>;

/** Zod schema of {@link LedgerDeadline}. */
export const LedgerDeadline = z
  .object({
    raw: z.string().describe('As written, e.g. 2023年10月底前, 长期坚持'),
    kind: LedgerDeadlineKind.describe('by a date; within a period (上半年, 第三季度); recurring (每季度); ongoing (长期坚持); continuous (及时发布); unknown'),
    date: IsoDate.optional().describe('Last day allowed (by, within)'),
    from: IsoDate.optional().describe('First day of a period (within) or of the plan years (recurring)'),
    to: IsoDate.optional().describe('Last day of a period (within) or of the plan years (recurring)'),
    every: z.enum(['week', 'month', 'quarter', 'half-year', 'year']).optional(),
    source: z.enum(['clause', 'text']).describe('From the 完成时限 clause, or found in the task text'),
    due: z.boolean().describe('True for the one deadline taken as the task’s due date'),
  })
  .describe('A deadline resolved with the plan’s years');
/**
 * A task deadline resolved with the plan's years: as written, its
 * {@link LedgerDeadlineKind}, the last day (`date`), a period or the plan
 * years (`from`/`to`), the recurrence (`every`), where it was found, and
 * whether it is the task's due date.
 */
export type LedgerDeadline = z.infer<typeof LedgerDeadline>;

/** Zod schema of {@link LedgerRow}. */
export const LedgerRow = z
  .object({
    source: z.string().optional().describe('Input file name (ParseResult.source.name)'),
    document: z.number().int().nonnegative().describe('Index of the document in its input'),
    docNumber: z.string().optional().describe('文号, normalized'),
    title: z.string().describe('Document title'),
    docKind: DocumentKind,
    region: z.string().optional(),
    path: z.string().describe('Stable task path, e.g. 2.4'),
    marker: z.string(),
    section: z.string().optional().describe('Level-1 heading the task sits under'),
    parents: z.array(z.string()).describe('Headings of the ancestors, outermost first'),
    heading: z.string(),
    text: z.string(),
    lead: z.array(z.string()).describe('牵头单位, canonical'),
    responsible: z.array(z.string()).describe('责任单位, canonical'),
    cooperating: z.array(z.string()).describe('配合单位, canonical'),
    leadUnits: z.array(LedgerUnit),
    responsibleUnits: z.array(LedgerUnit),
    cooperatingUnits: z.array(LedgerUnit),
    due: IsoDate.optional().describe('The task’s due date (see deadlines[].due)'),
    deadlineKind: LedgerDeadlineKind.optional(),
    deadlineRaw: z.string().optional(),
    deadlines: z.array(LedgerDeadline).describe('Every deadline found for the task'),
    page: z.number().int().optional().describe('Page (PDF input)'),
    line: z.number().int().describe('1-based line in the decoded text'),
    diagnostics: z.array(Diagnostic).describe('Unit and deadline doubts for this task'),
  })
  .describe('One task of a 工作台账');
/**
 * One task of a 工作台账, as {@link toLedger} returns it: its document (source
 * file, index, 文号, title, kind, region), its place in the outline, heading
 * and text, its units (canonical names, and the resolved {@link LedgerUnit}s),
 * its deadlines and due date, its page and line, and the diagnostics raised
 * while resolving units and deadlines.
 */
export type LedgerRow = z.infer<typeof LedgerRow>;
