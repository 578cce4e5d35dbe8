/**
 * Outline markers: 一、 一. （一） (一) 〔一〕 1. 1． 1、 （1） (1) ①, full- and
 * half-width, with stray spaces inside such as `( 一 )`; and the 章/节/条 of
 * 办法, 规定 and 细则 (第一章, 第二节, 第十二条).
 *
 * The grammar only says whether a short string *starts with* a marker and
 * what it says; whether a marker found mid-line really opens a section is the
 * outline pass's decision (context, ordinal sequence).
 */
import { createToken, EmbeddedActionsParser, Lexer, type IToken } from 'chevrotain';
import { cjkToNumber, digitsToNumber, circledToNumber } from '../shared/numerals.js';

export type MarkerStyle = 'cjk-dun' | 'cjk-paren' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'chapter' | 'part' | 'article';

/**
 * Level each style takes in the outline (GB/T 9704: 一、 → （一） → 1. → （1）);
 * 办法-style documents have levels of their own: 第X章 1, 第X节 2, 第X条 3.
 */
export const LEVEL_OF_STYLE: Record<MarkerStyle, number> = {
  'cjk-dun': 1,
  'cjk-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
  chapter: 1,
  part: 2,
  article: 3,
};

/** How styles nest, outermost first: 章 > 节 > 条 > 一、 > （一） > 1. > （1） > ①. */
export const RANK_OF_STYLE: Record<MarkerStyle, number> = {
  chapter: 1,
  part: 2,
  article: 3,
  'cjk-dun': 4,
  'cjk-paren': 5,
  'arabic-dot': 6,
  'arabic-paren': 7,
  circled: 8,
};

export interface MarkerMatch {
  style: MarkerStyle;
  ordinal: number;
  /** The marker as written, e.g. `(一)`, `（ 一 ）`, `1．`. */
  raw: string;
  /** Chars consumed from the start of the input (the marker only, no trailing space). */
  length: number;
  /**
   * `1.2017年…`, `7.365天…`: a digit follows the dot, so the string also reads
   * as a decimal. Only returned when asked for (`{ decimal: true }`); the
   * outline decoder accepts it only where a new item must start.
   */
  decimal?: boolean;
}

const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/, group: Lexer.SKIPPED });
const Open = createToken({ name: 'Open', pattern: /[（(〔［[【]/ });
const Close = createToken({ name: 'Close', pattern: /[）)〕］\]】]/ });
const CjkNum = createToken({ name: 'CjkNum', pattern: /[〇零一二三四五六七八九十百两]+/ });
const Digits = createToken({ name: 'Digits', pattern: /[0-9\uff10-\uff19]+/ });
const Dun = createToken({ name: 'Dun', pattern: /、/ });
const Dot = createToken({ name: 'Dot', pattern: /[.．]/ });
const Circled = createToken({ name: 'Circled', pattern: /[\u2460-\u2473]/ });
const Di = createToken({ name: 'Di', pattern: /第/ });
const Unit = createToken({ name: 'Unit', pattern: /[章节条]/ });

const allTokens = [Space, Open, Close, CjkNum, Digits, Dun, Dot, Circled, Di, Unit];
export const markerLexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });

interface RawMarker {
  style: MarkerStyle;
  num: IToken;
  last: IToken;
}

class MarkerParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public marker = this.RULE('marker', (): RawMarker => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(Open);
          const inner = this.OR2([
            { ALT: () => ({ style: 'cjk-paren' as MarkerStyle, num: this.CONSUME(CjkNum) }) },
            { ALT: () => ({ style: 'arabic-paren' as MarkerStyle, num: this.CONSUME(Digits) }) },
          ]);
          const last = this.CONSUME(Close);
          return { ...inner, last };
        },
      },
      {
        ALT: () => {
          const num = this.CONSUME2(CjkNum);
          const last = this.OR3([{ ALT: () => this.CONSUME(Dun) }, { ALT: () => this.CONSUME(Dot) }]);
          return { style: 'cjk-dun' as MarkerStyle, num, last };
        },
      },
      {
        ALT: () => {
          const num = this.CONSUME2(Digits);
          const last = this.OR4([{ ALT: () => this.CONSUME2(Dot) }, { ALT: () => this.CONSUME2(Dun) }]);
          return { style: 'arabic-dot' as MarkerStyle, num, last };
        },
      },
      {
        ALT: () => {
          const num = this.CONSUME(Circled);
          return { style: 'circled' as MarkerStyle, num, last: num };
        },
      },
      {
        // 第十二条, 第一章, 第二节
        ALT: () => {
          this.CONSUME(Di);
          const num = this.OR5([{ ALT: () => this.CONSUME3(CjkNum) }, { ALT: () => this.CONSUME3(Digits) }]);
          const last = this.CONSUME(Unit);
          const style: MarkerStyle = last.image === '章' ? 'chapter' : last.image === '节' ? 'part' : 'article';
          return { style, num, last };
        },
      },
    ]);
  });
}

export const markerParser = new MarkerParser();

// Only the marker alphabet is handed to the lexer: cheap, and no lexer errors
// for the heading text that follows.
const MARKER_PREFIX = /^(?:第[ \t\u00a0\u3000]*[〇零一二三四五六七八九十百两0-9\uff10-\uff19]{1,6}[ \t\u00a0\u3000]*[章节条]|[ \t\u00a0\u3000（(〔［[【）)〕］\]】〇零一二三四五六七八九十百两0-9\uff10-\uff19、.．\u2460-\u2473]{1,16})/;

// The shapes a marker can take, as a cheap pre-check: the parser reports a
// mismatch by constructing an exception, which is far too slow to pay on every
// digit and 一 in running text.
const MARKER_SHAPE =
  /^[ \t\u00a0\u3000]*(?:[（(〔［[【][ \t\u00a0\u3000]*(?:[〇零一二三四五六七八九十百两]+|[0-9\uff10-\uff19]+)[ \t\u00a0\u3000]*[）)〕］\]】]|[〇零一二三四五六七八九十百两]+[ \t\u00a0\u3000]*[、.．]|[0-9\uff10-\uff19]+[ \t\u00a0\u3000]*[.．、]|[\u2460-\u2473]|第[ \t\u00a0\u3000]*[〇零一二三四五六七八九十百两0-9\uff10-\uff19]{1,6}[ \t\u00a0\u3000]*[章节条])/;

/** Does `text` (from `from`) start with an outline marker? */
export function parseMarker(text: string, from = 0, options?: { decimal?: boolean }): MarkerMatch | null {
  const window = from === 0 ? text.slice(0, 16) : text.slice(from, from + 16);
  if (!MARKER_SHAPE.test(window)) return null;
  const head = MARKER_PREFIX.exec(window);
  if (!head) return null;
  // the marker ends at its first closing char: what follows (7.365天) is heading
  const close = head[0].search(/[、.．）)〕］\]】\u2460-\u2473章节条]/);
  const parsed = parseHead(close >= 0 ? head[0].slice(0, close + 1) : head[0]);
  if (!parsed) return null;
  const { style, ordinal, end, numLength } = parsed;
  const after = text.charAt(from + end);
  if (style === 'arabic-dot') {
    // 2.5亿元, 2023.10, 1.1.2: a number, not a marker (unless the caller weighs it)
    if (/[0-9\uff10-\uff19]/.test(after)) {
      if (!options?.decimal || /[.．]/.test(text.charAt(from + end + 1)) || numLength > 2) return null;
      return { style, ordinal, raw: text.slice(from, from + end), length: end, decimal: true };
    }
    // a Latin letter or % after `3.` is prose ("3.x", "5.%")
    if (/[A-Za-z%]/.test(after)) return null;
  }
  if (style === 'cjk-dun' && numLength > 4) return null;
  return { style, ordinal, raw: text.slice(from, from + end), length: end };
}

interface Head {
  style: MarkerStyle;
  ordinal: number;
  end: number;
  numLength: number;
}

// The same few heads ((一), （二十）, 1.) recur thousands of times in an
// archive; the grammar's verdict on a head string never changes.
const headMemo = new Map<string, Head | null>();

function parseHead(head: string): Head | null {
  const hit = headMemo.get(head);
  if (hit !== undefined) return hit;
  const lexed = markerLexer.tokenize(head);
  let out: Head | null = null;
  if (lexed.tokens.length > 0) {
    markerParser.input = lexed.tokens;
    const m = markerParser.marker();
    if (markerParser.errors.length === 0 && m) {
      const ordinal =
        m.style === 'circled' ? circledToNumber(m.num.image) : /[0-9\uff10-\uff19]/.test(m.num.image) ? digitsToNumber(m.num.image) : cjkToNumber(m.num.image);
      if (ordinal >= 1 && ordinal <= 199) out = { style: m.style, ordinal, end: m.last.startOffset + m.last.image.length, numLength: m.num.image.length };
    }
  }
  if (headMemo.size >= 4096) headMemo.clear();
  headMemo.set(head, out);
  return out;
}

// Where a marker can start: an opening bracket, a circled number, a run of
// numerals or digits followed by its 、 or dot. No lookbehind, so the engine
// can scan for the first char fast; a run's start is checked in code.
const MARKER_SITE = /第(?=[ \t\u00a0\u3000]*[〇零一二三四五六七八九十百两0-9\uff10-\uff19]{1,6}[ \t\u00a0\u3000]*[章节条])|[（(〔［[【\u2460-\u2473]|[〇零一二三四五六七八九十百两]+(?=[ \t\u00a0\u3000]*[、.．])|[0-9\uff10-\uff19]+(?=[ \t\u00a0\u3000]*[.．、])/g;

/** A marker found somewhere in a text, with its offset. */
export interface MarkerCandidate extends MarkerMatch {
  at: number;
}

/**
 * Every marker-shaped string in `text`, anywhere (line start, after a space,
 * glued to a unit name, mid-sentence): the grammar says what is a marker, the
 * outline decoder (src/structure/outline) which of these open an item.
 */
export function scanMarkers(text: string, from = 0): MarkerCandidate[] {
  const out: MarkerCandidate[] = [];
  MARKER_SITE.lastIndex = from;
  for (let m = MARKER_SITE.exec(text); m; m = MARKER_SITE.exec(text)) {
    const at = m.index;
    const run = m[0];
    const c = run.charCodeAt(0);
    const isDigit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    const isBracketOrCircled = run.length === 1 && /[（(〔［[【\u2460-\u2473第]/.test(run);
    if (!isBracketOrCircled) {
      // a numeral run is a marker only when short and followed by its 、 or dot; a digit run not after a dot (1.1.2)
      let k = at + run.length;
      for (let ch = text.charCodeAt(k); ch === 0x20 || ch === 0x09 || ch === 0xa0 || ch === 0x3000; ch = text.charCodeAt(++k));
      const punct = text.charAt(k);
      const prev = text.charAt(at - 1);
      if (run.length > (isDigit ? 3 : 4) || !/[、.．]/.test(punct) || (isDigit && /[.．]/.test(prev))) continue;
    }
    const hit = parseMarker(text, at, { decimal: true });
    if (hit) {
      out.push({ ...hit, at });
      MARKER_SITE.lastIndex = at + hit.length;
    }
  }
  return out;
}
