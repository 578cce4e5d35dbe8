import { z } from 'zod';
import { Span } from './span.js';
import { Diagnostic } from './diagnostic.js';
import { FORMAT_NAMES } from '../extract/registry.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Zod schema of {@link DocumentKind}. */
export const DocumentKind = z.enum(['工作要点', '实施方案', '工作方案', '通知', '通报', '指南', '其他']);
/** The kind of document: 工作要点, 实施方案, 工作方案, 通知, 通报, 指南 or 其他. */
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Zod schema of {@link Deadline}. */
export const Deadline = z.object({
  raw: z.string().describe('As written, e.g. 2023年10月底前, 长期坚持'),
  date: IsoDate.optional().describe('Resolved last day, when the deadline names or implies one'),
  kind: z.enum(['by', 'ongoing', 'continuous', 'unknown']),
  source: z.enum(['clause', 'text']).describe('From the 完成时限 clause, or found in the task text'),
  span: Span.optional(),
  // the deadline grammar's reading, kept so that no later layer re-parses `raw`
  year: z.number().int().optional().describe('The year as written (2023年10月底前 → 2023); absent when `date` took the plan year'),
  fromMonth: z.number().int().min(1).max(12).optional().describe('First month of a period written without 末/底/前 (上半年 → 1, 第三季度 → 7)'),
  from: IsoDate.optional().describe('First day of that period, with the plan year (上半年 → …-01-01)'),
  every: z.enum(['week', 'month', 'quarter', 'half-year', 'year']).optional().describe('A recurring deadline (每周, 每月, 每季度, 每半年, 每年); kind is then continuous'),
});
/** A deadline as written (`raw`), resolved to a date where it can be (`date`), with its `kind` (by, ongoing, continuous, unknown) and the grammar's reading (`year`, `fromMonth`/`from` of a period, `every` of a recurrence). */
export type Deadline = z.infer<typeof Deadline>;

/** Zod schema of {@link DocNumber}. */
export const DocNumber = z.object({
  raw: z.string(),
  prefix: z.string().describe('机关代字, e.g. 金政办发'),
  year: z.number().int(),
  serial: z.number().int(),
  normalized: z.string().describe('Rewritten in the standard 〔〕 form'),
  span: Span.optional(),
});
/** A 文号 (e.g. 金政办发〔2023〕90号): as written, and split into prefix, year and serial. */
export type DocNumber = z.infer<typeof DocNumber>;

export const MarkerStyle = z.enum(['cjk-dun', 'cjk-paren', 'arabic-dot', 'arabic-paren', 'circled', 'chapter', 'part', 'article', 'table-row']);

/** One node of the outline (一、/（一）/1./（1）/①): marker, heading, text, 牵头/责任单位, deadlines and children. */
export interface Section {
  marker: string;
  markerStyle: z.infer<typeof MarkerStyle>;
  level: number;
  ordinal: number;
  path: string;
  heading: string;
  text: string;
  lead: string[];
  responsible: string[];
  /** 配合 / 协办 / 参与单位; always present in parse output (optional only so older trees still type-check). */
  cooperating?: string[];
  clauses: string[];
  deadline?: Deadline;
  deadlines: Deadline[];
  children: Section[];
  span: Span;
}

/** Zod schema of {@link Section} (recursive). */
export const Section: z.ZodType<Section> = z.lazy(() =>
  z.object({
    marker: z.string().describe('As written, e.g. (一) or （一） or 1.'),
    markerStyle: MarkerStyle,
    level: z.number().int().min(1).max(5).describe('1 一、; 2 （一）; 3 1.; 4 （1）; 5 ①; 办法: 1 第X章, 2 第X节, 3 第X条; a table row is one below its heading'),
    ordinal: z.number().int().positive().describe('The number the marker says'),
    path: z.string().describe('Stable path by position, e.g. 2.4 for the 4th child of the 2nd section'),
    heading: z.string().describe('Heading line, or a numbered item’s first sentence'),
    text: z.string().describe('Body without marker and without the responsibility parenthetical'),
    lead: z.array(z.string()).describe('牵头单位, as written'),
    responsible: z.array(z.string()).describe('责任单位 / 按职责分工负责, as written'),
    cooperating: z.array(z.string()).default([]).describe('配合单位 / 协办单位 / 参与单位 (a supporting role), as written'),
    clauses: z.array(z.string()).describe('The responsibility parentheticals, as written'),
    deadline: Deadline.optional(),
    deadlines: z.array(Deadline).describe('Every deadline found for the task'),
    children: z.array(Section),
    span: Span,
  }),
);

export const Notice = z.object({
  title: z.string(),
  recipients: z.array(z.string()).describe('主送机关'),
  body: z.string(),
  issuer: z.string().optional(),
  date: IsoDate.optional(),
  span: Span,
});

export const Publicity = z.object({
  attribute: z.string().optional().describe('公开属性, e.g. 主动公开'),
  statement: z.string().optional().describe('e.g. 此件公开发布'),
  raw: z.array(z.string()),
});

/** Zod schema of {@link Unplaced}. */
export const Unplaced = z.object({ text: z.string(), span: Span, reason: z.string() });
/** Text that belongs to no document (navigation, page furniture), with its span and the reason. */
export type Unplaced = z.infer<typeof Unplaced>;

/** Zod schema of {@link PolicyDocument}. */
export const PolicyDocument = z.object({
  kind: DocumentKind,
  title: z.string(),
  issuer: z.string().optional().describe('发文机关'),
  issuerMark: z.string().optional().describe('发文机关标志, e.g. 金昌市人民政府办公室文件'),
  region: z.string().optional().describe('Jurisdiction, e.g. 金昌市'),
  years: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  docNumber: DocNumber.optional(),
  dates: z.object({
    signed: IsoDate.optional().describe('成文日期'),
    printed: IsoDate.optional().describe('印发日期 (版记)'),
    published: IsoDate.optional().describe('发布日期 of a web page, from its metadata box'),
  }),
  pageMeta: z.record(z.string(), z.string()).optional().describe('A web page’s metadata box, label → value, as written'),
  printedBy: z.string().optional().describe('印发机关 in the 版记'),
  notice: Notice.optional(),
  recipients: z.array(z.string()).describe('主送机关 of the document (the notice’s, for a transmitted plan)'),
  preamble: z.string().optional(),
  sections: z.array(Section),
  closing: z.array(z.string()).describe('Unnumbered paragraphs after the outline that belong to no section'),
  copyTo: z.array(z.string()).describe('抄送'),
  publicity: Publicity.optional(),
  notes: z.array(z.string()).describe('Parenthesised notes such as （此件有删减）'),
  duplicates: z.array(Span).describe('Spans of verbatim repeats of this document found in the same input'),
  diagnostics: z.array(Diagnostic),
  span: Span,
});
/** One document: kind, title, issuer, 文号, dates, notice, recipients, the outline (`sections`), 抄送, 公开属性, notes and diagnostics. */
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const SourceInfo = z.object({
  format: z.enum(FORMAT_NAMES),
  encoding: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  pages: z.number().int().nonnegative().optional(),
});

/** Zod schema of {@link ParseResult}; `gongwen/schema.json` is generated from it. */
export const ParseResult = z.object({
  source: SourceInfo,
  documents: z.array(PolicyDocument),
  diagnostics: z.array(Diagnostic),
  unplaced: z.array(Unplaced).describe('Text that belongs to no document (navigation, page furniture), kept with its span'),
  trace: z
    .array(
      z.object({
        para: z.number().int(),
        at: z.number().int(),
        marker: z.string(),
        accepted: z.boolean(),
        score: z.number(),
        features: z.record(z.string(), z.number()),
      }),
    )
    .optional()
    .describe('With { trace: true }: every outline marker candidate, its evidence (features), score and whether it opened an item'),
});
/** What parse returns: the source (format, encoding, sha256…), the documents found, input-level diagnostics and unplaced text. */
export type ParseResult = z.infer<typeof ParseResult>;
