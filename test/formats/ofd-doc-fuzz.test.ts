import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongwenError, parse } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

// Damaged OFD and .doc files never crash: either a result or a typed GongwenError.
const files = ['wuwei-2023-gongkai-fangan.ofd', 'wuwei-2023-gongkai-fangan.wps'].map((f) => [f, new Uint8Array(readFileSync(join(CORPUS_DIR, 'ofd-doc', f)))] as const);

describe('damaged OFD and .doc files fail with a typed error', () => {
  for (const [name, original] of files) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: original.length - 1 }),
          fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
          async (cut, flips) => {
            const bytes = original.slice(0, Math.max(cut, 8));
            for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
            try {
              await parse(bytes);
            } catch (err) {
              if (!(err instanceof GongwenError)) throw err;
            }
          },
        ),
        { numRuns: 150, seed: 11 },
      );
    }, 60_000);
  }

  it('flips inside an intact file (sizes kept) never crash either', async () => {
    for (const [, original] of files) {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
          const bytes = original.slice();
          for (const [at, v] of flips) bytes[at] = v;
          try {
            await parse(bytes);
          } catch (err) {
            expect(err).toBeInstanceOf(GongwenError);
          }
        }),
        { numRuns: 150, seed: 12 },
      );
    }
  }, 60_000);
});
