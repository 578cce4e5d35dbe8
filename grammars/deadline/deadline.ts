/**
 * Deadlines (完成时限): 2023年10月底前, 2022年年底前, 年底前, 6月底前,
 * 2023年12月31日前, 年内, 上半年, 三季度末, 长期坚持, 及时发布, 持续推进,
 * 每季度 (recurring: kind continuous with `every`).
 * Dates without a year are resolved later with the plan's year.
 * A bare period (上半年, 第三季度 — no 末/底/前) also says when it starts (`fromMonth`).
 */
import { createToken, EmbeddedActionsParser, Lexer, type IToken } from 'chevrotain';
import { cjkToNumber, digitsToNumber } from '../shared/numerals.js';
import { daysInMonth, isoDate } from '../date/date.js';

export type DeadlineKind = 'by' | 'ongoing' | 'continuous' | 'unknown';

export interface DeadlineMatch {
  kind: DeadlineKind;
  /** Explicit year, if written. */
  year?: number;
  /** Month and day of the resolved last day (day omitted = end of month). */
  month?: number;
  day?: number;
  /** First month of a period written without 末/底/前 (上半年 → 1, 第三季度 → 7). */
  fromMonth?: number;
  /** A recurring deadline (每季度 → quarter); kind is then 'continuous'. */
  every?: 'week' | 'month' | 'quarter' | 'half-year' | 'year';
}

const EVERY: Record<string, NonNullable<DeadlineMatch['every']>> = { 周: 'week', 月: 'month', 季度: 'quarter', 季: 'quarter', 半年: 'half-year', 年: 'year' };

const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/, group: Lexer.SKIPPED });
const Ongoing = createToken({ name: 'Ongoing', pattern: /长期坚持|长期|持续坚持|常态化|常年/ });
const Continuous = createToken({
  name: 'Continuous',
  pattern: /及时发布|及时更新|及时公开|及时|持续推进|持续开展|持续|动态更新|动态调整|实时|按要求|按时/,
});
// 每季度 / 每月 / 每半年 / 每年, optionally followed by 末/底/前 ("每季度末前")
const Every = createToken({ name: 'Every', pattern: /每(?:个)?(?:季度|半年|周|月|季|年)/ });
const HalfYear = createToken({ name: 'HalfYear', pattern: /[上下]半年/ });
const Quarter = createToken({ name: 'Quarter', pattern: /第?[一二三四1-4１-４]季度/ });
const Digits = createToken({ name: 'Digits', pattern: /[0-9\uff10-\uff19]+/ });
const CjkMonth = createToken({ name: 'CjkMonth', pattern: /[一二三四五六七八九十]+(?=月)/, start_chars_hint: [...'一二三四五六七八九十'] });
const Nian = createToken({ name: 'Nian', pattern: /年/ });
const Yue = createToken({ name: 'Yue', pattern: /月/ });
const Ri = createToken({ name: 'Ri', pattern: /[日号]/ });
const End = createToken({ name: 'End', pattern: /[底末]/ });
const Before = createToken({ name: 'Before', pattern: /以前|之前|前/ });
const Within = createToken({ name: 'Within', pattern: /以内|之内|内/ });
const Zhong = createToken({ name: 'Zhong', pattern: /中/ });
const Trail = createToken({ name: 'Trail', pattern: /[。．.，,；;]/, group: Lexer.SKIPPED });

const allTokens = [Space, Trail, Ongoing, Continuous, Every, HalfYear, Quarter, Digits, CjkMonth, Nian, Yue, Ri, End, Before, Within, Zhong];
const lexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });

class DeadlineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 4 });
    this.performSelfAnalysis();
  }

  public deadline = this.RULE('deadline', (): DeadlineMatch => {
    return this.OR([
      { ALT: () => (this.CONSUME(Ongoing), { kind: 'ongoing' as const }) },
      { ALT: () => (this.CONSUME(Continuous), this.OPTION(() => this.CONSUME(Zhong)), { kind: 'continuous' as const }) },
      {
        ALT: () => {
          const e = this.CONSUME(Every);
          this.OPTION6(() => this.CONSUME4(End));
          this.OPTION7(() => this.CONSUME2(Before));
          return this.ACTION(() => ({ kind: 'continuous' as const, every: EVERY[e.image.replace(/^每个?/, '')] }));
        },
      },
      { ALT: () => this.SUBRULE(this.dated) },
    ]);
  });

  // Semantic work is wrapped in ACTION: chevrotain records the grammar by
  // running each rule once with fake tokens.
  private dated = this.RULE('dated', (): DeadlineMatch => {
    let year: IToken | undefined;
    this.OPTION(() => {
      year = this.CONSUME(Digits);
      this.CONSUME(Nian);
    });
    const when = this.OR([
      // 年底 / 2022年年底 / 年末
      { ALT: () => (this.OPTION2(() => this.CONSUME2(Nian)), this.CONSUME(End), { month: 12 }) },
      // 年内
      { ALT: () => (this.CONSUME3(Nian), this.CONSUME(Within), { month: 12 }) },
      // 10月底 / 10月 / 12月31日
      {
        ALT: () => {
          const m = this.OR2([{ ALT: () => this.CONSUME2(Digits) }, { ALT: () => this.CONSUME(CjkMonth) }]);
          this.CONSUME(Yue);
          let day: IToken | undefined;
          this.OPTION3(() =>
            this.OR3([
              { ALT: () => this.CONSUME2(End) },
              { ALT: () => this.CONSUME(Zhong) },
              { ALT: () => ((day = this.CONSUME3(Digits)), this.CONSUME(Ri)) },
            ]),
          );
          return this.ACTION(() => ({
            month: m.tokenType === Digits ? digitsToNumber(m.image) : cjkToNumber(m.image),
            day: day ? digitsToNumber(day.image) : undefined,
          }));
        },
      },
      {
        ALT: () => {
          const h = this.CONSUME(HalfYear);
          const end = this.OPTION8(() => this.CONSUME4(End));
          return this.ACTION(() => {
            const first = h.image.startsWith('上');
            return { month: first ? 6 : 12, ...(end ? {} : { fromMonth: first ? 1 : 7 }) };
          });
        },
      },
      {
        ALT: () => {
          const qt = this.CONSUME(Quarter);
          const end = this.OPTION4(() => this.CONSUME3(End));
          return this.ACTION(() => {
            const q = qt.image.replace(/[第季度]/g, '');
            const n = /[1-4]/.test(q) ? Number(q) : /[１-４]/.test(q) ? q.charCodeAt(0) - 0xff10 : cjkToNumber(q);
            return { month: n * 3, ...(end ? {} : { fromMonth: n * 3 - 2 }) };
          });
        },
      },
    ]);
    const after = this.OPTION5(() => this.OR4([{ ALT: () => this.CONSUME(Before) }, { ALT: () => this.CONSUME2(Within) }]));
    return this.ACTION(() => {
      const r: DeadlineMatch = { kind: 'by' as const, year: year ? digitsToNumber(year.image) : undefined, ...when };
      // 上半年前 / 三季度前 is a plain "by"; 上半年内 / 第三季度 stays a period
      if (after && after.tokenType === Before) delete r.fromMonth;
      return r;
    });
  });
}

export const deadlineParser = new DeadlineParser();
const parser = deadlineParser;

const memo = new Map<string, DeadlineMatch>();

/** Parse a whole deadline phrase; unknown phrasing gives kind 'unknown'. Treat the result as read-only. */
export function parseDeadline(text: string): DeadlineMatch {
  let hit = memo.get(text);
  if (!hit) {
    if (memo.size >= 4096) memo.clear();
    hit = parseDeadlineUncached(text);
    memo.set(text, hit);
  }
  return hit;
}

function parseDeadlineUncached(text: string): DeadlineMatch {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: 'unknown' };
  const lexed = lexer.tokenize(trimmed);
  if (lexed.errors.length > 0 || lexed.tokens.length === 0) return { kind: 'unknown' };
  parser.input = lexed.tokens;
  const r = parser.deadline();
  if (parser.errors.length > 0 || !r) return { kind: 'unknown' };
  if (r.month !== undefined && !(r.month >= 1 && r.month <= 12)) return { kind: 'unknown' };
  return r;
}

/** The last day a `by` deadline allows, given the plan's year for year-less phrases. */
export function resolveDeadline(m: DeadlineMatch, planYear?: number): string | undefined {
  if (m.kind !== 'by' || m.month === undefined) return undefined;
  const year = m.year ?? planYear;
  if (year === undefined || year < 1949 || year > 2100) return undefined;
  const last = daysInMonth(year, m.month);
  const day = m.day !== undefined && m.day >= 1 && m.day <= last ? m.day : last;
  return isoDate(year, m.month, day);
}

/** The first day of a period deadline (上半年 → 01-01, 第三季度 → 07-01), if it is one. */
export function resolvePeriodStart(m: DeadlineMatch, planYear?: number): string | undefined {
  if (m.kind !== 'by' || m.fromMonth === undefined) return undefined;
  const year = m.year ?? planYear;
  if (year === undefined || year < 1949 || year > 2100) return undefined;
  return isoDate(year, m.fromMonth, 1);
}

/**
 * Deadline phrases inside running text (于2022年6月底前优化…, 年底前在…).
 * Only phrases ending in 前 count: a bare 2023年10月 in prose is a date, not a deadline.
 */
export const DEADLINE_IN_TEXT =
  /(?:[0-9\uff10-\uff19]{4}[ \u3000]*年[ \u3000]*)?(?:年[ \u3000]*底|[0-9\uff10-\uff19]{1,2}[ \u3000]*月[ \u3000]*(?:底|末|中|[0-9\uff10-\uff19]{1,2}[ \u3000]*日)?|底|[上下]半年|第?[一二三四]季度末?)[ \u3000]*(?:以前|之前|前)/g;

/**
 * Recurring duties inside running text (每季度通报…, 每周更新, 每年开展评估): the
 * pattern of the grammar's 每… token, so the text scan and the grammar agree
 * on what a recurrence is (每周 and 每季 included).
 */
export const RECURRENCE_IN_TEXT = new RegExp((Every.PATTERN as RegExp).source, 'g');
