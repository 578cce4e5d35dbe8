import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseResult, type Section } from '../../src/index.js';
import { compare } from '../../scripts/lib/compare.js';
import { corpusEntries, CORPUS_DIR } from '../../scripts/lib/corpus.js';

// Format invariance, continued (pdf-docx.test.ts has PDF and DOCX): the OFD
// and Word 97 renderings made by scripts/fixtures/make-ofd-doc.ts must give
// the same tree as the reviewed text — every marker, heading, unit,
// deadline and metadata field. Whitespace inside strings is ignored, as for
// PDF (layout drops the spaces around digits that the DOCX has).

const expectedById = new Map(corpusEntries().map((e) => [e.id, e.expected]));
const walk = (ss: Section[], out: Section[] = []) => (ss.forEach((s) => (out.push(s), walk(s.children, out))), out);
const dir = join(CORPUS_DIR, 'ofd-doc');

const RENDERINGS: Array<[file: string, id: string, only: number[], format: 'ofd' | 'doc']> = [
  ['jinchang-2023-2024-gongkai-yaodian.ofd', 'jinchang-2023-2024-gongkai-yaodian', [0], 'ofd'],
  ['wuwei-2023-gongkai-fangan.ofd', 'wuwei-2023-gongkai-fangan', [0], 'ofd'],
  ['yongchang-2025-gongkai-yaodian.ofd', 'yongchang-site-scrape', [1], 'ofd'],
  ['jinchang-2023-2024-gongkai-yaodian.doc', 'jinchang-2023-2024-gongkai-yaodian', [0], 'doc'],
  ['wuwei-2023-gongkai-fangan.wps', 'wuwei-2023-gongkai-fangan', [0], 'doc'],
  ['yongchang-2025-gongkai-yaodian.doc', 'yongchang-site-scrape', [1], 'doc'],
];

describe('OFD and .doc/.wps renderings parse to the same tree as their text', () => {
  for (const [file, id, only, format] of RENDERINGS) {
    it(file, async () => {
      const result = await parse(join(dir, file));
      expect(result.source.format).toBe(format);
      const { differences } = compare(result, expectedById.get(id)!, { ignoreWhitespace: true, only });
      expect(differences).toEqual([]);
      if (format === 'ofd') {
        // provenance and page chrome as for PDF: every section has its page; page numbers are not content
        const sections = walk(result.documents[0].sections);
        expect(sections.every((s) => typeof s.span.page === 'number' && s.span.page >= 1)).toBe(true);
        expect(result.unplaced.some((u) => /^—\s*\d+\s*—$/.test(u.text.trim()))).toBe(true);
        expect(sections.some((s) => /—\s*\d+\s*—/.test(s.text))).toBe(false);
      }
    });
  }

  it('an OFD template page (running header on every page) is page chrome, never body text', async () => {
    const result = await parse(join(dir, 'jinchang-2023-2024-gongkai-yaodian.ofd'));
    const pages = result.source.pages!;
    expect(pages).toBeGreaterThan(3);
    const header = result.unplaced.filter((u) => u.text === '金昌市人民政府办公室');
    expect(header).toHaveLength(pages);
    expect(header.every((u) => u.reason.includes('template'))).toBe(true);
    // the sections' text never picks up the header
    const doc = result.documents[0];
    for (const s of walk(doc.sections)) expect(s.text.includes('金昌市人民政府办公室金昌市')).toBe(false);
  });

  it('an OFD with two DocBody entries gives two documents, each with its own tree', async () => {
    const result = await parse(join(dir, 'two-documents.ofd'));
    expect(result.documents.map((d) => d.title.replace(/\s/g, ''))).toEqual(['武威市2023年政务公开工作实施方案', '永昌县2025年政务公开工作要点']);
    const one = (i: number): ParseResult => ({ ...result, documents: [result.documents[i]] });
    expect(compare(one(0), expectedById.get('wuwei-2023-gongkai-fangan')!, { ignoreWhitespace: true, only: [0] }).differences).toEqual([]);
    expect(compare(one(1), expectedById.get('yongchang-site-scrape')!, { ignoreWhitespace: true, only: [1] }).differences).toEqual([]);
    // pages are numbered through the package: the second document starts after the first one's pages
    const firstPageOf = (i: number) => result.documents[i].span.page!;
    expect(firstPageOf(1)).toBeGreaterThan(firstPageOf(0));
  });

  it('sniffs by content, not by name', async () => {
    const ofd = new Uint8Array(readFileSync(join(dir, 'wuwei-2023-gongkai-fangan.ofd')));
    const doc = new Uint8Array(readFileSync(join(dir, 'wuwei-2023-gongkai-fangan.wps')));
    expect((await parse(ofd, { name: 'plan.pdf' })).source.format).toBe('ofd');
    expect((await parse(doc, { name: 'plan.txt' })).source.format).toBe('doc');
  });
});

describe('.doc automatic numbering', () => {
  it('says when paragraphs were auto-numbered and their markers are missing from the text', async () => {
    const result = await parse(join(dir, 'wuwei-2023-gongkai-fangan-autonumbered.doc'));
    const d = result.diagnostics.find((x) => x.code === 'OUTLINE_MARKERS_MISSING');
    expect(d?.severity).toBe('warning');
    // the fixture numbers the five 一、–五、 headings (their markers were removed from the text)
    expect(d?.message).toMatch(/^5 paragraph\(s\) use Word automatic numbering/);
  });

  it('stays quiet for a .doc whose markers are typed', async () => {
    const result = await parse(join(dir, 'wuwei-2023-gongkai-fangan.wps'));
    expect(result.diagnostics.some((x) => x.code === 'OUTLINE_MARKERS_MISSING')).toBe(false);
  });
});
