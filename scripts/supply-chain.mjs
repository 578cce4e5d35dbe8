#!/usr/bin/env node
/**
 * Supply-chain gate for CI (.ci/run): `npm audit --omit=dev` over the
 * production dependencies, failing on a high or critical advisory that has a
 * fix available (one without a fix is reported, not fatal: nothing to do but
 * wait or replace the package), and zero install scripts, ours or in the
 * the production dependencies (dev tools such as esbuild have one; CI installs
 * with --ignore-scripts, so they are listed, not fatal). When the advisory database cannot be reached (an offline mirror),
 * that is said plainly; GONGWEN_AUDIT_REQUIRED=1 turns it into a failure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'];

/**
 * Judge `npm audit --json` output.
 * @param {any} report - parsed JSON from npm audit (v7+ format), or an npm error object
 * @returns {{ fail: boolean, unavailable: boolean, lines: string[] }}
 */
export function judgeAudit(report) {
  if (!report || report.error || !report.vulnerabilities) {
    const why = report?.error?.summary || report?.message || 'no report';
    return { fail: false, unavailable: true, lines: [`npm audit --omit=dev: the advisory database could not be queried (${why}); not checked`] };
  }
  const lines = [];
  let fail = false;
  const counts = report.metadata?.vulnerabilities ?? {};
  lines.push(`npm audit --omit=dev: ${['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`);
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    const serious = v.severity === 'high' || v.severity === 'critical';
    const fix = v.fixAvailable === true ? 'fix available' : v.fixAvailable ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (major)' : ''}` : 'no fix yet';
    const titles = (v.via ?? []).filter((x) => typeof x === 'object').map((x) => x.title).filter(Boolean);
    lines.push(`  ${v.severity.padEnd(8)} ${name}${v.range ? ` ${v.range}` : ''}: ${titles.join('; ') || 'via ' + (v.via ?? []).join(', ')} — ${fix}`);
    if (serious && v.fixAvailable) fail = true;
  }
  if (fail) lines.push('npm audit: a high or critical advisory has a fix available: update the dependency (npm audit fix --omit=dev)');
  return { fail, unavailable: false, lines };
}

/**
 * Install scripts: in our package.json, and any package the lockfile marks hasInstallScript.
 * @param {any} pkg - package.json
 * @param {any} lock - package-lock.json (v2/v3)
 * @returns {{ fatal: string[], dev: string[] }} ours and production dependencies' (fatal), dev dependencies' (listed)
 */
export function installScripts(pkg, lock) {
  const fatal = LIFECYCLE.filter((s) => pkg.scripts?.[s]).map((s) => `package.json has a "${s}" script`);
  const dev = [];
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (path && meta.hasInstallScript) (meta.dev ? dev : fatal).push(`${path} has an install script`);
  }
  return { fatal, dev };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let status = 0;
  const scripts = installScripts(JSON.parse(readFileSync(`${root}package.json`, 'utf8')), JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')));
  console.log(
    scripts.fatal.length
      ? `install scripts in the package or its production dependencies: ${scripts.fatal.length}\n  ${scripts.fatal.join('\n  ')}`
      : 'install scripts: none in the package or its production dependencies',
  );
  if (scripts.dev.length) console.log(`  dev dependencies with an install script (not run: CI installs with --ignore-scripts): ${scripts.dev.join(', ')}`);
  if (scripts.fatal.length) status = 1;
  let raw = '';
  try {
    raw = execFileSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    raw = e.stdout ?? ''; // npm audit exits 1 when it finds anything
  }
  let report;
  try {
    report = JSON.parse(raw);
  } catch {
    report = { message: 'unreadable output' };
  }
  const verdict = judgeAudit(report);
  console.log(verdict.lines.join('\n'));
  if (verdict.fail || (verdict.unavailable && process.env.GONGWEN_AUDIT_REQUIRED === '1')) status = 1;
  process.exitCode = status;
}
