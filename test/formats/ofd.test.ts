import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ErrorCode, GongwenError, parse } from '../../src/index.js';
import { extractOfd } from '../../src/extract/ofd/index.js';
import { parseDeltas, textObjectItems } from '../../src/extract/ofd/text.js';
import { writeZip, type ZipInput } from '../../scripts/fixtures/zip-writer.js';

// The real OFD lives in ../shared (never copied into the repository); its
// facts were read by eye, see ../shared/corpus/formats/README.md.
const REAL = fileURLToPath(new URL('../../../shared/corpus/formats/luqiao-2011-pifu.ofd', import.meta.url));
const haveReal = existsSync(REAL);
if (!haveReal) console.warn(`skipping the real-OFD tests: ${REAL} is missing (it comes with the shared corpus beside the repository)`);

describe.skipIf(!haveReal)('the real OFD (路桥区卫生局 批复, iOFD, with an electronic seal)', () => {
  it('parses with its 文号, date, red header and page numbers', async () => {
    const result = await parse(REAL);
    expect(result.source.format).toBe('ofd');
    expect(result.source.pages).toBe(2);
    expect(result.documents).toHaveLength(1);
    const doc = result.documents[0];
    expect(doc.docNumber?.raw).toBe('路卫发〔2011〕76号');
    expect(doc.docNumber?.year).toBe(2011);
    expect(doc.docNumber?.serial).toBe(76);
    expect(doc.dates.signed).toBe('2011-03-10');
    // the red header, as printed (this test copy prefixes 测试符 to its organ names)
    expect(doc.issuerMark).toBe('测试符路桥区卫生局文件');
    // a 批复 has no numbered outline
    expect(doc.sections).toEqual([]);
    // — 1 — and — 2 — are page chrome
    expect(result.unplaced.map((u) => u.text.replace(/\s/g, ''))).toEqual(['—1—', '—2—']);
  });

  it('reads the body in reading order, lines joined into paragraphs across the page break, seal not as text', async () => {
    const ex = await extractOfd(new Uint8Array(readFileSync(REAL)));
    const texts = ex.blocks.map((b) => b.text);
    expect(texts.slice(0, 4)).toEqual(['测试符路桥区卫生局文件', '路卫发〔2011〕76号', '关于同意张阿三同志辞职的批复', '区中医院：']);
    // the 请示's own 文号 is split over two lines in the OFD: one paragraph again
    expect(texts).toContain('你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。');
    expect(texts.some((t) => t.startsWith('该同志由于家庭、籍贯等原因') && t.endsWith('同意张阿三同志辞职。'))).toBe(true);
    // page 2: 署名, 成文日期 and the 版记 line with its tab gap
    const page2 = ex.blocks.filter((b) => b.span.page === 2).map((b) => b.text);
    expect(page2).toEqual(['测试符路桥区卫生局办公室', '2011年3月10日', '测试符路桥区卫生局办公室 2011年3月10日印发']);
    expect(ex.blocks.find((b) => b.text === '关于同意张阿三同志辞职的批复')?.style?.align).toBe('center');
    // Signs/Sign_0 (the seal) is never read: nothing but the page text is there
    expect(texts.join('')).not.toMatch(/iOFD|dms360|Seal/);
  });

  // 批复 is a title word; 区中医院： is its 主送 (the unit recogniser reads the name)
  it('takes 关于同意张阿三同志辞职的批复 as the title', async () => {
    const result = await parse(REAL);
    expect(result.documents[0].title).toBe('关于同意张阿三同志辞职的批复');
    expect(result.documents[0].recipients).toEqual(['区中医院']);
  });
});

// ------------------------------------------------------------------ geometry

describe('OFD text geometry', () => {
  it('expands DeltaX, including the g N V repeat form', () => {
    expect(parseDeltas('5.57 g 3 2.77 5.57')).toEqual([5.57, 2.77, 2.77, 2.77, 5.57]);
    expect(parseDeltas('g 2 1 g 2 3')).toEqual([1, 1, 3, 3]);
    expect(parseDeltas('')).toEqual([]);
    expect(parseDeltas(undefined)).toEqual([]);
    // a hostile repeat count is capped, not allocated
    expect(parseDeltas('g 1e12 1').length).toBe(100_000);
    expect(parseDeltas('g 1e12 1', 12).length).toBe(12);
    expect(parseDeltas('1.5,-2 3e1 x 0.25')).toEqual([1.5, -2, 30, 0, 0.25]);
  });

  it('places runs from Boundary, X/Y and DeltaX; splits a run at a wide gap; flips y into PDF space', () => {
    // 297 mm page; boundary at (20, 100); baseline 5 mm below the boundary top; a 40 mm jump after 3 chars
    const items = textObjectItems(
      { Size: '5', Boundary: '20 100 170 10', TextCode: { '#text': '印发机关2024年', X: '0', Y: '5', DeltaX: 'g 3 5 40 g 4 2.5' } },
      297,
    );
    const PT = 72 / 25.4;
    expect(items.map((i) => i.str)).toEqual(['印发机关', '2024年']);
    expect(items[0].transform[4]).toBeCloseTo(20 * PT);
    expect(items[0].transform[5]).toBeCloseTo((297 - 105) * PT);
    expect(items[0].transform[3]).toBeCloseTo(5 * PT);
    expect(items[1].transform[4]).toBeCloseTo((20 + 15 + 40) * PT);
  });

  it('applies the CTM to positions and font size', () => {
    const [item] = textObjectItems({ Size: '10', CTM: '0.5 0 0 0.5 0 0', Boundary: '0 0 210 297', TextCode: { '#text': '一二', X: '40', Y: '100', DeltaX: '10' } }, 297);
    const PT = 72 / 25.4;
    expect(item.transform[3]).toBeCloseTo(5 * PT);
    expect(item.transform[4]).toBeCloseTo(20 * PT);
    expect(item.transform[5]).toBeCloseTo((297 - 50) * PT);
  });

  it('continues the pen when a TextCode has no X', () => {
    const items = textObjectItems(
      { Size: '5', Boundary: '0 0 100 10', TextCode: [{ '#text': '一二', X: '10', Y: '5', DeltaX: '5 5' }, { '#text': '三四', DeltaX: '5' }] },
      297,
    );
    const PT = 72 / 25.4;
    expect(items.map((i) => i.str)).toEqual(['一二', '三四']);
    expect(items[1].transform[4]).toBeCloseTo(20 * PT);
  });
});

// ------------------------------------------------------------------ bad packages

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const ofdXml = (docRoot = 'Doc_0/Document.xml') =>
  `<?xml version="1.0"?><ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
const documentXml = `<?xml version="1.0"?><ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`;
const content = (text: string) =>
  `<?xml version="1.0"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="3" Size="5.6" Boundary="28 40 156 8"><ofd:TextCode X="0" Y="5.6" DeltaX="g ${text.length - 1} 5.6">${text}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;

async function codeOf(bytes: Uint8Array, options: Parameters<typeof parse>[1] = {}): Promise<string> {
  try {
    await parse(bytes, options);
  } catch (err) {
    expect(err).toBeInstanceOf(GongwenError);
    return (err as GongwenError).code;
  }
  throw new Error('expected a GongwenError');
}

describe('OFD errors are typed', () => {
  const good: ZipInput[] = [
    { name: 'OFD.xml', data: ofdXml() },
    { name: 'Doc_0/Document.xml', data: documentXml },
    { name: 'Doc_0/Pages/Page_0/Content.xml', data: content('一、总体要求') },
  ];

  it('a ZIP that is not an OFD, forced to be one: UNSUPPORTED_FORMAT', async () => {
    expect(await codeOf(writeZip([{ name: 'readme.txt', data: 'hello' }]), { format: 'ofd' })).toBe(ErrorCode.UNSUPPORTED_FORMAT);
  });

  it('missing parts: FILE_CORRUPT', async () => {
    expect(await codeOf(writeZip([good[0], good[2]]))).toBe(ErrorCode.FILE_CORRUPT); // no Document.xml
    expect(await codeOf(writeZip([good[0], good[1]]))).toBe(ErrorCode.FILE_CORRUPT); // no page content
    expect(await codeOf(writeZip([{ name: 'OFD.xml', data: `<ofd:OFD ${NS}/>` }]))).toBe(ErrorCode.FILE_CORRUPT); // no DocBody
    expect(await codeOf(writeZip([good[0], good[1], { name: 'Doc_0/Pages/Page_0/Content.xml', data: '' }]))).toBe(ErrorCode.FILE_CORRUPT); // empty part
  });

  it('a truncated package: FILE_CORRUPT', async () => {
    const bytes = writeZip(good);
    expect(await codeOf(bytes.slice(0, Math.floor(bytes.length * 0.6)), { format: 'ofd' })).toBe(ErrorCode.FILE_CORRUPT);
  });

  it('sizes are checked before inflating (the shared bomb guard): TOO_LARGE', async () => {
    const bomb = writeZip([good[0], good[1], { name: 'Doc_0/Pages/Page_0/Content.xml', data: content('一'), declaredSize: 3_000_000_000 }]);
    expect(await codeOf(bomb)).toBe(ErrorCode.TOO_LARGE);
    expect(await codeOf(writeZip(good), { maxUncompressedBytes: 100 })).toBe(ErrorCode.TOO_LARGE);
  });

  it('pages without text (a scan wrapped in OFD): NOT_A_PLAN saying so', async () => {
    const image = `<?xml version="1.0"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" ResourceID="9" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>`;
    await expect(parse(writeZip([good[0], good[1], { name: 'Doc_0/Pages/Page_0/Content.xml', data: image }]))).rejects.toMatchObject({
      code: ErrorCode.NOT_A_PLAN,
      message: expect.stringMatching(/no text/),
    });
  });

  it('nesting past the shared limit (256): TOO_COMPLEX; nested PageBlocks under it are read', async () => {
    const nested = (depth: number) =>
      content('一、总体要求').replace('<ofd:Layer ID="2">', `<ofd:Layer ID="2">${'<ofd:PageBlock>'.repeat(depth)}`).replace('</ofd:Layer>', `${'</ofd:PageBlock>'.repeat(depth)}</ofd:Layer>`);
    const pkg = (depth: number) => writeZip([good[0], good[1], { name: 'Doc_0/Pages/Page_0/Content.xml', data: nested(depth) }]);
    expect((await extractOfd(pkg(200))).blocks.map((b) => b.text)).toEqual(['一、总体要求']);
    expect(await codeOf(pkg(300))).toBe(ErrorCode.TOO_COMPLEX);
  });

  it('more pages than maxPages: TOO_LARGE', async () => {
    expect(await codeOf(writeZip(good), { maxPages: 0 })).toBe(ErrorCode.TOO_LARGE);
  });

  it('a part written in GBK (its declaration says so) is decoded as GBK', async () => {
    const gbk = (s: string) => {
      // 总体要求 in GBK; the markup is ASCII
      const map: Record<string, number[]> = { 总: [0xd7, 0xdc], 体: [0xcc, 0xe5], 要: [0xd2, 0xaa], 求: [0xc7, 0xf3], 一: [0xd2, 0xbb], '、': [0xa1, 0xa2] };
      return new Uint8Array(Array.from(s).flatMap((c) => map[c] ?? [c.charCodeAt(0)]));
    };
    const page = content('一、总体要求').replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="GB2312"?>');
    const ex = await extractOfd(writeZip([good[0], good[1], { name: 'Doc_0/Pages/Page_0/Content.xml', data: gbk(page) }]));
    expect(ex.blocks.map((b) => b.text)).toEqual(['一、总体要求']);
  });

  it('the minimal good package parses', async () => {
    const ex = await extractOfd(writeZip(good));
    expect(ex.blocks.map((b) => b.text)).toEqual(['一、总体要求']);
  });
});
