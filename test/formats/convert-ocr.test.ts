/**
 * `convert --ocr` says in the manifest which inputs OCR read. The scan is
 * made at test time from a corpus PDF in ../shared (never copied here);
 * skipped without it or without the system tesseract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertArchive, type ConvertManifestEntry } from '../../src/index.js';
import { cleanup, corpus, put, tempDir } from '../batch/helpers.js';
import { hasChiSimTesseract } from '../extract/tesseract.js';

const hasTesseract = hasChiSimTesseract;
const corpusPdf = fileURLToPath(new URL('../../../shared/corpus/jinchang-2023-2024-gongkai-yaodian.pdf', import.meta.url));

describe.skipIf(!hasTesseract || !existsSync(corpusPdf))('convert --ocr records OCR in the manifest (needs tesseract and ../shared)', { timeout: 180_000 }, () => {
  let archive: string;
  let out: string;
  const entries = new Map<string, ConvertManifestEntry>();
  beforeAll(async () => {
    const { scanPdf } = await import('../../scripts/fixtures/make-scans.js');
    archive = tempDir();
    out = tempDir();
    put(archive, 'scan.pdf', await scanPdf(new Uint8Array(readFileSync(corpusPdf)), { pages: [2], dpi: 200, seed: 5 }));
    put(archive, 'typed.pdf', readFileSync(corpus('pdf-docx/wuwei-2023-gongkai-fangan.pdf')));
    for await (const e of convertArchive({ inputs: [archive], out, jobs: 1, parse: { ocr: true } })) entries.set(e.input, e);
  }, 180_000);
  afterAll(() => cleanup(archive, out));

  it('the scan was read through OCR, the typed PDF was not', () => {
    expect([entries.get('scan.pdf')?.status, entries.get('scan.pdf')?.format, entries.get('scan.pdf')?.ocr]).toEqual(['converted', 'pdf', true]);
    expect([entries.get('typed.pdf')?.status, entries.get('typed.pdf')?.ocr]).toEqual(['converted', undefined]);
  });
});
