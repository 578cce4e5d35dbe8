/**
 * One registry of diagnostic codes (issue 10): every code src/ emits is in
 * DIAGNOSTIC_CODES, every registered code is emitted somewhere, and README's
 * table is the one scripts/write-diagnostics-table.ts generates from it.
 * The types already force `ctx.warn/info/report` and `diagnostic()` to take a
 * registered code; this scan also catches object literals (`code: '…'`) that
 * bypass them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIAGNOSTIC_CODES, isDiagnosticCode, diagnostic } from '../../src/diagnostics/codes.js';
import { ErrorCode } from '../../src/errors.js';
import { BatchErrorCode } from '../../src/batch/schema.js';
import { Diagnostic } from '../../src/schema/diagnostic.js';
import { diagnosticsTable, readReadme, withDiagnosticsTable } from '../../scripts/write-diagnostics-table.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');
const REGISTRY = join(SRC, 'diagnostics', 'codes.ts');

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(SRC, f))
  .filter((f) => f !== REGISTRY)
  .map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

// error codes are thrown (GongwenError) or put in the batch manifest, never diagnostics
const NOT_DIAGNOSTICS = new Set<string>([...Object.keys(ErrorCode), ...Object.keys(BatchErrorCode)]);

/** Where src/ writes a code: an object literal's `code: '…'`, `ctx.warn/info/report('…'` (console's excluded), `diagnostic('…'`. */
const EMITTERS = [
  /\bcode\s*:\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
  /(?<!console)\.(?:warn|info|report)\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
  /\bdiagnostic\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
];

function emitted(): Array<{ code: string; at: string }> {
  const out: Array<{ code: string; at: string }> = [];
  for (const { file, text } of sources) {
    for (const re of EMITTERS) {
      for (const m of text.matchAll(re)) {
        if (NOT_DIAGNOSTICS.has(m[1])) continue;
        out.push({ code: m[1], at: `${file}:${text.slice(0, m.index).split('\n').length}` });
      }
    }
  }
  return out;
}

describe('diagnostic codes registry', () => {
  it('every code emitted in src/ is registered', () => {
    const found = emitted();
    // the scan itself must keep working: today's emitters number well over ten
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((e) => !isDiagnosticCode(e.code)).map((e) => `${e.code} at ${e.at}`)).toEqual([]);
  });

  it('every registered code is emitted somewhere in src/ (no dead entries)', () => {
    const all = sources.map((s) => s.text).join('\n');
    const dead = Object.keys(DIAGNOSTIC_CODES).filter((c) => !new RegExp(`['"\`]${c}['"\`]`).test(all));
    expect(dead).toEqual([]);
  });

  it('each entry has a severity, a one-line meaning and an action; no code is also an error code', () => {
    for (const [code, d] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      for (const line of [d.meaning, d.action]) {
        expect(line.trim().length, code).toBeGreaterThan(0);
        expect(line, code).not.toMatch(/\n/);
      }
      expect(NOT_DIAGNOSTICS.has(code), `${code} is also an error code`).toBe(false);
    }
  });

  it('diagnostic() takes the severity from the registry, and keys only when set', () => {
    expect(diagnostic('REFLOW_JOINED', 'm')).toStrictEqual({ code: 'REFLOW_JOINED', severity: 'info', message: 'm' });
    expect(diagnostic('UNIT_TRUNCATED', 'm', { text: '数据', severity: 'info' })).toStrictEqual({ code: 'UNIT_TRUNCATED', severity: 'info', message: 'm', text: '数据' });
    expect(diagnostic('TITLE_MISSING', 'm', { span: { start: 0, end: 1, line: 1 } }).severity).toBe('warning');
  });

  it('the schema describes the codes', () => {
    const description = Diagnostic.shape.code.description ?? '';
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(description).toContain(code);
  });

  it('README’s diagnostics table is the one generated from the registry (npm run readme:diagnostics)', () => {
    const readme = readReadme();
    expect(readme).toContain(diagnosticsTable());
    expect(withDiagnosticsTable(readme)).toBe(readme);
  });
});
