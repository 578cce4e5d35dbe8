/**
 * OFD through the browser's inflater (fflate, as the browser build swaps it
 * in for node:zlib): the same packages parse to the same result, and the
 * shared bomb guard holds.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { writeZip } from '../../scripts/fixtures/zip-writer.js';

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

describe('OFD with fflate (the browser inflater)', () => {
  for (const f of readdirSync(join(ROOT, 'corpus/ofd-doc')).filter((f) => f.endsWith('.ofd'))) {
    it(`${f} parses exactly as with node:zlib`, async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'corpus/ofd-doc', f)));
      const a = await viaFflate(bytes, { name: f });
      expect(a.source.format).toBe('ofd');
      expect(JSON.stringify(a)).toBe(JSON.stringify(await viaZlib(bytes, { name: f })));
    });
  }

  it('a bomb is refused before inflating', async () => {
    const bomb = writeZip([
      { name: 'OFD.xml', data: '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' },
      { name: 'Doc_0/Document.xml', data: '<x/>', declaredSize: 3_000_000_000 },
    ]);
    await expect(viaFflate(bomb)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});
