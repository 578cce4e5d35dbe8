import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { GongwenError } from '../../src/errors.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { classifyTextLayer, isScannerMark, type PageText } from '../../src/extract/pdf/textlayer.js';
import { cjkPdf, image, text } from '../../scripts/fixtures/cjk-pdf.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../corpus/fixtures/${name}`, import.meta.url))));

async function failure(p: Promise<unknown>): Promise<GongwenError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GongwenError);
  return err as GongwenError;
}

describe('watermark-only PDFs (a phone scan whose text layer is the app’s mark)', () => {
  it('count as having no text layer: PDF_NO_TEXT_LAYER naming the ocr option, not NOT_A_PLAN', async () => {
    const err = await failure(extractPdf(fixture('watermark-only.pdf')));
    expect(err.code).toBe('PDF_NO_TEXT_LAYER');
    expect(err.message).toMatch(/ocr/);
    expect(err.message).toMatch(/watermark/);
    expect(err.details).toMatchObject({ pages: 3, watermark: ['扫描全能王创建'] });
    expect((await failure(parse(fixture('watermark-only.pdf')))).code).toBe('PDF_NO_TEXT_LAYER');
  });

  it('a document with text pages and one scanned page keeps its text and drops the mark', async () => {
    const body = (y: number, s: string) => text(72, y, 16, s);
    const pdf = cjkPdf([
      { width: 595, height: 842, ops: [body(760, '某县2025年政务公开工作要点'), body(700, '一、强化公开'), body(670, '（一）规范发布。做好公开工作。（责任单位：县政府各部门）'), text(430, 16, 9, '扫描全能王 创建')] },
      { width: 595, height: 842, images: { Im1: { width: 2, height: 2, gray: new Uint8Array([200, 210, 220, 230]) } }, ops: [image('Im1', 0, 0, 595, 842), text(430, 16, 9, '扫描全能王 创建')] },
    ]);
    const r = await extractPdf(pdf);
    expect(r.blocks.map((b) => b.text)).toEqual(['某县2025年政务公开工作要点', '一、强化公开', '（一）规范发布。做好公开工作。（责任单位：县政府各部门）']);
  });
});

// Synthetic pages: the classification without pdfjs.
const item = (str: string, x: number, y: number, size = 16) => ({ str, transform: [size, 0, 0, size, x, y], width: Array.from(str).length * size });
const page = (n: number, items: PageText['items'], extra: Partial<PageText> = {}): PageText => ({ page: n, width: 595, height: 842, items, skewed: [], images: [], ...extra });
const FULL_PAGE = [{ x0: 0, y0: 0, x1: 595, y1: 842 }];

describe('classifyTextLayer', () => {
  it('a short text page with a running header is a text page', () => {
    const body = ['一、强化公开。', '（一）规范发布。', '二、加强解读。'];
    const pages = [1, 2, 3].map((n) => page(n, [item('某某市人民政府文件汇编', 150, 800, 10), item(body[n - 1], 80, 600)]));
    expect(classifyTextLayer(pages).noText).toEqual([false, false, false]);
  });

  it('a scanned page with a scanner app’s mark has no text layer, even alone', () => {
    const l = classifyTextLayer([page(1, [item('Scanned with CamScanner', 400, 20, 8)], { images: FULL_PAGE })]);
    expect(l.noText).toEqual([true]);
    expect(l.watermarkLine({ text: 'Scanned with CamScanner' })).toBe(true);
  });

  it('an unknown mark repeated on every scanned page, and diagonal marks, count as watermarks', () => {
    const pages = [1, 2].map((n) => page(n, [item('某某扫描 ID 12345', 400, 20, 8)], { images: FULL_PAGE, skewed: [{ str: '内部资料', transform: [10, 10, -10, 10, 100, 400], width: 40 }] }));
    expect(classifyTextLayer(pages).noText).toEqual([true, true]);
  });

  it('the same short line on every page without a scan image is text when it covers the page', () => {
    const big = (n: number) => page(n, [item('一、强化公开工作的组织领导，压实责任', 72, 700, 30)]);
    expect(classifyTextLayer([big(1), big(2)]).noText).toEqual([false, false]);
  });

  it('recognises scanner marks and nothing else', () => {
    for (const s of ['扫描全能王 创建', 'Scanned with CamScanner', '夸克扫描王', 'Adobe Scan']) expect(isScannerMark(s), s).toBe(true);
    for (const s of ['扫描件已归档的通知', '一、强化公开', '']) expect(isScannerMark(s), s).toBe(false);
  });
});
