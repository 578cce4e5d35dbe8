/**
 * DOCX through the browser's inflater: the same corpus files and bomb
 * fixtures, with platform/zlib-node.ts replaced by zlib-browser.ts (fflate)
 * exactly as the browser build does it, compared with node:zlib.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';

type ParseBytes = typeof import('../../src/parse-bytes.js').parseBytes;
const ROOT = join(import.meta.dirname, '..', '..');
let viaZlib: ParseBytes;
let viaFflate: ParseBytes;

beforeAll(async () => {
  viaZlib = (await import('../../src/parse-bytes.js')).parseBytes;
  vi.resetModules();
  vi.doMock('../../src/platform/zlib-node.js', () => import('../../src/platform/zlib-browser.js'));
  const z = await import('../../src/platform/zlib-node.js');
  expect(z.inflateRaw.toString()).toMatch(/Inflate/); // really the fflate twin
  viaFflate = (await import('../../src/parse-bytes.js')).parseBytes;
});

describe('DOCX with fflate (the browser inflater)', () => {
  for (const f of readdirSync(join(ROOT, 'corpus/pdf-docx')).filter((f) => f.endsWith('.docx'))) {
    it(`${f} parses exactly as with node:zlib`, async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'corpus/pdf-docx', f)));
      const a = await viaFflate(bytes, { name: f });
      expect(a.source.format).toBe('docx');
      expect(JSON.stringify(a)).toBe(JSON.stringify(await viaZlib(bytes, { name: f })));
    });
  }

  it.each([
    ['bomb-declared.docx', 'TOO_LARGE'],
    ['bomb-ratio.docx', 'TOO_LARGE'],
    ['truncated.docx', 'FILE_CORRUPT'],
    ['not-a-docx.zip', 'UNSUPPORTED_FORMAT'],
  ])('%s → %s', async (f, code) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'corpus/fixtures', f)));
    await expect(viaFflate(bytes, { name: f })).rejects.toMatchObject({ code });
  });
});
