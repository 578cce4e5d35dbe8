import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, type Section } from '../../src/index.js';
import { corpusEntries } from '../../scripts/lib/corpus.js';

// Nothing in the input silently disappears: every non-blank character of a
// corpus file lies inside a document, or inside an `unplaced` entry with its
// reason; and every item's text, clause and marker can be found at its span.
describe('nothing is silently dropped', () => {
  for (const entry of corpusEntries()) {
    it(entry.id, async () => {
      const source = readFileSync(entry.source, 'utf8');
      const r = await parse(entry.source);
      const covered = new Uint8Array(source.length);
      const mark = (s: { start: number; end: number }) => covered.fill(1, s.start, s.end);
      for (const d of r.documents) {
        mark(d.span);
        d.duplicates.forEach(mark);
      }
      for (const u of r.unplaced) {
        mark(u.span);
        expect(u.reason.length).toBeGreaterThan(0);
      }
      const lost: string[] = [];
      for (let i = 0; i < source.length; i++) if (!covered[i] && /\S/.test(source[i]) && !(entry.source.endsWith('.md') && /[#-]/.test(source[i]))) lost.push(`${i}:${source[i]}`);
      expect(lost.slice(0, 20)).toEqual([]);

      const walk = (ss: Section[]) =>
        ss.forEach((s) => {
          const at = source.slice(s.span.start, s.span.end);
          expect(at.startsWith(s.marker)).toBe(true);
          for (const c of s.clauses) expect(at.replace(/\s+/g, '')).toContain(c.replace(/\s+/g, ''));
          walk(s.children);
        });
      r.documents.forEach((d) => walk(d.sections));
    });
  }
});
