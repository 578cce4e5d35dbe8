/** Parse a corpus plan once per test file. */
import { join } from 'node:path';
import { parse, type ParseResult } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

const cache = new Map<string, Promise<ParseResult>>();

export function corpus(id: string, file = 'source.txt'): Promise<ParseResult> {
  const path = join(CORPUS_DIR, id, file);
  if (!cache.has(path)) cache.set(path, parse(path));
  return cache.get(path)!;
}

export const JINCHANG = () => corpus('jinchang-2023-2024-gongkai-yaodian', 'source.md');
export const WUWEI = () => corpus('wuwei-2023-gongkai-fangan');
export const QINGYANG = () => corpus('qingyang-2022-gongkai-yaodian');
export const GANSU = () => corpus('gansu-2020-gongkai-fangan');
export const YONGCHANG = () => corpus('yongchang-site-scrape');
