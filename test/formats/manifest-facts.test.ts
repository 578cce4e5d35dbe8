import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse, type Section } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

// An independent check: corpus/pdf-docx/facts.json was written by whoever
// rendered the PDFs/DOCX (not by this project). Every rendering must agree
// with it on markers, 文号, dates, titles, 主送, 抄送 and deadlines.
const facts: Record<string, any> = JSON.parse(readFileSync(join(CORPUS_DIR, 'pdf-docx', 'facts.json'), 'utf8'));
const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');
const iso = (s: string | null) => (s ? s.replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`) : undefined);

describe('renderings agree with the renderer’s own facts.json', () => {
  for (const [id, f] of Object.entries(facts)) {
    for (const ext of ['pdf', 'docx']) {
      it(`${id}.${ext}`, async () => {
        const r = await parse(join(CORPUS_DIR, 'pdf-docx', `${id}.${ext}`));
        const doc = r.documents[0];
        const level2: Section[] = doc.sections.flatMap((s) => s.children);
        expect(doc.sections.map((s) => s.marker)).toEqual(f.level1_markers);
        expect(level2.map((s) => s.marker)).toEqual(f.level2_markers);
        expect(squash(doc.title)).toBe(squash(f.plan_title));
        expect(doc.docNumber?.raw).toBe(f.doc_no ?? undefined);
        expect(doc.issuer).toBe(f.issuer ?? undefined);
        expect(doc.issuerMark).toBe(f.mark ?? undefined);
        expect(squash(doc.notice?.title)).toBe(squash(f.notice_title));
        expect(doc.dates.signed).toBe(iso(f.sign_date));
        expect(doc.dates.printed).toBe(iso(f.print_date));
        if (f.addressee) expect(doc.recipients.join('，') + '：').toBe(f.addressee);
        if (f.cc) expect('抄送：' + doc.copyTo.join('，') + '。').toBe(f.cc);
        if (f.public_attr) expect('公开属性：' + doc.publicity?.attribute).toBe(f.public_attr);
        if (f.note) expect(`（${doc.publicity?.statement}）`).toBe(f.note);
        if (f.deadlines) expect(level2.map((s) => s.deadline?.raw)).toEqual(f.deadlines);
      });
    }
  }
});
