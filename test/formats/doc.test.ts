import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import CFB from 'cfb';
import { ErrorCode, GongwenError, parse } from '../../src/index.js';
import { extractDoc } from '../../src/extract/doc/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';
import { writeDoc } from '../../scripts/fixtures/word97-writer.js';
import { flattenTasks } from '../../src/index.js';

// The real .doc lives in ../shared (never copied into the repository); its
// facts were read by eye, see ../shared/corpus/formats/README.md.
const REAL = fileURLToPath(new URL('../../../shared/corpus/formats/handan-2018-jiandang97-tongzhi.doc', import.meta.url));
const haveReal = existsSync(REAL);
if (!haveReal) console.warn(`skipping the real-.doc tests: ${REAL} is missing (it comes with the shared corpus beside the repository)`);

describe.skipIf(!haveReal)('the real Word 97 .doc (中共邯郸市委组织部 通知, 2018)', () => {
  it('parses with its dates and its seven-item outline', async () => {
    const result = await parse(REAL);
    expect(result.source.format).toBe('doc');
    expect(result.documents).toHaveLength(1);
    const doc = result.documents[0];
    expect(doc.dates.signed).toBe('2018-06-16');
    expect(doc.dates.printed).toBe('2018-06-16');
    expect(doc.sections.map((s) => [s.marker, s.level, s.children.length])).toEqual(
      ['一、', '二、', '三、', '四、', '五、', '六、', '七、'].map((m) => [m, 1, 0]),
    );
    expect(doc.sections[0].heading).toBe('召开纪念中国共产党成立97周年座谈会');
    expect(doc.sections[6].heading).toBe('营造纪念建党97周年的浓厚氛围');
    // quotes as written (word-extractor would turn “” into ")
    expect(doc.sections[2].heading).toBe('开展“七一”主题党日活动');
    // the footer's page number is chrome
    expect(result.unplaced.map((u) => u.text.replace(/\s/g, ''))).toContain('—1—'); // the footer's “—  1  —”
  });

  it('recovers the paragraphs: 文号, the spaced-out 通知, the HYPERLINK field as its text, the 版记', async () => {
    const ex = await extractDoc(new Uint8Array(readFileSync(REAL)));
    const texts = ex.blocks.map((b) => b.text);
    expect(texts).toContain('邯组通字〔2018〕39号');
    expect(texts).toContain('关于开展纪念建党97周年系列活动的');
    expect(texts).toContain('通      知');
    expect(texts).toContain('中共邯郸市委组织部办公室              2018年6月16日印发');
    const all = texts.join('\n');
    expect(all).toContain('邮箱：zyb3013770@126.com');
    expect(all).not.toMatch(/HYPERLINK|mailto/);
    // the stale document property (Title: 述职报告) is metadata, not text
    expect(all).not.toContain('述职报告');
    // no automatic numbering in this file: the markers are typed
    expect(ex.diagnostics ?? []).toEqual([]);
  });

  // the notice title spans three paragraphs (organ / 关于…的 / 通  知), the 文号 stands above it
  it('reads 邯组通字〔2018〕39号 and the notice title', async () => {
    const doc = (await parse(REAL)).documents[0];
    expect(doc.docNumber?.raw).toBe('邯组通字〔2018〕39号');
    expect(doc.title).toBe('中共邯郸市委组织部关于开展纪念建党97周年系列活动的通知');
  });
});

describe('.doc tables and line breaks', () => {
  const bytes = writeDoc([
    '某县人民政府办公室\n关于印发2025年政务公开工作任务分工的通知',
    '各乡镇人民政府：',
    '现将任务分工印发给你们，请认真抓好落实。',
    { cells: ['序号', '工作任务', '牵头单位', '完成时限'] },
    { cells: ['1', '编发政府信息公开年报', '县政府办', '2025年1月底前'] },
    { cells: ['2', '更新\n政策文件库', '县司法局', '长期坚持'] },
    '某县人民政府办公室',
    '2025年1月6日',
  ]);

  it('a title broken with Shift+Enter is one paragraph; table rows keep their cells and header', async () => {
    const ex = await extractDoc(bytes);
    expect(ex.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'table-row', 'table-row', 'table-row', 'paragraph', 'paragraph']);
    expect(ex.blocks[0].text).toBe('某县人民政府办公室\n关于印发2025年政务公开工作任务分工的通知');
    expect(ex.blocks[3].role).toBe('table-header');
    expect(ex.blocks[5].cells).toEqual(['2', '更新\n政策文件库', '县司法局', '长期坚持']);
    expect(ex.blocks[5].header).toEqual(['序号', '工作任务', '牵头单位', '完成时限']);
  });

  it('task rows get their lead and deadline from the columns', async () => {
    const tasks = flattenTasks((await parse(bytes)).documents[0], { leavesOnly: true });
    expect(tasks.map((t) => [t.lead, t.deadline?.raw])).toEqual([
      [['县政府办'], '2025年1月底前'],
      [['县司法局'], '长期坚持'],
    ]);
  });
});

async function codeOf(bytes: Uint8Array, name?: string): Promise<[string, string]> {
  try {
    await parse(bytes, { name });
  } catch (err) {
    expect(err).toBeInstanceOf(GongwenError);
    return [(err as GongwenError).code, (err as GongwenError).message];
  }
  throw new Error('expected a GongwenError');
}

function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, name, data);
  return new Uint8Array(CFB.write(c, { type: 'array' }) as number[]);
}

describe('.doc/.wps errors are typed', () => {
  const good = new Uint8Array(readFileSync(join(CORPUS_DIR, 'ofd-doc/wuwei-2023-gongkai-fangan.wps')));

  it('a truncated file: FILE_CORRUPT', async () => {
    expect((await codeOf(good.slice(0, 3000), 'plan.doc'))[0]).toBe(ErrorCode.FILE_CORRUPT);
  });

  // A loop in the allocation table made word-extractor grow an array until the process died.
  it('a loop in a sector chain: FILE_CORRUPT, not a crash', async () => {
    const b = Buffer.from(good);
    const size = 1 << b.readUInt16LE(30);
    const fatAt = size + b.readUInt32LE(76) * size; // the first FAT sector
    const dirStart = b.readUInt32LE(48);
    let wordStart = -1;
    for (let e = size + dirStart * size; e < size + (dirStart + 1) * size; e += 128) {
      if (b.toString('utf16le', e, e + b.readUInt16LE(e + 64) - 2) === 'WordDocument') wordStart = b.readUInt32LE(e + 116);
    }
    expect(wordStart).toBeGreaterThanOrEqual(0);
    const streamLoop = Buffer.from(b);
    const second = b.readUInt32LE(fatAt + wordStart * 4);
    streamLoop.writeUInt32LE(wordStart, fatAt + second * 4); // WordDocument: …→ 2nd sector → 1st sector → …
    expect((await codeOf(new Uint8Array(streamLoop)))[1]).toMatch(/loop/);
    const dirLoop = Buffer.from(b);
    dirLoop.writeUInt32LE(dirStart, fatAt + dirStart * 4); // the directory chains to itself
    expect((await codeOf(new Uint8Array(dirLoop)))[0]).toBe(ErrorCode.FILE_CORRUPT);
  });

  it('a WordDocument stream that is not Word 97: UNSUPPORTED_FORMAT saying so', async () => {
    const [code, message] = await codeOf(compound({ WordDocument: new Uint8Array(1024).fill(7) }));
    expect(code).toBe(ErrorCode.UNSUPPORTED_FORMAT);
    expect(message).toMatch(/Word 97/);
  });

  it('a password-protected .doc: UNSUPPORTED_FORMAT naming the password', async () => {
    const word = new Uint8Array(1024);
    word.set([0xec, 0xa5, 0xc1, 0x00], 0);
    word[0x0b] = 0x03; // fWhichTblStm | fEncrypted
    const [code, message] = await codeOf(compound({ WordDocument: word, '1Table': new Uint8Array(16) }));
    expect(code).toBe(ErrorCode.UNSUPPORTED_FORMAT);
    expect(message).toMatch(/password/);
  });

  it('a spreadsheet or presentation named .doc/.wps: UNSUPPORTED_FORMAT saying what it is', async () => {
    expect(await codeOf(compound({ Workbook: new Uint8Array(600) }), 'plan.doc')).toEqual([ErrorCode.UNSUPPORTED_FORMAT, expect.stringMatching(/spreadsheet/)]);
    expect(await codeOf(compound({ 'PowerPoint Document': new Uint8Array(600) }), 'plan.wps')).toEqual([ErrorCode.UNSUPPORTED_FORMAT, expect.stringMatching(/presentation/)]);
  });
});
