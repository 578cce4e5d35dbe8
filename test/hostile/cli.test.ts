/**
 * Issue 12 end to end through the CLI: hostile plan files in, nothing raw on
 * the terminal, formula-safe CSV out (and raw with --raw-cells).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as diffCommand } from '../../src/cli/commands/diff.js';
import { run as parseCommand } from '../../src/cli/commands/parse.js';
import { run as tasksCommand } from '../../src/cli/commands/tasks.js';
import { HYPERLINK, SUM, hostilePlan } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongwen-hostile-cli-'));
  // old: plain; new: the ESC heading and a C1 CSI (removed at decode) and a bidi override (text, escaped on output)
  writeFileSync(join(dir, 'old.txt'), hostilePlan('加强公开内容'));
  writeFileSync(join(dir, 'new.txt'), hostilePlan('加强公开\x1b[2J\x1b]0;pwned\x07内容\u202e倒序\u009b31m'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stdoutOf(run: () => Promise<number>): Promise<string> {
  const chunks: string[] = [];
  // tasks waits for write's callback: call it
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((c: string | Uint8Array, cb?: unknown) => {
    chunks.push(String(c));
    if (typeof cb === 'function') cb();
    return true;
  }) as typeof process.stdout.write);
  try {
    expect(await run()).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('CLI output with hostile documents', () => {
  it('diff --format terminal writes no control or bidi character from the documents', async () => {
    const out = await stdoutOf(() => diffCommand([join(dir, 'old.txt'), join(dir, 'new.txt'), '--format', 'terminal']));
    expect(out.replace(/\x1b\[\d+m/g, '')).not.toMatch(RAW);
    expect(out).toContain('加强公开[2J]0;pwned内容\\u202e倒序31m');
  });

  it('diff and parse JSON escape C1 and bidi characters (same JSON value)', async () => {
    for (const out of [
      await stdoutOf(() => diffCommand([join(dir, 'old.txt'), join(dir, 'new.txt'), '--format', 'json'])),
      await stdoutOf(() => parseCommand([join(dir, 'new.txt')])),
    ]) {
      expect(out).not.toMatch(RAW);
      expect(out).toContain('\\u202e');
      expect(JSON.stringify(JSON.parse(out))).toContain('\u202e倒序31m');
    }
  });

  it("tasks --format csv: formula cells prefixed with '; --raw-cells keeps them", async () => {
    const csv = await stdoutOf(() => tasksCommand([join(dir, 'new.txt'), '--format', 'csv']));
    expect(csv).toContain(`"'${HYPERLINK.replace(/"/g, '""')}"`);
    expect(csv).toContain(`'${SUM}`);
    const raw = await stdoutOf(() => tasksCommand([join(dir, 'new.txt'), '--format', 'csv', '--raw-cells']));
    expect(raw).toContain(`"${HYPERLINK.replace(/"/g, '""')}"`);
    expect(raw).not.toContain(`'${SUM}`);
  });

  it('tasks --by-unit --format text escapes what remains', async () => {
    const out = await stdoutOf(() => tasksCommand([join(dir, 'new.txt'), '--by-unit', '--format', 'text']));
    expect(out).not.toMatch(RAW);
    expect(out).toContain('\\u202e');
  });

  it('xlsx via the CLI is written (no formulas: see outputs.test.ts)', async () => {
    expect(await tasksCommand([join(dir, 'new.txt'), '--out', join(dir, 'l.xlsx')])).toBe(0);
    expect(readFileSync(join(dir, 'l.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
