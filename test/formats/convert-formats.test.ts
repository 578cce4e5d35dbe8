import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { convertArchive, type ConvertManifestEntry } from '../../src/index.js';
import { cleanup, corpus, put, tempDir } from '../batch/helpers.js';

// `convert` over a folder holding every format reports each file's format in its manifest.
describe('convert over a folder mixing every format', { timeout: 120_000 }, () => {
  let archive: string;
  let out: string;
  const entries = new Map<string, ConvertManifestEntry>();
  beforeAll(async () => {
    archive = tempDir();
    out = tempDir();
    const copy = (rel: string, from: string) => put(archive, rel, readFileSync(corpus(from)));
    copy('a.txt', 'pdf-docx/wuwei-2023-gongkai-fangan.txt');
    copy('b.md', 'pdf-docx/jinchang-2023-2024-gongkai-yaodian.md');
    copy('c.docx', 'pdf-docx/wuwei-2023-gongkai-fangan.docx');
    copy('d.pdf', 'pdf-docx/wuwei-2023-gongkai-fangan.pdf');
    copy('e.ofd', 'ofd-doc/wuwei-2023-gongkai-fangan.ofd');
    copy('f.doc', 'ofd-doc/jinchang-2023-2024-gongkai-yaodian.doc');
    copy('g.wps', 'ofd-doc/wuwei-2023-gongkai-fangan.wps');
    // a spreadsheet saved as .xls: picked up? no (not a document extension); named .doc: yes, and refused
    const c = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c, 'Workbook', new Uint8Array(600));
    put(archive, 'h.doc', new Uint8Array(CFB.write(c, { type: 'array' }) as number[]));
    for await (const e of convertArchive({ inputs: [archive], out, jobs: 1 })) entries.set(e.input, e);
  }, 120_000);
  afterAll(() => cleanup(archive, out));

  it('records each file’s format', () => {
    const got = Object.fromEntries([...entries].map(([k, e]) => [k, [e.status, e.format ?? null, e.code ?? null]]));
    expect(got).toEqual({
      'a.txt': ['converted', 'text', null],
      'b.md': ['converted', 'markdown', null],
      'c.docx': ['converted', 'docx', null],
      'd.pdf': ['converted', 'pdf', null],
      'e.ofd': ['converted', 'ofd', null],
      'f.doc': ['converted', 'doc', null],
      'g.wps': ['converted', 'doc', null],
      'h.doc': ['failed', null, 'UNSUPPORTED_FORMAT'],
    });
  });
});
