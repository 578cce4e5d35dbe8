/**
 * Dates as 公文 write them: 2023年10月27日, 2023 年 10 月 27 日, full-width
 * digits, and 二〇二三年十月二十七日. A string that only looks like a date
 * (2024年72) is reported as garbled, never turned into a wrong date.
 */
import { createToken, EmbeddedActionsParser, Lexer, type IToken } from 'chevrotain';
import { cjkToNumber, digitsToNumber } from '../shared/numerals.js';

const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/, group: Lexer.SKIPPED });
const Digits = createToken({ name: 'Digits', pattern: /[0-9\uff10-\uff19]+/ });
const CjkDigits = createToken({ name: 'CjkDigits', pattern: /[〇零一二三四五六七八九十]+/ });
const Nian = createToken({ name: 'Nian', pattern: /年/ });
const Yue = createToken({ name: 'Yue', pattern: /月/ });
const Ri = createToken({ name: 'Ri', pattern: /[日号]/ });
// 2025-04-02, 2025/4/2, 2025.04.02: how web pages' metadata boxes write dates
const Sep = createToken({ name: 'Sep', pattern: /[-/.．]/ });

const allTokens = [Space, Digits, CjkDigits, Nian, Yue, Ri, Sep];
const lexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });

class DateParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }
  private num = this.RULE('num', (): IToken => this.OR([{ ALT: () => this.CONSUME(Digits) }, { ALT: () => this.CONSUME(CjkDigits) }]));
  public date = this.RULE('date', (): [IToken, IToken, IToken] => {
    const y = this.SUBRULE(this.num);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(Nian);
          const m = this.SUBRULE2(this.num);
          this.CONSUME(Yue);
          const d = this.SUBRULE3(this.num);
          this.CONSUME(Ri);
          return [y, m, d] as [IToken, IToken, IToken];
        },
      },
      {
        ALT: () => {
          this.CONSUME(Sep);
          const m = this.CONSUME(Digits);
          this.CONSUME2(Sep);
          const d = this.CONSUME2(Digits);
          return [y, m, d] as [IToken, IToken, IToken];
        },
      },
    ]);
  });
}
export const dateParser = new DateParser();
const parser = dateParser;

function toNumber(t: IToken): number {
  return t.tokenType === Digits ? digitsToNumber(t.image) : cjkToNumber(t.image);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

/** Parse a string that is exactly a date, 年月日 or 2025-04-02 (surrounding spaces allowed). */
export function parseDate(text: string): DateResult {
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length > 0) return { ok: false, reason: 'unexpected characters' };
  parser.input = lexed.tokens;
  const r = parser.date();
  if (parser.errors.length > 0 || !r) return { ok: false, reason: 'not a complete 年月日 date' };
  const [y, m, d] = r.map(toNumber);
  if (!(y >= 1949 && y <= 2100)) return { ok: false, reason: `implausible year ${y}` };
  if (!(m >= 1 && m <= 12)) return { ok: false, reason: `month ${m} out of range` };
  if (!(d >= 1 && d <= daysInMonth(y, m))) return { ok: false, reason: `day ${d} out of range for ${y}-${m}` };
  return { ok: true, iso: isoDate(y, m, d) };
}

/** A line that is a date, or tries to be one (2024年72). */
export const DATE_LINE = /^[ \u3000]*(?:[0-9\uff10-\uff19]{4}|[〇零一二三四五六七八九]{4})[ \u3000]*年[ \u3000]*[0-9\uff10-\uff19〇零一二三四五六七八九十]{0,3}[ \u3000]*(?:月[ \u3000]*[0-9\uff10-\uff19〇零一二三四五六七八九十]{0,3}[ \u3000]*[日号]?)?[ \u3000]*$/;

/** A full 年月日 date: ASCII or full-width digits, or 〇一二… numerals (二〇二四年三月一日). */
const FULL_DATE =
  '(?:[0-9\\uff10-\\uff19]{4}|[〇零一二三四五六七八九]{4})[ \\u3000]*年[ \\u3000]*[0-9\\uff10-\\uff19〇零一二三四五六七八九十]{1,3}[ \\u3000]*月[ \\u3000]*[0-9\\uff10-\\uff19〇零一二三四五六七八九十]{1,3}[ \\u3000]*[日号]';
/** A full date at the start of a string (a 成文日期 glued to what follows it in a dump). */
export const DATE_AT_START = new RegExp(`^${FULL_DATE}`);
/** Every full date in a text (global: reset `lastIndex` before use); the grammar reads the value. */
export const DATE_IN_TEXT = new RegExp(FULL_DATE, 'g');
