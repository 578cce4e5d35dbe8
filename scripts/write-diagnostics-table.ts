/**
 * npm run readme:diagnostics: rewrites README.md's diagnostics table (between
 * the diagnostics:start/end markers) from the registry, so the table cannot
 * drift from the codes the library emits. test/package/diagnostics-registry.test.ts
 * fails when the README differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES } from '../src/diagnostics/codes.js';

export const START = '<!-- diagnostics:start -->';
export const END = '<!-- diagnostics:end -->';
const README = new URL('../README.md', import.meta.url);

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The Markdown table of every registered code, in registry order. */
export function diagnosticsTable(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).map(
    ([code, d]) => `| \`${code}\` | ${d.severity} | ${cell(d.meaning)} | ${cell(d.action)} |`,
  );
  return ['| diagnostic | severity | meaning | what to do |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the generated table; throws when the markers are missing. */
export function withDiagnosticsTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  const note = '<!-- generated from src/diagnostics/codes.ts by npm run readme:diagnostics: edit the registry, not this table -->';
  return `${readme.slice(0, a + START.length)}\n${note}\n\n${diagnosticsTable()}\n\n${readme.slice(b)}`;
}

export function readReadme(): string {
  return readFileSync(README, 'utf8');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readReadme();
  const after = withDiagnosticsTable(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md diagnostics table already up to date' : `README.md: diagnostics table rewritten (${Object.keys(DIAGNOSTIC_CODES).length} codes)`);
}
