/**
 * Scoring OCR against the text layer it should reproduce: character error
 * rate (edit distance / reference length, whitespace removed) and the
 * outline's level-1/level-2 markers and headings against the text tree.
 */
import { extractPdf } from '../../src/extract/pdf/index.js';
import { openPdf } from '../../src/extract/pdf/load.js';
import { isPageNumberText } from '../../src/extract/pdf/furniture.js';
import { parse, type ParseResult, type Section } from '../../src/index.js';
import { engineOf, resolveOcrOptions, type OcrEngine, type OcrOptions } from '../../src/extract/ocr/index.js';

function cached(engine: OcrEngine): OcrEngine {
  const memo = new Map<string, ReturnType<OcrEngine['recognize']>>();
  return {
    name: engine.name,
    recognize(image, o) {
      const key = `${image.width}x${image.height}:${Buffer.from(image.png).toString('base64')}`;
      if (!memo.has(key)) memo.set(key, engine.recognize(image, o));
      return memo.get(key)!;
    },
  };
}

/** Levenshtein distance over code points (two rows: pages are a few thousand characters). */
export function editDistance(a: string, b: string): number {
  const A = Array.from(a);
  const B = Array.from(b);
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length];
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Width and dash variants are not errors for the grammars: compare after folding them. */
export const fold = (s: string) => squash(s.normalize('NFKC').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[—–‐－]/g, '-'));

export function cer(got: string, ref: string): number {
  const r = squash(ref);
  return r.length ? editDistance(squash(got), r) / r.length : 0;
}

/** The text layer of some pages, page numbers left out: the reference OCR should reproduce. */
export async function pageText(pdf: Uint8Array, pages: number[]): Promise<string> {
  const doc = await openPdf(pdf, 30_000);
  let out = '';
  try {
    for (const p of pages) {
      const content = await (await doc.getPage(p)).getTextContent();
      const lines = new Map<number, string>();
      for (const it of content.items) if ('str' in it) lines.set(Math.round(it.transform[5]), (lines.get(Math.round(it.transform[5])) ?? '') + it.str);
      out += [...lines.values()].filter((l) => !isPageNumberText(l)).join('');
    }
  } finally {
    await doc.destroy();
  }
  return squash(out);
}

const walk = (ss: Section[], out: Section[] = []) => (ss.forEach((s) => (out.push(s), walk(s.children, out))), out);

/** Level-1 and level-2 sections (marker + heading) of a result, restricted to pages. */
export function outline(result: ParseResult, pages?: number[]): string[] {
  return result.documents
    .flatMap((d) => walk(d.sections))
    .filter((s) => s.level <= 2 && s.markerStyle !== 'table-row' && (!pages || pages.includes(s.span.page ?? -1)))
    .map((s) => `${fold(s.marker)} ${fold(s.heading)}`);
}

export interface OcrScore {
  pages: number[];
  cer: number;
  /** CER after folding full/half width and dash variants. */
  cerFolded: number;
  /** Level-1/2 marker+heading pairs of the text tree on these pages found in the OCR tree. */
  outlineFound: number;
  outlineTotal: number;
  /** Of those, the markers alone (the heading may differ by a misread character). */
  markersFound: number;
  missing: string[];
  secondsPerPage: number;
  confidence: number[];
}

/** OCR a scan of `pages` of `pdf` and score it against the original's text layer and tree. */
export async function scoreScan(pdf: Uint8Array, scan: Uint8Array, pages: number[], options: OcrOptions = {}): Promise<OcrScore> {
  const ref = await pageText(pdf, pages);
  // The scan is read twice (its text, then its tree): recognise each page image once.
  const ocr: OcrOptions = { ...options, engine: cached(engineOf(resolveOcrOptions(options)!)) };
  const t0 = Date.now();
  const ex = await extractPdf(scan, { ocr });
  const seconds = (Date.now() - t0) / 1000 / pages.length;
  const got = squash(ex.blocks.map((b) => b.text).join(''));
  const textTree = outline(await parse(pdf), pages);
  const ocrTree = new Set(outline(await parse(scan, { ocr })));
  const missing = textTree.filter((o) => !ocrTree.has(o));
  const ocrMarkers = [...ocrTree].map((o) => o.split(' ')[0]);
  const markersFound = textTree.filter((o) => {
    const k = ocrMarkers.indexOf(o.split(' ')[0]);
    if (k < 0) return false;
    ocrMarkers.splice(k, 1);
    return true;
  }).length;
  return {
    pages,
    cer: cer(got, ref),
    cerFolded: editDistance(fold(got), fold(ref)) / Math.max(1, fold(ref).length),
    outlineFound: textTree.length - missing.length,
    outlineTotal: textTree.length,
    markersFound,
    missing,
    secondsPerPage: seconds,
    confidence: ex.ocr?.confidence ?? [],
  };
}
