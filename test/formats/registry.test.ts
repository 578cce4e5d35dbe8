import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_EXTENSIONS, FORMAT_NAMES } from '../../src/extract/registry.js';
import { SUPPORTED_EXTENSIONS } from '../../src/batch/paths.js';
import { ParseResult, parseText, parseBytes, ErrorCode, GongwenError } from '../../src/index.js';
import { run as parseCommand, usage } from '../../src/cli/commands/parse.js';
import { UsageError } from '../../src/cli/io.js';

// One registration per format: everything that lists formats reads the registry.
describe('the format registry', () => {
  it('lists the seven formats, each with its own lower-case extensions', () => {
    expect(FORMAT_NAMES).toEqual(['text', 'markdown', 'html', 'docx', 'pdf', 'ofd', 'doc']);
    for (const f of FORMATS) for (const e of f.extensions) expect(e).toMatch(/^\.[a-z0-9]+$/);
    expect(new Set(FORMAT_EXTENSIONS).size).toBe(FORMAT_EXTENSIONS.length);
    expect(FORMAT_EXTENSIONS).toEqual(expect.arrayContaining(['.ofd', '.doc', '.wps']));
  });

  it('drives the schema enum, batch’s folder filter and the CLI', async () => {
    expect(ParseResult.shape.source.shape.format.options).toEqual(FORMAT_NAMES);
    expect([...SUPPORTED_EXTENSIONS]).toEqual([...FORMAT_EXTENSIONS]);
    expect(usage).toContain('--input-format text|markdown|html|docx|pdf|ofd|doc');
    await expect(parseCommand(['plan.xls', '--input-format', 'xls'])).rejects.toThrow(UsageError);
  });

  it('refuses binary formats in parseText and unknown ones everywhere, with INVALID_OPTIONS', async () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GongwenError).code;
      }
    };
    expect(code(() => parseText('一、总体要求', { format: 'ofd' as 'text' }))).toBe(ErrorCode.INVALID_OPTIONS);
    expect(code(() => parseText('一、总体要求', { format: 'doc' as 'text' }))).toBe(ErrorCode.INVALID_OPTIONS);
    await expect(parseBytes(new Uint8Array([1]), { format: 'xls' as 'doc' })).rejects.toMatchObject({ code: ErrorCode.INVALID_OPTIONS });
  });
});
