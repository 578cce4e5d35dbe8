import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flattenTasks, parse } from '../../src/index.js';
import { GongwenError } from '../../src/errors.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { parseTesseractTsv, wordsToItems, type OcrEngine, type OcrPageResult, type OcrWord } from '../../src/extract/ocr/index.js';
import { repairOcrLine } from '../../src/extract/ocr/repair.js';
import { tesseractJsEngine } from '../../src/index.js';
import { buildLines } from '../../src/extract/pdf/lines.js';
import { hasChiSimTesseract } from './tesseract.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../corpus/fixtures/${name}`, import.meta.url))));

describe('tesseract TSV', () => {
  it('reads line boxes and words with confidences, skipping the header and empty words', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '4\t1\t1\t1\t1\t0\t300\t300\t900\t60\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t305\t120\t50\t96.5\t一、',
      '5\t1\t1\t1\t1\t2\t430\t305\t400\t50\t91\t强化公开',
      '5\t1\t1\t1\t1\t3\t840\t305\t10\t50\t95\t ',
      '4\t1\t1\t1\t2\t0\t300\t400\t500\t60\t-1\t',
      '5\t1\t1\t1\t2\t1\t300\t405\t500\t50\t-3\t（一）',
    ].join('\n');
    const r = parseTesseractTsv(tsv);
    expect(r.words.map((w) => [w.text, w.line, w.confidence])).toEqual([
      ['一、', 0, 96.5],
      ['强化公开', 0, 91],
      ['（一）', 1, 0],
    ]);
    expect(r.lines.get(1)).toEqual({ x0: 300, y0: 400, x1: 800, y1: 460 });
  });
});

/**
 * Words of one line at 200 dpi, 16 pt text (44 px glyphs), starting at pixel (x, y top),
 * the page rotated clockwise by `angle` radians about the origin (x' = x − θy, y' = y + θx).
 */
function line(id: number, texts: string[], x: number, y: number, opts: { angle?: number; confidence?: number } = {}): OcrWord[] {
  const t = opts.angle ?? 0;
  let cx = x;
  return texts.map((text) => {
    const w = Array.from(text).length * 44;
    const [x0, y0] = [cx - t * y, y + t * cx];
    const word = { text, x0, y0, x1: x0 + w, y1: y0 + 40, confidence: opts.confidence ?? 95, line: id };
    cx += w + 2;
    return word;
  });
}
const result = (words: OcrWord[]): OcrPageResult => ({ words, lines: new Map() });

describe('OCR words → text items', () => {
  it('straightens a slightly rotated page: each line one baseline, one size, left edges aligned', () => {
    const angle = (0.6 * Math.PI) / 180;
    const words = [0, 1, 2, 3].flatMap((i) => line(i, ['加强', '政务', '公开', '工作', '落实'], 300, 300 + i * 300, { angle }));
    // unstraightened, the line starts drift by 300 px × 0.6° ≈ 3 px (1.1 pt) per line
    expect(words[15].x0 - words[0].x0).toBeLessThan(-9);
    const { items } = wordsToItems(result(words), 200, 842);
    const lines = buildLines(items, 1);
    expect(lines.map((l) => l.text)).toEqual(['加强政务公开工作落实', '加强政务公开工作落实', '加强政务公开工作落实', '加强政务公开工作落实']);
    expect(new Set(lines.map((l) => l.size)).size).toBe(1);
    expect(lines[0].size).toBeGreaterThan(15);
    expect(lines[0].size).toBeLessThan(17);
    // after straightening, left edges agree within a fraction of a point
    const x0s = lines.map((l) => l.x0);
    expect(Math.max(...x0s) - Math.min(...x0s)).toBeLessThan(1);
  });

  it('drops low-confidence words and specks far from their line', () => {
    const words = [...line(0, ['一、', '强化公开'], 300, 300), { text: '本', x0: 1500, y0: 300, x1: 1510, y1: 340, confidence: 90, line: 0 }, ...line(1, ['加'], 200, 400, { confidence: 12 }), ...line(1, ['（一）', '规范发布'], 300, 400)];
    const lines = buildLines(wordsToItems(result(words), 200, 842).items, 1);
    expect(lines.map((l) => l.text)).toEqual(['一、强化公开', '（一）规范发布']);
  });
});

describe('OCR repairs', () => {
  it.each([
    ['一，强化公开', '一、强化公开', '一，'],
    ['二.加强解读', '二、加强解读', '二.'],
    ['（l）规范发布', '（1）规范发布', '（l）'],
    ['（牵头单位；市司法局，责任单位，市政府各部门）', '（牵头单位：市司法局，责任单位：市政府各部门）', '牵头单位；'],
    ['金昌市2023一2024年政务公开工作要点', '金昌市2023—2024年政务公开工作要点', '一'],
    ['1一', '1—', '1一'],
    ['一3一', '—3—', '一3一'],
  ])('%s → %s', (from, to, first) => {
    const r = repairOcrLine(from);
    expect(r.text).toBe(to);
    expect(r.repairs[0].from).toBe(first);
  });

  it('leaves correct text alone', () => {
    for (const s of ['一、强化公开', '十一、其他', '一个目标', '（一）规范', '2023—2024年', '一', '12']) expect(repairOcrLine(s)).toEqual({ text: s, repairs: [] });
  });
});

/**
 * A stand-in engine: the plan text laid out at 200 dpi on every page it is
 * asked about (page 2 with low confidence), plus the scanner's mark, which
 * OCR reads from the image too.
 */
function fakeEngine(pages: string[][]): OcrEngine & { calls: number } {
  const engine = {
    name: 'fake',
    calls: 0,
    async recognize(image: { dpi: number; height: number }) {
      const page = pages[engine.calls++] ?? [];
      const k = image.dpi / 72;
      const words = page.flatMap((text, i) => line(i, [text], 90 * k, (80 + 30 * i) * k, { confidence: engine.calls === 2 ? 50 : 93 }));
      words.push({ text: '扫描全能王', x0: 430 * k, y0: image.height - 30 * k, x1: 480 * k, y1: image.height - 20 * k, confidence: 90, line: 99 });
      return { words, lines: new Map() };
    },
  };
  return engine;
}

describe('parse(scan, { ocr }) with a pluggable engine', () => {
  const pages = [
    ['某县2025年政务公开工作要点', '一，强化公开', '（一）规范发布。', '做好公开工作。'],
    ['（牵头单位；县司法局）', '二、加强解读'],
    ['（一）解读政策。'],
  ];

  it('reads every page without a text layer, marks blocks as OCR with confidence, drops the scanner mark', async () => {
    const engine = fakeEngine(pages);
    const r = await extractPdf(fixture('watermark-only.pdf'), { ocr: { engine } });
    expect(engine.calls).toBe(3);
    expect(r.ocr).toMatchObject({ engine: 'fake', pages: [1, 2, 3], confidence: [93, 50, 93] });
    expect(r.blocks.every((b) => b.source === 'ocr' && typeof b.confidence === 'number')).toBe(true);
    expect(r.blocks.map((b) => b.text).join('')).not.toContain('扫描全能王');
    expect(r.blocks.find((b) => b.span.page === 2)?.confidence).toBe(50);
  });

  it('parses to a tree, with OCR_USED, OCR_REPAIRED (span on the fix) and OCR_LOW_CONFIDENCE diagnostics', async () => {
    const r = await parse(fixture('watermark-only.pdf'), { ocr: { engine: fakeEngine(pages) } });
    const doc = r.documents[0];
    expect(doc.title).toBe('某县2025年政务公开工作要点');
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
    expect(flattenTasks(doc).find((t) => t.path === '1.1')?.lead).toEqual(['县司法局']);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('OCR_USED');
    expect(codes.filter((c) => c === 'OCR_REPAIRED')).toHaveLength(2);
    const low = r.diagnostics.find((d) => d.code === 'OCR_LOW_CONFIDENCE');
    expect(low).toMatchObject({ severity: 'warning', span: { page: 2 } });
    const fix = r.diagnostics.find((d) => d.code === 'OCR_REPAIRED' && d.text === '一，')!;
    expect(fix.span?.page).toBe(1);
  });

  it('an engine that throws → OCR_FAILED; a page with text is never OCR’d', async () => {
    const broken: OcrEngine = { name: 'broken', recognize: () => Promise.reject(new Error('boom')) };
    const err = await extractPdf(fixture('watermark-only.pdf'), { ocr: { engine: broken } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GongwenError);
    expect((err as GongwenError).code).toBe('OCR_FAILED');
    const engine = fakeEngine(pages);
    const r = await extractPdf(fixture('task-table.pdf'), { ocr: { engine } });
    expect(engine.calls).toBe(0);
    expect(r.ocr).toBeUndefined();
  });
});

describe('tesseract.js as an engine (a worker the caller made)', () => {
  it('maps blocks → paragraphs → lines → words with their boxes and confidences', async () => {
    const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
    let asked: unknown;
    const worker = {
      async recognize(_png: Uint8Array, _o?: unknown, output?: unknown) {
        asked = output;
        return {
          data: {
            blocks: [
              {
                paragraphs: [
                  {
                    lines: [
                      { bbox: box(10, 10, 200, 50), words: [{ text: '一、', bbox: box(10, 10, 60, 50), confidence: 91 }, { text: '强化公开', bbox: box(70, 10, 200, 50), confidence: 88 }] },
                      { bbox: box(10, 60, 100, 100), words: [{ text: ' ', bbox: box(10, 60, 20, 100), confidence: 0 }, { text: '规范', bbox: box(30, 60, 100, 100), confidence: 77 }] },
                    ],
                  },
                ],
              },
            ],
          },
        };
      },
    };
    const r = await tesseractJsEngine(worker).recognize({ png: new Uint8Array(0), width: 100, height: 100, dpi: 200 }, { lang: 'chi_sim', timeoutMs: 1000 });
    expect(asked).toEqual({ blocks: true });
    expect(r.words.map((w) => [w.text, w.line, w.confidence, w.x0])).toEqual([
      ['一、', 0, 91, 10],
      ['强化公开', 0, 88, 70],
      ['规范', 1, 77, 30],
    ]);
    expect(r.lines.get(1)).toEqual(box(10, 60, 100, 100));
  });
});

const hasTesseract = hasChiSimTesseract;
const corpusPdf = fileURLToPath(new URL('../../../shared/corpus/jinchang-2023-2024-gongkai-yaodian.pdf', import.meta.url));

describe.skipIf(!hasTesseract)('system tesseract (Debian tesseract-ocr, tesseract-ocr-chi-sim)', () => {
  it('language data missing under langPath → OCR_UNAVAILABLE naming the package', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gongwen-tessdata-'));
    const err = await extractPdf(fixture('watermark-only.pdf'), { ocr: { langPath: empty } }).catch((e: unknown) => e);
    expect((err as GongwenError).code).toBe('OCR_UNAVAILABLE');
    expect((err as GongwenError).message).toMatch(/chi_sim|chi-sim/);
  });

  it.skipIf(!existsSync(corpusPdf))(
    'a scan of two corpus pages (200 dpi, rotated 0.4°, speckled, JPEG, CamScanner mark): CER under 5%, every 一、/（一） marker and heading found',
    async () => {
      const { scanPdf } = await import('../../scripts/fixtures/make-scans.js');
      const { scoreScan } = await import('../../scripts/lib/ocr-eval.js');
      const src = new Uint8Array(readFileSync(corpusPdf));
      const scan = await scanPdf(src, { pages: [2, 3], dpi: 200, angle: 0.4, speckle: 0.0001, quality: 80, watermark: true, seed: 3 });
      // without OCR the scan is refused, naming the option
      const refused = await parse(scan).catch((e: unknown) => e);
      expect((refused as GongwenError).code).toBe('PDF_NO_TEXT_LAYER');
      const score = await scoreScan(src, scan, [2, 3]);
      console.log(`OCR: CER ${(100 * score.cer).toFixed(1)}%, outline ${score.outlineFound}/${score.outlineTotal}, ${score.secondsPerPage.toFixed(1)} s/page, confidence ${score.confidence.join(', ')}`);
      expect(score.outlineTotal).toBe(7); // 一、 (一) (二) (三) 二、 (四) (五) on corpus pages 2–3
      // Measured: 7/7 or 6/7 depending on the speckle pattern (a 楷体 (五) read as “(本”); the aim is all.
      expect(score.outlineFound).toBeGreaterThanOrEqual(6);
      expect(score.cer).toBeLessThan(0.05);
    },
    180_000,
  );
});

describe('（N） markers repaired from their neighbours', async () => {
  const { repairMarkerSequence } = await import('../../src/extract/ocr/repair.js');
  const fixes = (lines: string[]) => [...repairMarkerSequence(lines)].sort((a, b) => a[0] - b[0]).map(([i, f]) => [i, f.from, f.to]);

  it('garbled (（一） read as (Cr), （五） as “(本” with its ） lost) and duplicated (（二） read as (三)) markers', () => {
    expect(fixes(['一、围绕', '(Cr) 严格规范', '正文', '(三)持续公开', '(三)科学编发', '二、围绕', '(四)加强', '(本加强涉及', '(六)加强'])).toEqual([
      [1, '(Cr)', '（一）'],
      [3, '(三)', '（二）'],
      [7, '(本', '（五）'],
    ]);
  });

  it('numbering restarting under each 一、 or running on; a repeat of the previous number', () => {
    expect(fixes(['一、甲', '(一)a', '(二)b', '二、乙', '(GE)c', '(四)d', '三、丙', '(五)e', '(五)f', '(七)g'])).toEqual([
      [4, '(GE)', '（三）'],
      [8, '(五)', '（六）'],
    ]);
    expect(fixes(['一、甲', '(一)a', '二、乙', '(Cr)b', '(二)c'])).toEqual([[3, '(Cr)', '（一）']]);
  });

  it('leaves a plausible sequence alone (a skipped number may be real)', () => {
    expect(fixes(['一、甲', '(一)a', '(三)b', '(四)c'])).toEqual([]);
    expect(fixes(['(Cr) 没有上下文'])).toEqual([]);
    expect(fixes(['一、甲', '(一)a', '(二)b', '(三)c'])).toEqual([]);
  });
});
