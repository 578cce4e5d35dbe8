import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse, type Section } from '../../src/index.js';
import { compare } from '../../scripts/lib/compare.js';
import { corpusEntries, CORPUS_DIR, RENDERINGS } from '../../scripts/lib/corpus.js';

// A PDF or DOCX rendering must give the same tree as the reviewed text:
// every marker, heading, unit, deadline and metadata field. Whitespace inside
// strings is ignored (LibreOffice adds and pdfjs drops spaces between CJK and
// digits); a failure lists each differing field.


const expectedById = new Map(corpusEntries().map((e) => [e.id, e.expected]));
const walk = (ss: Section[], out: Section[] = []) => (ss.forEach((s) => (out.push(s), walk(s.children, out))), out);

describe('PDF and DOCX renderings parse to the same tree as their text', () => {
  for (const [file, id, only] of RENDERINGS) {
    it(file, async () => {
      const result = await parse(join(CORPUS_DIR, 'pdf-docx', file));
      const { differences } = compare(result, expectedById.get(id)!, { ignoreWhitespace: true, only });
      expect(differences).toEqual([]);
      expect(result.source.format).toBe(file.endsWith('.pdf') ? 'pdf' : 'docx');
      if (file.endsWith('.pdf')) {
        // provenance: every section knows its page; page numbers are furniture, not content
        const sections = walk(result.documents[0].sections);
        expect(sections.every((s) => typeof s.span.page === 'number' && s.span.page >= 1)).toBe(true);
        expect(result.unplaced.some((u) => /^[—-]\s*\d+\s*[—-]$/.test(u.text.trim()))).toBe(true);
        expect(sections.some((s) => /[—-]\s*\d+\s*[—-]/.test(s.text))).toBe(false);
      }
    });
  }
});
