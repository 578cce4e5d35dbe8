import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GongwenError } from '../../src/errors.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { loadPdfJs } from '../../src/extract/pdf/load.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../corpus/fixtures/${name}`, import.meta.url))));

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(GongwenError);
    return { code: (err as GongwenError).code, message: (err as GongwenError).message };
  }
  throw new Error('expected a GongwenError');
}

describe('extractPdf errors', () => {
  it('encrypted (RC4 40-bit, user password) → PDF_ENCRYPTED, telling the user what to do', async () => {
    const { code, message } = await codeOf(extractPdf(fixture('encrypted.pdf')));
    expect(code).toBe('PDF_ENCRYPTED');
    expect(message).toMatch(/password/i);
  });

  it('the encrypted fixture is a real encrypted PDF: it opens with its password', async () => {
    const pdfjs = await loadPdfJs();
    const doc = await pdfjs.getDocument({ data: fixture('encrypted.pdf'), password: 'secret', verbosity: 0 }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('Secret plan');
    await doc.destroy();
  });

  it('image-only page (a scan) → PDF_NO_TEXT_LAYER, suggesting OCR', async () => {
    const { code, message } = await codeOf(extractPdf(fixture('no-text-layer.pdf')));
    expect(code).toBe('PDF_NO_TEXT_LAYER');
    expect(message).toMatch(/OCR/);
  });

  it('truncated → FILE_CORRUPT', async () => {
    expect((await codeOf(extractPdf(fixture('truncated.pdf')))).code).toBe('FILE_CORRUPT');
  });

  it('not a PDF at all / empty → FILE_CORRUPT', async () => {
    expect((await codeOf(extractPdf(new TextEncoder().encode('一、总体要求\n（一）强化公开')))).code).toBe('FILE_CORRUPT');
    expect((await codeOf(extractPdf(new Uint8Array(0)))).code).toBe('FILE_CORRUPT');
  });

  it('more pages than maxPages → TOO_LARGE', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../corpus/pdf-docx/wuwei-2023-gongkai-fangan.pdf', import.meta.url))));
    const { code } = await codeOf(extractPdf(bytes, { maxPages: 3 }));
    expect(code).toBe('TOO_LARGE');
  });

  it('a timeout turns into FILE_CORRUPT instead of hanging', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../corpus/pdf-docx/wuwei-2023-gongkai-fangan.pdf', import.meta.url))));
    const { code, message } = await codeOf(extractPdf(bytes, { timeoutMs: 0 }));
    expect(code).toBe('FILE_CORRUPT');
    expect(message).toMatch(/Timed out/);
  });

  it('still works after failures (documents are destroyed, the worker survives)', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../corpus/pdf-docx/wuwei-2023-gongkai-fangan.pdf', import.meta.url))));
    const r = await extractPdf(bytes);
    expect(r.pages).toBe(9);
  });
});
