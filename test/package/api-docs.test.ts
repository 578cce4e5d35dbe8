/**
 * The API reference (typedoc, `npm run docs` → docs/api) documents every
 * export: typedoc's validation (notDocumented, invalidLink, notExported) must
 * report nothing. Reported per module so each owner sees their own gaps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
let warnings: string[] = [];
let errors: string[] = [];

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typedoc/bin/typedoc'), '--emit', 'none', '--logLevel', 'Warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const lines = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  warnings = lines.filter((l) => l.startsWith('[warning]') && !/Found \d+ errors and \d+ warnings/.test(l));
  errors = lines.filter((l) => l.startsWith('[error]'));
}, 180_000);

/**
 * Modules whose issues were still open when this test was written: their
 * gaps are printed, not failed. Remove a module from here once its issue
 * lands, and its exports are held to the same rule as the core.
 */
const PENDING = new Set<string>([]);

const area = (w: string) => /defined in gongwen\/src\/(diff|ledger|batch)\//.exec(w)?.[1] ?? 'core';

describe('API docs (typedoc)', () => {
  it('build without errors', () => expect(errors).toEqual([]));
  it('every export of the parser core (parse, schema, errors, tasks, browser entry) is documented', () => {
    expect(warnings.filter((w) => area(w) === 'core')).toEqual([]);
  });
  for (const [module, issue] of [['diff', 4], ['ledger', 5], ['batch', 6]] as const) {
    const pending = PENDING.has(module);
    it(`every export of src/${module} (issue ${issue}) is documented${pending ? ' (pending: reported, not enforced)' : ''}`, () => {
      const gaps = warnings.filter((w) => area(w) === module);
      if (pending) {
        if (gaps.length) console.warn(`src/${module} (issue ${issue}): ${gaps.length} undocumented export(s), not enforced while PENDING:\n${gaps.join('\n')}`);
        return;
      }
      expect(gaps).toEqual([]);
    });
  }
});
