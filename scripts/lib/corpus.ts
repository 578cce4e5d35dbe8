/** The reviewed corpus: corpus/<id>/source.* with its hand-written expected.json. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Expected } from './compare.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');

export interface CorpusEntry {
  id: string;
  source: string;
  expected: Expected;
}

export function corpusEntries(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const id of readdirSync(CORPUS_DIR).sort()) {
    const dir = join(CORPUS_DIR, id);
    const expectedPath = join(dir, 'expected.json');
    if (!existsSync(expectedPath)) continue;
    const source = readdirSync(dir).find((f) => f.startsWith('source.'));
    if (!source) continue;
    out.push({ id, source: join(dir, source), expected: JSON.parse(readFileSync(expectedPath, 'utf8')) });
  }
  return out;
}
