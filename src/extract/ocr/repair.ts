/**
 * What OCR commonly gets wrong in a 公文 line where it matters to the
 * grammars: the 、 after 一/二/三 at a line start read as ， . : or ；, 1 read
 * as l or I inside （1）, the ： after a clause label (牵头单位：) read as ；
 * or ，, and the dash of 2023—2024 or of a page number — 3 — read as 一;
 * and, from the sequence, a （N） marker read as Latin letters or as its
 * neighbour's number. Each change becomes an OCR_REPAIRED diagnostic.
 */
export interface OcrRepair {
  from: string;
  to: string;
  /** Offset of the change in the repaired text. */
  at: number;
}

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^([一二三四五六七八九十]{1,3})[，,.．。:：;；](?=\S)/, (m) => `${m[1]}、`],
  [/^([（(])[lI|]([)）])/, (m) => `${m[1]}1${m[2]}`],
  [/(牵头单位|责任单位|配合单位|责任部门|完成时限|完成时间)[;；,，:]/g, (m) => `${m[1]}：`],
  [/(?<=\d{4})一(?=\d{4})/g, () => '—'],
  // A page number `— 3 —` read as `1一` / `一3一`: the dashes back, so it is furniture again.
  [/^[一—-]?\d{1,3}[一—-]?$/, (m) => (m[0].includes('一') ? m[0].replace(/一/g, '—') : m[0])],
];

export function repairOcrLine(text: string): { text: string; repairs: OcrRepair[] } {
  const repairs: OcrRepair[] = [];
  let out = text;
  for (const [re, fix] of RULES) {
    out = out.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args[args.length - 2] as number;
      const to = fix(m);
      if (to !== m[0]) repairs.push({ from: m[0], to, at });
      return to;
    });
  }
  return { text: out, repairs };
}

const DIGITS = '一二三四五六七八九';

/** 一 … 九十九 → 1 … 99 (the range of outline markers), else undefined. */
export function cjkNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return m[1] && !m[3] ? DIGITS.indexOf(m[1]) + 1 : undefined;
  return (m[1] ? DIGITS.indexOf(m[1]) + 1 : 1) * 10 + (m[3] ? DIGITS.indexOf(m[3]) + 1 : 0);
}

export function cjkNumeral(n: number): string {
  if (n < 10) return DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS[tens - 1] : ''}十${n % 10 ? DIGITS[(n % 10) - 1] : ''}`;
}

const LEVEL1 = /^[一二三四五六七八九十]{1,3}、/;
const LEVEL2 = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
/** A （N） marker OCR turned into Latin letters or a look-alike (（一） → (Cr), CD), （五） → (本), its ） lost. */
const GARBLED2 = /^[（(《]?(?:[A-Za-z]{1,3}|[本丑工囚人入大匕丸])[）)]?(?=[\u3400-\u9fff])|^[（(《](?:[A-Za-z]{1,3}|[本丑工囚人入大匕丸])[）)]/;

/**
 * Level-2 markers by their neighbours: in OCR'd lines (reading order), a
 * garbled （N） or a duplicate that sits between （N−1） and （N+1） of the same
 * run (no 一、 heading in between, where numbering may restart) is （N）.
 * Returns the repairs by line index; only line starts change.
 */
export function repairMarkerSequence(input: readonly string[]): Map<number, { text: string; from: string; to: string }> {
  const out = new Map<number, { text: string; from: string; to: string }>();
  let lines = [...input];
  interface Site {
    i: number;
    n?: number;
    garbled?: string;
    run: number;
  }
  const sites: Site[] = [];
  let run = 0;
  lines.forEach((text, i) => {
    if (LEVEL1.test(text)) run++;
    const good = LEVEL2.exec(text);
    if (good) sites.push({ i, n: cjkNumber(good[1]), run });
    else {
      const bad = GARBLED2.exec(text);
      if (bad) sites.push({ i, garbled: bad[0], run });
    }
  });
  // Expected number at site k: the nearest known number before it in its run (0 at the run's
  // start, after a 一、 heading) plus the sites in between. Passes until nothing changes, so a
  // garbled （一） before a （三） that should be （二） is settled in two steps.
  // `across`: numbering that runs on over 一、 headings (（六） after 二、) instead of restarting.
  const expected = (k: number, across = false): number | undefined => {
    let gap = 1;
    for (let j = k - 1; j >= 0 && (across || sites[j].run === sites[k].run); j--, gap++) if (sites[j].n !== undefined) return sites[j].n! + gap;
    return sites[k].run > 0 && !across ? gap : undefined;
  };
  for (let pass = 0, changed = true; changed && pass < 5; pass++) {
    changed = false;
    for (let k = 0; k < sites.length; k++) {
      const site = sites[k];
      const next = sites[k + 1];
      if (!next || next.n === undefined || next.run !== site.run) continue;
      const want = [expected(k), expected(k, true)].find((w) => w !== undefined && next.n === w + 1);
      if (want === undefined || site.n === want) continue;
      // A known number is only doubted when it repeats its neighbour's.
      if (site.n !== undefined && site.n !== next.n && site.n !== sites[k - 1]?.n) continue;
      const marker = `（${cjkNumeral(want)}）`;
      const text = lines[site.i];
      const from = site.garbled ?? LEVEL2.exec(text)![0];
      const before = out.get(site.i);
      out.set(site.i, { text: marker + text.slice(from.length), from: before?.from ?? from, to: marker });
      lines = lines.map((l, i) => (i === site.i ? marker + text.slice(from.length) : l));
      site.n = want;
      site.garbled = undefined;
      changed = true;
    }
  }
  return out;
}
