/** Issue 12, supply chain: the CI gate's judgement of `npm audit`, and zero install scripts. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain .mjs script without types
import { judgeAudit, installScripts } from '../../scripts/supply-chain.mjs';
import { REPO } from '../fuzz/mutators.js';

const vuln = (severity: string, fixAvailable: unknown) => ({ name: 'x', severity, fixAvailable, range: '<1.2.3', via: [{ title: 'Prototype pollution' }] });
const report = (vulnerabilities: Record<string, unknown>) => ({ vulnerabilities, metadata: { vulnerabilities: { high: 1 } } });

describe('npm audit gate', () => {
  it('fails on a high or critical advisory with a fix available', () => {
    expect(judgeAudit(report({ a: vuln('high', true) })).fail).toBe(true);
    expect(judgeAudit(report({ a: vuln('critical', { name: 'a', version: '2.0.0', isSemVerMajor: true }) })).fail).toBe(true);
  });

  it('reports but does not fail on one without a fix, or on moderate/low ones', () => {
    const v = judgeAudit(report({ a: vuln('critical', false), b: vuln('moderate', true), c: vuln('low', true) }));
    expect(v.fail).toBe(false);
    expect(v.lines.join('\n')).toContain('no fix yet');
    expect(v.lines.join('\n')).toContain('Prototype pollution');
  });

  it('says so when the advisory database cannot be reached (never a silent pass)', () => {
    const v = judgeAudit({ error: { summary: '405 Method Not Allowed' } });
    expect(v).toMatchObject({ fail: false, unavailable: true });
    expect(v.lines[0]).toContain('not checked');
  });
});

describe('install scripts', () => {
  it('the package and its production dependencies have none', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
    expect(installScripts(pkg, lock).fatal).toEqual([]);
  });

  it('would catch one: ours, or a production dependency marked hasInstallScript', () => {
    const found = installScripts(
      { scripts: { postinstall: 'node evil.js', test: 'vitest' } },
      { packages: { '': {}, 'node_modules/bad': { hasInstallScript: true }, 'node_modules/tool': { hasInstallScript: true, dev: true } } },
    );
    expect(found.fatal).toEqual(['package.json has a "postinstall" script', 'node_modules/bad has an install script']);
    expect(found.dev).toEqual(['node_modules/tool has an install script']);
  });
});
