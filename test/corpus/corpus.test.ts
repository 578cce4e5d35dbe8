import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { compare } from '../../scripts/lib/compare.js';
import { corpusEntries } from '../../scripts/lib/corpus.js';

// Every corpus document against its hand-checked expected output; a failure
// lists each differing field.
describe('corpus: parse equals the reviewed expected output', () => {
  for (const entry of corpusEntries()) {
    it(entry.id, async () => {
      const result = await parse(entry.source);
      const { differences } = compare(result, entry.expected);
      expect(differences).toEqual([]);
    });
  }
});
