/**
 * Compare a ParseResult with a corpus `expected.json` (written by hand, field
 * by field), per field group. Used by the corpus tests and by `npm run eval`.
 */
import type { ParseResult, PolicyDocument, Section } from '../../src/index.js';

export interface ExpectedSection {
  path: string;
  marker: string;
  level: number;
  ordinal: number;
  heading: string;
  lead: string[];
  responsible: string[];
  deadline: { raw: string; kind: string; date?: string } | null;
}
export interface ExpectedDocument {
  kind: string;
  title: string;
  issuer: string | null;
  region: string | null;
  years: { from: number; to: number } | null;
  docNumber: { raw: string; prefix: string; year: number; serial: number } | null;
  dates: { signed: string | null; printed: string | null };
  notice: { title: string; recipients: string[] } | null;
  copyTo: string[];
  publicity: { attribute: string | null; statement: string | null } | null;
  preamble: boolean;
  /** Parenthesised notes such as 此件有删减 (absent = none). */
  docNotes?: string[];
  sections: ExpectedSection[];
}
export interface Expected {
  id: string;
  documents: ExpectedDocument[];
  duplicates: number;
}

export const FIELDS = ['documents', 'metadata', 'structure', 'heading', 'lead', 'responsible', 'deadline'] as const;
export type Field = (typeof FIELDS)[number];
export interface Score {
  right: number;
  total: number;
}
export interface Comparison {
  scores: Record<Field, Score>;
  differences: string[];
}

export interface CompareOptions {
  /** Ignore whitespace inside strings (PDF/DOCX renderings drop or add spaces between CJK and digits). */
  ignoreWhitespace?: boolean;
  /** Compare only these documents of the expected file (by index); the result must hold exactly these. */
  only?: number[];
}

function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

export function compare(result: ParseResult, expectedAll: Expected, options: CompareOptions = {}): Comparison {
  const j = (v: unknown) => {
    const s = JSON.stringify(v ?? null);
    return options.ignoreWhitespace ? s.replace(/[\s\u3000\u00a0]+/g, '') : s;
  };
  const expected: Expected = options.only
    ? { ...expectedAll, documents: options.only.map((i) => expectedAll.documents[i]), duplicates: 0 }
    : expectedAll;
  const scores = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<Field, Score>;
  const differences: string[] = [];
  const check = (field: Field, where: string, got: unknown, want: unknown) => {
    scores[field].total++;
    if (j(got) === j(want)) scores[field].right++;
    else differences.push(`${where}: got ${j(got)}, want ${j(want)}`);
  };

  check('documents', 'document count', result.documents.length, expected.documents.length);
  const dupes = result.documents.reduce((n, d) => n + d.duplicates.length, 0);
  check('documents', 'duplicate documents', dupes, expected.duplicates);

  expected.documents.forEach((want, i) => {
    const got: PolicyDocument | undefined = result.documents[i];
    const at = `doc ${i + 1} (${want.title})`;
    check('documents', `${at} title`, got?.title, want.title);
    if (!got) {
      scores.structure.total += want.sections.length;
      return;
    }
    const meta: Array<[string, unknown, unknown]> = [
      ['kind', got.kind, want.kind],
      ['issuer', got.issuer ?? null, want.issuer],
      ['region', got.region ?? null, want.region],
      ['years', got.years ?? null, want.years],
      ['docNumber', got.docNumber ? { raw: got.docNumber.raw, prefix: got.docNumber.prefix, year: got.docNumber.year, serial: got.docNumber.serial } : null, want.docNumber],
      ['dates.signed', got.dates.signed ?? null, want.dates.signed],
      ['dates.printed', got.dates.printed ?? null, want.dates.printed],
      ['notice', got.notice ? { title: got.notice.title, recipients: got.notice.recipients } : null, want.notice],
      ['copyTo', got.copyTo, want.copyTo],
      // no 版记 at all and a 版记 without 公开属性/statement are the same thing
      ['publicity', { attribute: got.publicity?.attribute ?? null, statement: got.publicity?.statement ?? null }, want.publicity ?? { attribute: null, statement: null }],
      ['notes', got.notes, want.docNotes ?? []],
      ['preamble', got.preamble !== undefined, want.preamble],
    ];
    for (const [name, g, w] of meta) check('metadata', `${at} ${name}`, g, w);

    const gotFlat = flatten(got.sections);
    const byPath = new Map(gotFlat.map((s) => [s.path, s]));
    for (const w of want.sections) {
      const g = byPath.get(w.path);
      const where = `${at} §${w.path} ${w.marker}`;
      check('structure', `${where} marker/level/ordinal`, g ? [g.marker, g.level, g.ordinal] : null, [w.marker, w.level, w.ordinal]);
      if (!g) {
        for (const f of ['heading', 'lead', 'responsible', 'deadline'] as const) scores[f].total++;
        continue;
      }
      check('heading', `${where} heading`, g.heading, w.heading);
      check('lead', `${where} lead`, g.lead, w.lead);
      check('responsible', `${where} responsible`, g.responsible, w.responsible);
      const gd = g.deadline ? { raw: g.deadline.raw, kind: g.deadline.kind, ...(g.deadline.date ? { date: g.deadline.date } : {}) } : null;
      const wd = w.deadline ? { raw: w.deadline.raw, kind: w.deadline.kind, ...(w.deadline.date ? { date: w.deadline.date } : {}) } : null;
      check('deadline', `${where} deadline`, gd, wd);
    }
    const extra = gotFlat.filter((s) => !want.sections.some((w) => w.path === s.path));
    for (const s of extra) {
      scores.structure.total++;
      differences.push(`${at} §${s.path} ${s.marker}: not in expected`);
    }
  });
  return { scores, differences };
}
