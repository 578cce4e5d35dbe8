import { describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, parseText, GongwenError, isGongwenError } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(GongwenError);
    return (err as GongwenError).code;
  }
  return 'NO_ERROR';
}

const wuwei = readFileSync(join(CORPUS_DIR, 'wuwei-2023-gongkai-fangan', 'source.txt'), 'utf8');

describe('bad input gives a typed error, never a crash', () => {
  it('empty and whitespace-only input', async () => {
    expect(await codeOf(parse(new Uint8Array()))).toBe('EMPTY_INPUT');
    expect(await codeOf(parse(Buffer.from(' \n\t\u3000\n')))).toBe('EMPTY_INPUT');
    expect(await codeOf(() => parseText(''))).toBe('EMPTY_INPUT');
  });

  it('binary garbage', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    expect(await codeOf(parse(bytes))).toBe('BINARY_INPUT');
  });

  it('a text that is not a plan', async () => {
    const novel = '从前有座山，山里有座庙，庙里有个老和尚在给小和尚讲故事。讲的什么呢？从前有座山。\n他们一直讲下去。\n';
    expect(await codeOf(() => parseText(novel))).toBe('NOT_A_PLAN');
  });

  it('a 200 MB file is refused before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-'));
    const path = join(dir, 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const err = await parse(path).catch((e) => e);
    expect(isGongwenError(err) && err.code).toBe('TOO_LARGE');
    expect(err.message).toMatch(/maxBytes/);
  });

  it('missing file and bad options', async () => {
    expect(await codeOf(parse('/nonexistent/plan.txt'))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(parse(Buffer.from('一、总体要求'), { format: 'xls' as never }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => parseText(42 as never))).toBe('INVALID_OPTIONS');
  });

  it('unbalanced brackets: the clause is read, the anomaly reported', () => {
    const text = '某县2024年政务公开工作要点\n一、强化公开\n（一）加强公开。做好工作。（责任单位：县政府各部门、单位\n（二）强化监督。落实责任。（牵头单位：县司法局），责任单位：县政府办公室))\n';
    const r = parseText(text);
    const [one, two] = r.documents[0].sections[0].children;
    expect(one.responsible).toEqual(['县政府各部门、单位']);
    expect(r.documents[0].diagnostics.map((d) => d.code)).toContain('CLAUSE_UNCLOSED');
    expect(two.heading).toBe('强化监督');
  });

  it('random damage to a real plan never throws anything but GongwenError (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(wuwei.length), fc.nat(40), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 }),
        (edits) => {
          let t = wuwei;
          for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
          try {
            const r = parseText(t, { format: 'text' });
            return Array.isArray(r.documents);
          } catch (err) {
            return isGongwenError(err);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        try {
          parseText(s);
          return true;
        } catch (err) {
          return isGongwenError(err);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodings', () => {
  it('GB18030 bytes decode to the same tree, and the encoding is reported', async () => {
    const utf8 = await parse(Buffer.from(wuwei, 'utf8'), { name: 'wuwei.txt' });
    // encode via the WHATWG encoder-less route: GB18030 bytes of the text, built with TextDecoder round-trip tables
    const gb = encodeGb18030(wuwei);
    const r = await parse(gb, { name: 'wuwei.txt' });
    expect(r.source.encoding).toBe('gb18030');
    expect(utf8.source.encoding).toBe('utf-8');
    expect(JSON.stringify(r.documents.map((d) => d.sections))).toBe(JSON.stringify(utf8.documents.map((d) => d.sections)));
  });

  it('CRLF and lone-CR line endings give the same outline as LF, with the same line numbers', () => {
    const lf = parseText(wuwei, { format: 'text' });
    for (const eol of ['\r\n', '\r']) {
      const r = parseText(wuwei.replace(/\n/g, eol), { format: 'text' });
      const doc = r.documents[0];
      expect(doc.docNumber?.raw).toBe('武政办发〔2023〕51号');
      expect(doc.sections.flatMap((s) => s.children).map((s) => [s.marker, s.deadline?.raw, s.span.line])).toEqual(
        lf.documents[0].sections.flatMap((s) => s.children).map((s) => [s.marker, s.deadline?.raw, s.span.line]),
      );
    }
  });

  it('UTF-16LE with BOM', async () => {
    const body = Buffer.from(wuwei, 'utf16le');
    const r = await parse(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(r.source.encoding).toBe('utf-16le');
    expect(r.documents[0].docNumber?.raw).toBe('武政办发〔2023〕51号');
  });
});

/** GB18030 encoder for the test: invert the decoder over the BMP chars the text uses. */
function encodeGb18030(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++)
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`test encoder: no 2-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
