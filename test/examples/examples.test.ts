/**
 * Every script in examples/ runs, so the examples never rot. Scripts are run
 * the way the README says (`npx tsx examples/<name>.ts`), from the repo root,
 * where tsconfig maps `gongwen` to the sources.
 *
 * Examples that use a module another issue is still finishing (diff, ledger,
 * batch) skip, saying so, while that export is missing; the lead removes
 * nothing to un-skip them: they run as soon as the export exists.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as gongwen from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FACTS = JSON.parse(readFileSync(join(ROOT, 'corpus/pdf-docx/facts.json'), 'utf8'));

function runExample(file: string, args: string[] = [], cwd = ROOT) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'examples', file), ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, all: `${r.stdout}\n${r.stderr}` };
}

const has = (name: string) => typeof (gongwen as Record<string, unknown>)[name] === 'function';
function needs(...names: string[]): string | undefined {
  const missing = names.filter((n) => !has(n));
  if (missing.length === 0) return undefined;
  const why = `gongwen does not export ${missing.join(', ')} yet (another issue's module)`;
  console.warn(`SKIPPING example: ${why}`);
  return why;
}

describe('examples/', { timeout: 120_000 }, () => {
  it('parse-file.ts prints the header and every leaf task of a PDF', () => {
    const r = runExample('parse-file.ts');
    expect(r.status, r.all).toBe(0);
    expect(r.stdout).toMatch(/工作要点: 金昌市\s*2023—2024\s*年政务公开工作要点/);
    expect(r.stdout).toMatch(/文号 金政办发〔2023〕90号/);
    const facts = FACTS['jinchang-2023-2024-gongkai-yaodian'];
    expect(r.stdout.split('\n').filter((l) => /^ {2}\d+\.\d+\s/.test(l)).length).toBe(facts.level2_count);
  });

  it('parse-file.ts reports a stable error code and exits 1', () => {
    const r = runExample('parse-file.ts', [join(ROOT, 'corpus/fixtures/no-text-layer.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gongwen: PDF_NO_TEXT_LAYER: /m);
  });

  it.skipIf(needs('diffDocuments'))('diff-two-years.ts lists the changes between 2024-2025 and 2025', () => {
    const r = runExample('diff-two-years.ts');
    expect(r.status, r.all).toBe(0);
    expect(r.stdout).toMatch(/永昌县2024-2025年政务公开工作要点\s+→\s+永昌县2025年政务公开工作要点/);
    expect(r.stdout).toMatch(/\[(modified|added|removed|renumbered|moved)\]/);
  });

  it.skipIf(needs('toLedger', 'toCsv'))('export-ledger.ts writes one CSV row per task', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-ledger-'));
    try {
      const out = join(dir, 'ledger.csv');
      const r = runExample('export-ledger.ts', [join(ROOT, 'corpus/pdf-docx/wuwei-2023-gongkai-fangan.docx'), out]);
      expect(r.status, r.all).toBe(0);
      const lines = readFileSync(out, 'utf8').split(/\r?\n/).filter(Boolean);
      expect(lines[0].charCodeAt(0)).toBe(0xfeff);
      expect(lines.length - 1).toBeGreaterThanOrEqual(FACTS['wuwei-2023-gongkai-fangan'].level2_count);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(needs('convertArchive'))('convert-folder.ts converts a folder and writes a manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-convert-'));
    try {
      const r = runExample('convert-folder.ts', [join(ROOT, 'corpus/pdf-docx'), join(dir, 'out')]);
      expect(r.status, r.all).toBe(0);
      expect(r.stdout).toMatch(/\d+ converted, 0 skipped, 0 failed/);
      const again = runExample('convert-folder.ts', [join(ROOT, 'corpus/pdf-docx'), join(dir, 'out')]);
      expect(again.stdout, again.all).toMatch(/0 converted, \d+ skipped, 0 failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('validate-with-python.py validates parse output against schema.json', async () => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0) return console.warn('SKIPPING validate-with-python.py: python3 is not installed');
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-py-'));
    try {
      const result = await gongwen.parse(join(ROOT, 'corpus/pdf-docx/yongchang-2025-gongkai-yaodian.pdf'));
      const good = join(dir, 'plan.json');
      writeFileSync(good, JSON.stringify(result));
      const ok = spawnSync('python3', [join(ROOT, 'examples/validate-with-python.py'), good, join(ROOT, 'schema.json')], { encoding: 'utf8' });
      expect(ok.status, `${ok.stdout}${ok.stderr}`).toBe(0);
      expect(ok.stdout).toMatch(/valid \((jsonschema [\d.]+|stdlib shape check[^)]*)\); 1 document/);
      // and it does catch a broken document
      const broken = structuredClone(result) as unknown as { documents: Record<string, unknown>[] };
      delete broken.documents[0].sections;
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify(broken));
      const no = spawnSync('python3', [join(ROOT, 'examples/validate-with-python.py'), bad, join(ROOT, 'schema.json')], { encoding: 'utf8' });
      expect(no.status).toBe(1);
      expect(no.stdout).toMatch(/sections/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
