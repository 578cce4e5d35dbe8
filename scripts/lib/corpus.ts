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

/** PDF/DOCX renderings in corpus/pdf-docx/, each scored against the reviewed text of the same document. */
export const RENDERINGS: Array<[file: string, corpusId: string, onlyDocuments: number[]]> = [
  ['jinchang-2023-2024-gongkai-yaodian.pdf', 'jinchang-2023-2024-gongkai-yaodian', [0]],
  ['jinchang-2023-2024-gongkai-yaodian.docx', 'jinchang-2023-2024-gongkai-yaodian', [0]],
  ['wuwei-2023-gongkai-fangan.pdf', 'wuwei-2023-gongkai-fangan', [0]],
  ['wuwei-2023-gongkai-fangan.docx', 'wuwei-2023-gongkai-fangan', [0]],
  // the 2025 plan is the second document of the web scrape
  ['yongchang-2025-gongkai-yaodian.pdf', 'yongchang-site-scrape', [1]],
  ['yongchang-2025-gongkai-yaodian.docx', 'yongchang-site-scrape', [1]],
];
