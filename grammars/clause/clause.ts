/**
 * The responsibility parenthetical after a task, without its brackets:
 *   牵头单位：A，责任单位：B
 *   责任单位：A，完成时限：长期坚持
 *   A牵头，责任单位：B，完成时限：及时发布
 *   A、B牵头，C，D按职责分工负责，完成时限：及时发布
 *   牵头单位:A,责任单位:B            (half-width)
 *   责任单位政府各部门、单位         (label without its colon)
 *   牵头单位：A，配合单位：B         (配合/协办/参与 kept as their own role)
 *   A牵头，B配合
 * The grammar yields labelled segments; the unit lists inside a segment
 * (split on 、) are the fields pass's job.
 */
import { createToken, EmbeddedActionsParser, Lexer, type IToken } from 'chevrotain';
import { HAN_HINT, charsOf } from '../shared/chars.js';

export interface ClauseParse {
  /** Segments naming 牵头 units, as written (each may hold a 、 list). */
  lead: string[];
  /** Segments naming 责任 units, as written. */
  responsible: string[];
  /** Segments naming 配合 / 协办 / 参与 units (a supporting role, not 责任), as written. */
  cooperating: string[];
  /** The 完成时限 text, as written. */
  deadline?: string;
  /** Labels written without their colon (责任单位政府各部门). */
  missingColon: string[];
}

const SEP = /[，,；;]/;
const LEAD_SUFFIX = '牵头';
const DUTY_SUFFIXES = ['按职责分工负责', '按职责分工', '按职责负责', '分工负责', '负责落实', '配合', '负责'];

/**
 * Every clause label, once, by role. Every other layer (the clause finders in
 * fields/, the line pass that attaches a `责任单位：…` line to its item, the
 * table adapters) asks this table through the exports below instead of
 * keeping its own list: four hand-kept lists had drifted apart.
 */
export const CLAUSE_LABELS = {
  lead: ['牵头单位', '牵头部门', '牵头处室', '牵头科室', '主办单位'],
  responsible: ['责任单位', '责任部门', '责任处室', '责任科室', '实施单位', '承办单位', '落实单位'],
  cooperating: ['配合单位', '配合部门', '配合处室', '参与单位', '协办单位', '协助单位'],
  deadline: ['完成时限', '完成时间', '时间节点', '完成期限', '时限要求', '时间要求'],
} as const;
export type ClauseRole = keyof typeof CLAUSE_LABELS;
const alt = (words: readonly string[]) => words.join('|');
const ALL_LABELS = Object.values(CLAUSE_LABELS).flat();
/** Any label at the start of a string. */
export const CLAUSE_LABEL = new RegExp(`^(?:${alt(ALL_LABELS)})`);
/** A label with its colon (or none) — a clause written as a line or sentence of its own: `责任单位：A、B`. */
export const CLAUSE_LABEL_LINE = new RegExp(`^[\\s\u3000]*(?:${alt(ALL_LABELS)})[ \u3000]*[：:]`);
/** Labels that open an unbracketed unit clause glued into running text (`…贸易。牵头单位：A配合单位：B`). */
export const CLAUSE_LABEL_ANYWHERE = new RegExp(`(?:${alt(ALL_LABELS)})[ \u3000]*[：:]`, 'g');
/** Which role a label names. */
export function roleOfLabel(label: string): ClauseRole | undefined {
  for (const [role, words] of Object.entries(CLAUSE_LABELS)) if (words.some((w) => label.startsWith(w))) return role as ClauseRole;
  return undefined;
}
const LABELS = CLAUSE_LABEL;

const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/, group: Lexer.SKIPPED });
const Sep = createToken({ name: 'Sep', pattern: /[，,；;]/ });
const labelToken = (name: string, words: readonly string[]) => createToken({ name, pattern: new RegExp(`(?:${alt(words)})[ \u3000]*[：:]?`) });
const LeadLabel = labelToken('LeadLabel', CLAUSE_LABELS.lead);
const RespLabel = labelToken('RespLabel', CLAUSE_LABELS.responsible);
const CoopLabel = labelToken('CoopLabel', CLAUSE_LABELS.cooperating);
const DeadlineLabel = labelToken('DeadlineLabel', CLAUSE_LABELS.deadline);
// Suffixes count only at the end of a segment (before a separator or the end):
// custom matchers, because chevrotain rejects the `$` anchor.
function suffixMatcher(words: string[]) {
  return (text: string, offset: number): RegExpExecArray | null => {
    for (const w of words) {
      if (text.startsWith(w, offset) && endsAtBoundary(text, offset + w.length)) return [w] as unknown as RegExpExecArray;
    }
    return null;
  };
}
const LeadSuffix = createToken({ name: 'LeadSuffix', pattern: { exec: suffixMatcher([LEAD_SUFFIX]) }, line_breaks: false, start_chars_hint: ['牵'] });
const DutySuffix = createToken({
  name: 'DutySuffix',
  pattern: { exec: suffixMatcher(DUTY_SUFFIXES) },
  line_breaks: false,
  start_chars_hint: [...new Set(DUTY_SUFFIXES.map((w) => w[0]))],
});

function endsAtBoundary(text: string, at: number): boolean {
  return at >= text.length || SEP.test(text[at]) || /\s/.test(text[at]);
}

/** A run of unit text: up to a separator, a 牵头/负责 suffix, or a label. */
function matchText(text: string, offset: number): RegExpExecArray | null {
  let i = offset;
  while (i < text.length) {
    const ch = text[i];
    if (SEP.test(ch)) break;
    if (i > offset) {
      if (text.startsWith(LEAD_SUFFIX, i) && endsAtBoundary(text, i + 2)) break;
      let duty = false;
      for (const s of DUTY_SUFFIXES) if (text.startsWith(s, i) && endsAtBoundary(text, i + s.length)) duty = true;
      if (duty) break;
      if (LABELS.test(text.slice(i, i + 4))) break;
    }
    i++;
  }
  if (i === offset) return null;
  const m = [text.slice(offset, i)] as unknown as RegExpExecArray;
  return m;
}

const TEXT_HINT = [
  ...HAN_HINT,
  ...charsOf([0x21, 0x7e], [0x2000, 0x206f], [0x2460, 0x24ff], [0x3000, 0x303f], [0xff01, 0xffef]),
].filter((c) => !SEP.test(c));

const Text = createToken({ name: 'Text', pattern: { exec: matchText }, line_breaks: false, start_chars_hint: TEXT_HINT });

const allTokens = [Space, Sep, LeadLabel, RespLabel, CoopLabel, DeadlineLabel, LeadSuffix, DutySuffix, Text];
export const clauseLexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });

type SegmentKind = 'lead-label' | 'resp-label' | 'coop-label' | 'deadline-label' | 'lead-suffix' | 'duty-suffix' | 'coop-suffix' | 'plain';
interface Segment {
  kind: SegmentKind;
  text: string;
  label?: IToken;
}

class ClauseParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public clause = this.RULE('clause', (): Segment[] => {
    const out: Segment[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Sep) },
        { ALT: () => out.push(this.SUBRULE(this.segment)) },
      ]);
    });
    return out;
  });

  private segment = this.RULE('segment', (): Segment => {
    return this.OR([
      { ALT: () => this.labelled(1, LeadLabel, 'lead-label') },
      { ALT: () => this.labelled(3, RespLabel, 'resp-label') },
      { ALT: () => this.labelled(5, DeadlineLabel, 'deadline-label') },
      { ALT: () => this.labelled(7, CoopLabel, 'coop-label') },
      {
        ALT: () => {
          const t = this.CONSUME(Text);
          const suffix = this.OPTION(() =>
            this.OR2([
              { ALT: () => (this.CONSUME(LeadSuffix), 'lead-suffix' as const) },
              {
                ALT: () => {
                  const d = this.CONSUME(DutySuffix);
                  // "B配合" is the supporting role; the other duty words (按职责分工负责) are 责任
                  return this.ACTION(() => (d.image === '配合' ? ('coop-suffix' as const) : ('duty-suffix' as const)));
                },
              },
            ]),
          );
          return this.ACTION(() => ({ kind: suffix ?? ('plain' as const), text: t.image }));
        },
      },
    ]);
  });

  // One helper for the four labels: chevrotain tells repeated CONSUMEs of
  // one rule apart by their occurrence index, given here explicitly.
  private labelled(idx: number, tok: typeof LeadLabel, kind: SegmentKind): Segment {
    const label = this.consume(idx, tok);
    const t = this.option(idx + 1, () => this.consume(idx + 1, Text));
    // 责任单位：A牵头，B — the label names the clause, the suffix A's role
    const suffix = t
      ? this.option(idx + 2, () =>
          this.or(idx + 2, [
            { ALT: () => (this.consume(idx + 2, LeadSuffix), 'lead-suffix' as const) },
            { ALT: () => (this.consume(idx + 3, DutySuffix).image === '配合' ? ('coop-suffix' as const) : ('duty-suffix' as const)) },
          ]),
        )
      : undefined;
    return { kind: kind === 'deadline-label' ? kind : (suffix ?? kind), text: t ? t.image : '', label };
  }
}

export const clauseParser = new ClauseParser();
const parser = clauseParser;

/** Does this parenthetical read like a responsibility clause at all? */
export const CLAUSE_KEYWORDS = new RegExp(`牵头|${alt(ALL_LABELS)}|按职责分工负责|分工负责`);

// Plans repeat the same clause dozens of times (责任单位：县政府各部门、单位);
// results are immutable, so a bounded memo saves most of the lexing.
const memo = new Map<string, ClauseParse | null>();
const MEMO_MAX = 4096;

/** Parse the inside of a responsibility parenthetical. Null if it is not one. Treat the result as read-only. */
export function parseClause(inner: string): ClauseParse | null {
  const hit = memo.get(inner);
  if (hit !== undefined) return hit;
  const parsed = parseClauseUncached(inner);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(inner, parsed);
  return parsed;
}

function parseClauseUncached(inner: string): ClauseParse | null {
  if (!CLAUSE_KEYWORDS.test(inner)) return null;
  const lexed = clauseLexer.tokenize(inner);
  if (lexed.errors.length > 0) return null;
  parser.input = lexed.tokens;
  const segments = parser.clause();
  if (parser.errors.length > 0) return null;

  const out: ClauseParse = { lead: [], responsible: [], cooperating: [], missingColon: [] };
  // Unlabelled segments continue whatever list came before them; after an
  // "A牵头" they are the co-responsible units (…C，D按职责分工负责).
  let mode: 'lead' | 'resp' | 'coop' | 'deadline' = 'resp';
  const deadlineParts: string[] = [];
  for (const s of segments) {
    if (s.label && !/[：:]\s*$/.test(s.label.image)) out.missingColon.push(s.label.image.trim());
    const text = s.text.trim();
    switch (s.kind) {
      case 'lead-label':
        mode = 'lead';
        if (text) out.lead.push(text);
        break;
      case 'resp-label':
        mode = 'resp';
        if (text) out.responsible.push(text);
        break;
      case 'coop-label':
        mode = 'coop';
        if (text) out.cooperating.push(text);
        break;
      case 'coop-suffix':
        out.cooperating.push(text);
        mode = 'resp';
        break;
      case 'deadline-label':
        mode = 'deadline';
        if (text) deadlineParts.push(text);
        break;
      case 'lead-suffix':
        out.lead.push(text);
        mode = 'resp';
        break;
      case 'duty-suffix':
        out.responsible.push(text);
        mode = 'resp';
        break;
      default:
        if (!text) break;
        if (mode === 'lead') out.lead.push(text);
        else if (mode === 'deadline') deadlineParts.push(text);
        else if (mode === 'coop') out.cooperating.push(text);
        else out.responsible.push(text);
    }
  }
  if (deadlineParts.length > 0) out.deadline = deadlineParts.join('，');
  return out;
}
