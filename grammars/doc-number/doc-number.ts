/**
 * 文号: 机关代字 + 〔年份〕 + 序号 + 号, e.g. 金政办发〔2023〕90号.
 * Accepts 〔〕 [] ［］ () （） 【】 brackets, stray spaces, full-width digits,
 * and garbled forms where one bracket is missing (永政办发2024〕66号); such
 * repairs are reported so the caller can turn them into diagnostics.
 */
import { createToken, EmbeddedActionsParser, Lexer, type IToken } from 'chevrotain';
import { digitsToNumber } from '../shared/numerals.js';

export interface DocNumberMatch {
  prefix: string;
  year: number;
  serial: number;
  /** In the standard form 金政办发〔2023〕90号. */
  normalized: string;
  /** What had to be assumed, e.g. 'missing-open-bracket'. */
  repairs: string[];
}

const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/, group: Lexer.SKIPPED });
const Hao = createToken({ name: 'Hao', pattern: /号/ });
const Di = createToken({ name: 'Di', pattern: /第/ });
const Open = createToken({ name: 'Open', pattern: /[〔［[（(【〈<]/ });
const Close = createToken({ name: 'Close', pattern: /[〕］\]）)】〉>]/ });
const Digits = createToken({ name: 'Digits', pattern: /[0-9\uff10-\uff19]+/ });
const Han = createToken({ name: 'Han', pattern: /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/ });

const allTokens = [Space, Hao, Di, Open, Close, Digits, Han];
const lexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });

interface Raw {
  prefix: IToken;
  open?: IToken;
  year: IToken;
  close?: IToken;
  serial: IToken;
}

class DocNumberParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }
  public docNumber = this.RULE('docNumber', (): Raw => {
    const prefix = this.CONSUME(Han);
    const open = this.OPTION(() => this.CONSUME(Open));
    const year = this.CONSUME(Digits);
    const close = this.OPTION2(() => this.CONSUME(Close));
    this.OPTION3(() => this.CONSUME(Di));
    const serial = this.CONSUME2(Digits);
    this.CONSUME(Hao);
    return { prefix, open, year, close, serial };
  });
}

export const docNumberParser = new DocNumberParser();
const parser = docNumberParser;

/** Parse a string that is exactly a 文号 (surrounding spaces allowed). */
export function parseDocNumber(text: string): DocNumberMatch | null {
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length > 0 || lexed.tokens.length === 0) return null;
  parser.input = lexed.tokens;
  const r = parser.docNumber();
  if (parser.errors.length > 0 || !r) return null;
  const year = digitsToNumber(r.year.image);
  const serial = digitsToNumber(r.serial.image);
  if (r.year.image.length !== 4 || year < 1949 || year > 2100) return null;
  if (!(serial >= 1 && serial <= 99999)) return null;
  if (r.prefix.image.length > 16) return null;
  const repairs: string[] = [];
  if (!r.open && !r.close) return null; // 永政办发202466号 is ambiguous: never guess
  if (!r.open) repairs.push('missing-open-bracket');
  if (!r.close) repairs.push('missing-close-bracket');
  if ((r.open && r.open.image !== '〔') || (r.close && r.close.image !== '〕')) repairs.push('nonstandard-brackets');
  const prefix = r.prefix.image;
  return { prefix, year, serial, normalized: `${prefix}〔${year}〕${serial}号`, repairs };
}

/** Quick scan for a 文号-shaped substring; the grammar then decides. */
export const DOC_NUMBER_CANDIDATE =
  /[\u3400-\u4dbf\u4e00-\u9fff]{2,16}[ \u3000]*[〔［[（(【〈<]?[ \u3000]*(?:19|20|１９|２０)[0-9\uff10-\uff19]{2}[ \u3000]*[〕］\]）)】〉>]?[ \u3000]*第?[ \u3000]*[0-9\uff10-\uff19]{1,5}[ \u3000]*号/;

/**
 * The bracketed year and serial of a 文号 (〔2024〕3号, full-width digits too), anywhere in a
 * text (global): the unwrapper finds a 文号 run into a page from it, and walks back to its prefix.
 */
export const DOC_NUMBER_TAIL = /[〔［[（(【]\s*(?:19|20|１９|２０)[0-9\uff10-\uff19]{2}\s*[〕］\]）)】]\s*第?\s*[0-9\uff10-\uff19]{1,5}\s*号/g;
