/**
 * Fuzzing in `npm test` (issue 12): structure-aware mutations of real inputs
 * for every adapter, fixed seeds and a bounded count so the run is a few
 * seconds and repeatable. The invariant: every input ends in a ParseResult or
 * a GongwenError (one that does not merely wrap a TypeError/RangeError),
 * never another exception. Long runs: `npm run fuzz -- --minutes N`, which
 * saves crashing inputs under test/fuzz/crashes/; every saved input is
 * replayed here.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS, fuzzInput, runInput, seeds, type Adapter } from './mutators.js';

/** Inputs per adapter in npm test: enough to cover every mutation kind, small enough for a few seconds. */
const COUNT: Record<Adapter, number> = { text: 12, markdown: 12, html: 30, docx: 30, ofd: 15, pdf: 20 };
const SEED = 20261201;
const CRASHES = join(import.meta.dirname, 'crashes');

describe('fuzz: every input ends in a ParseResult or a GongwenError', () => {
  for (const adapter of Object.keys(ADAPTERS) as Adapter[]) {
    it.skipIf(seeds(adapter).length === 0)(`${adapter}: ${COUNT[adapter]} mutated inputs (seed ${SEED})`, async () => {
      const crashes: string[] = [];
      const outcomes = new Set<string>();
      for (let i = 0; i < COUNT[adapter]; i++) {
        const o = await runInput(adapter, fuzzInput(adapter, SEED, i)!);
        outcomes.add(o.kind === 'error' ? o.code : o.kind);
        if (o.kind === 'crash') crashes.push(`#${i}: ${o.error.split('\n')[0]}`);
      }
      expect(crashes).toEqual([]);
      // the mutations must not all be rejected up front: some inputs still parse
      expect(outcomes.size).toBeGreaterThan(1);
    });
  }

  it('the generator is deterministic and the mutations change the input', () => {
    const a = fuzzInput('docx', SEED, 3)!;
    expect(fuzzInput('docx', SEED, 3)).toEqual(a);
    expect(fuzzInput('docx', SEED, 4)).not.toEqual(a);
    for (const adapter of Object.keys(ADAPTERS) as Adapter[]) {
      const pool = seeds(adapter);
      if (pool.length === 0) continue;
      const inputs = Array.from({ length: 5 }, (_, i) => fuzzInput(adapter, SEED, i)!);
      expect(inputs.some((b) => !pool.some((s) => Buffer.from(s).equals(Buffer.from(b))))).toBe(true);
    }
  });

  const saved = existsSync(CRASHES) ? readdirSync(CRASHES).filter((f) => !f.endsWith('.json') && !f.startsWith('.')) : [];
  it.skipIf(saved.length === 0)(`replays the ${saved.length} saved crash input(s) from test/fuzz/crashes/`, async () => {
    for (const file of saved) {
      const adapter = file.split('-')[0] as Adapter;
      const o = await runInput(adapter in ADAPTERS ? adapter : 'text', new Uint8Array(readFileSync(join(CRASHES, file))));
      expect(o.kind, `${file}: ${o.kind === 'crash' ? o.error : ''}`).not.toBe('crash');
    }
  });
});
