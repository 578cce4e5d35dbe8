/**
 * Issue 12, control characters: `加强公开\x1b[2J\x1b]0;pwned\x07内容` must not keep
 * its escape sequences in the heading; each removal is a CONTROL_CHARS_REMOVED
 * diagnostic with a span into the cleaned text.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseText, flattenTasks } from '../../src/index.js';
import { decodeText } from '../../src/read/decode.js';
import { stripControlChars } from '../../src/read/control-chars.js';
import { hostilePlan } from './helpers.js';

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;

function check(result: Awaited<ReturnType<typeof parse>>, text: string) {
  const task = flattenTasks(result.documents[0], { leavesOnly: true })[1];
  expect(task.heading).toBe('加强公开[2J]0;pwned内容');
  expect(JSON.stringify(result.documents)).not.toMatch(/\\u00(?:0[0-8]|1[0-9a-f]|7f)|\\u001[bB]/);
  const diags = result.diagnostics.filter((d) => d.code === 'CONTROL_CHARS_REMOVED');
  expect(diags.map((d) => d.text)).toEqual(['\\x1b', '\\x1b', '\\x07']);
  // zero-width spans into the cleaned text: each sits where the character was
  const line = text.split('\n').findIndex((l) => l.includes('pwned')) + 1;
  const cleaned = text.replace(/[\x1b\x07]/g, '');
  const at = cleaned.indexOf('加强公开[2J');
  expect(diags.map((d) => d.span!.start)).toEqual([at + 4, at + 7, at + 15]);
  for (const d of diags) {
    expect(d.span!.end).toBe(d.span!.start);
    expect(d.span!.line).toBe(line);
    expect(d.severity).toBe('warning');
  }
}

describe('control characters are dropped at decode time', () => {
  const text = hostilePlan();

  it('from a UTF-8 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-cc-'));
    writeFileSync(join(dir, 'plan.txt'), text);
    check(await parse(join(dir, 'plan.txt')), text);
  });

  it('from UTF-16LE bytes with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    check(await parse(le), text);
  });

  it('from text in memory (parseText)', () => {
    check(parseText(text), text);
  });

  it('C1 controls and DEL too; tab, line breaks, VT and FF are kept', () => {
    const s = stripControlChars('a\u009b31mb\u007fc\td\r\ne\u000bf\u000cg\u0000h');
    expect(s.text).toBe('a31mbc\td\r\ne\u000bf\u000cgh');
    expect(s.diagnostics.map((d) => d.text)).toEqual(['\\x9b', '\\x7f', '\\x00']);
    expect(s.diagnostics.map((d) => [d.span!.start, d.span!.line])).toEqual([[1, 1], [5, 1], [15, 2]]);
    expect(stripControlChars('市司法局\n').diagnostics).toEqual([]);
  });

  it('a run of controls is one diagnostic; a flood is capped (100 + one summary)', () => {
    expect(stripControlChars('x\x1b\x1b\x1by').diagnostics).toHaveLength(1);
    const flood = stripControlChars('字\x07'.repeat(500));
    expect(flood.text).toBe('字'.repeat(500));
    expect(flood.diagnostics).toHaveLength(101);
    expect(flood.diagnostics[100].message).toContain('400 more');
  });

  it('decodeText reports them and never returns one', () => {
    const d = decodeText(new TextEncoder().encode(hostilePlan()));
    expect(d.text).not.toMatch(CONTROL);
    expect(d.diagnostics).toHaveLength(3);
  });

  it('text that is nothing but controls and spaces is EMPTY_INPUT, not an empty plan', () => {
    expect(() => decodeText(new TextEncoder().encode(' \x07\n'.repeat(2) + '  '.repeat(100)))).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
});
