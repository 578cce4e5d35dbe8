/**
 * Word auto-numbering: mammoth (and most extractors) drop list numbers, but a
 * 公文 typed with Word's 一、/（一） lists carries its outline only there. We
 * replay Word's counters over the paragraphs in document order and format the
 * markers with the level's numFmt and lvlText.
 */
import type { Styles } from './styles.js';
import { child, children, val, type XmlElement } from './xml.js';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level after which this one restarts; 0 = never; undefined = after any higher level. */
  restart?: number;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
}

interface NumDef {
  abstractId: string;
  /** Level definitions replaced wholesale by w:lvlOverride/w:lvl. */
  levels: Map<number, Level>;
  startOverrides: Map<number, number>;
}

export interface ListMarker {
  /** The marker as Word shows it, e.g. `一、`, `（二）`, `1.`. */
  marker: string;
  /** What Word puts between marker and text ('' for CJK markers, which need no space). */
  separator: string;
  isBullet: boolean;
}

function readLevel(lvl: XmlElement): Level {
  const suff = val(lvl, 'w:suff');
  const restart = val(lvl, 'w:lvlRestart');
  return {
    start: Number(val(lvl, 'w:start') ?? 1) || 0,
    numFmt: val(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: val(lvl, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    isLgl: child(lvl, 'w:isLgl') !== undefined,
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly abstractStyleLink = new Map<string, string>();
  private readonly nums = new Map<string, NumDef>();
  /** Word keeps one set of counters per abstract definition; numIds sharing it continue each other. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(root: XmlElement | undefined, private readonly styles: Styles) {
    for (const a of children(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'w:lvl')) levels.set(Number(l.attrs['w:ilvl'] ?? 0), readLevel(l));
      const id = a.attrs['w:abstractNumId'];
      this.abstracts.set(id, levels);
      const link = val(a, 'w:numStyleLink');
      if (link) this.abstractStyleLink.set(id, link);
    }
    for (const n of children(root, 'w:num')) {
      const def: NumDef = { abstractId: val(n, 'w:abstractNumId') ?? '', levels: new Map(), startOverrides: new Map() };
      for (const o of children(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
        const so = val(o, 'w:startOverride');
        if (so !== undefined) def.startOverrides.set(ilvl, Number(so));
        const lvl = child(o, 'w:lvl');
        if (lvl) def.levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(n.attrs['w:numId'], def);
    }
  }

  /** An abstractNum that only says "numbered like style X" (w:numStyleLink) borrows that style's list. */
  private abstractOf(numId: string, depth = 0): string | undefined {
    const def = this.nums.get(numId);
    if (!def) return undefined;
    const link = this.abstractStyleLink.get(def.abstractId);
    if (link && depth < 5) {
      const linked = this.styles.numIdOfStyle(link);
      if (linked && linked !== numId) return this.abstractOf(linked, depth + 1) ?? def.abstractId;
    }
    return def.abstractId;
  }

  private level(numId: string, abstractId: string, ilvl: number): Level | undefined {
    return this.nums.get(numId)?.levels.get(ilvl) ?? this.abstracts.get(abstractId)?.get(ilvl);
  }

  /** Advance the counters for a numbered paragraph and return its marker (undefined: not numbered). */
  next(numId: string | undefined, ilvl = 0): ListMarker | undefined {
    if (numId === undefined || numId === '0') return undefined; // numId 0 explicitly removes numbering
    const abstractId = this.abstractOf(numId);
    if (abstractId === undefined) return undefined;
    const lvl = this.level(numId, abstractId, ilvl);
    if (!lvl) return undefined;
    let counts = this.counters.get(abstractId);
    if (!counts) this.counters.set(abstractId, (counts = []));
    const def = this.nums.get(numId)!;
    // A w:startOverride restarts the list the first time this numId is used.
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of def.startOverrides) {
        counts[l] = start - 1;
        for (let d = l + 1; d < 9; d++) counts[d] = undefined;
      }
    }
    counts[ilvl] = counts[ilvl] === undefined ? lvl.start : counts[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const deeper = this.level(numId, abstractId, d);
      const restartAfter = deeper?.restart ?? d; // default: restart whenever any higher level advances
      if (restartAfter !== 0 && ilvl < restartAfter) counts[d] = undefined;
    }
    const isBullet = lvl.numFmt === 'bullet';
    let marker: string;
    if (isBullet) {
      // Symbol/Wingdings bullets live in the private use area: show a plain bullet instead.
      marker = /^[\uf000-\uf0ff]$/.test(lvl.lvlText) || lvl.lvlText === '' ? '•' : lvl.lvlText;
    } else {
      marker = lvl.lvlText.replace(/%([1-9])/g, (_, k: string) => {
        const l = Number(k) - 1;
        const def2 = this.level(numId, abstractId, l);
        const value = counts![l] ?? def2?.start ?? 1;
        return formatNumber(value, lvl.isLgl && l < ilvl ? 'decimal' : (def2?.numFmt ?? 'decimal'));
      });
    }
    const separator = marker === '' || lvl.suff === 'nothing' || /[\u3000-\u303f\uff00-\uffef\u2e80-\u9fff]$/.test(marker) ? '' : ' ';
    return { marker, separator, isBullet };
  }
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Chinese counting (一, 十, 十一, 二十一, 一百零五); `legal` uses 壹贰叁 and 拾佰仟. */
function chineseCounting(n: number, legal = false): string {
  if (n <= 0 || n >= 100000) return String(n);
  const digits = legal ? CN_LEGAL : CN_DIGITS;
  const units = legal ? ['', '拾', '佰', '仟', '万'] : ['', '十', '百', '千', '万'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += digits[0];
    zero = false;
    out += digits[d] + unit;
  });
  // 一十一 → 十一 (but 一百一十一 keeps its 一十)
  if (!legal && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}
function letters(n: number): string {
  // Word repeats the letter: a…z, aa…zz, aaa…
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseCounting(n, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
      return '';
    default:
      return String(n);
  }
}
