/**
 * What each line is, before any tree is built: a title, a 文号, the 主送 line,
 * a signature, a date, a 版记 line, navigation junk, an outline item or text.
 * Decided per line with a little look-ahead (a signature is an organ name
 * followed by a date line).
 */
import { DOC_NUMBER_CANDIDATE, parseDocNumber } from '../../grammars/doc-number/doc-number.js';
import { DATE_LINE } from '../../grammars/date/date.js';
import type { Line } from './segment.js';
import { metaLineLabel } from '../shared/page-meta.js';
import { endsLikeUnit } from '../../grammars/unit/unit.js';

export type Role =
  | 'issuer-mark'
  | 'doc-number'
  | 'title'
  | 'recipients'
  | 'signature'
  | 'date'
  | 'printed'
  | 'printed-by'
  | 'copy-to'
  | 'publicity'
  | 'statement'
  | 'nav'
  | 'item'
  | 'table-row'
  | 'meta'
  | 'title-part'
  | 'text';

/** The title of a transmittal notice (关于印发…的通知): one pattern for the splitter and the fields pass. */
export const TRANSMITTAL_TITLE = /关于(?:印发|转发|下发|公布).*通知$/;

export const TITLE_SUFFIX = /(?:工作要点|实施方案|工作方案|方案|要点|通知|通报|指南|意见|办法|规划|计划|决定|报告|细则|规定|规则|制度|纲要|清单|分解表|任务分解|任务表|台账|批复|复函|函|请示|公告|通告|决议|纪要)[》」]?$/;
const BARE_KIND = /^(?:通知|批复|通报|意见|决定|公告|通告|函|报告|请示|方案|要点|办法)$/;
const SENTENCE_PUNCT = /[。；;，,：:！？!?]/;
export const PRINTED = /^(.{0,40}?)[\s\u3000]*((?:[0-9\uff10-\uff19]{4}|[〇零一二三四五六七八九]{4})[\s\u3000]*年[^年]{1,12}?[日号])[\s\u3000]*印发$/;
const ISSUER_MARK = /^[\u4e00-\u9fff\s\u3000]{4,40}文件$/;
const RECIPIENTS_WORDS = /政府|部门|单位|机关|委员会|局|办|管委会|各/;
/** 来源：… 浏览次数：… — a web page's byline, not content. */
const PAGE_INFO = { test: (c: string) => metaLineLabel(c) !== undefined && !/[。；;]/.test(c) };
const STATEMENT = /^[（(]此件.{1,20}[）)]$/;

export function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

const DOC_NUMBER_LINE = new RegExp('^(?:' + DOC_NUMBER_CANDIDATE.source + ')');

export function isDocNumberLine(text: string): boolean {
  const t = text.trim();
  // a 文号 line is short and ends in 号: test that before the regex
  if (t.length > 40 || !t.endsWith('号')) return false;
  const m = DOC_NUMBER_LINE.exec(t);
  return !!m && m[0].length >= t.length - 1 && parseDocNumber(m[0]) !== null;
}

/** A `?` or U+FFFD where a dump lost a character the page could not encode: not part of the line. */
export const LOST_CHAR_PREFIX = /^[？?\ufffd]+/;

export function isTitleLike(text: string): boolean {
  const t = compact(text).replace(LOST_CHAR_PREFIX, '');
  return t.length >= 4 && t.length <= 90 && TITLE_SUFFIX.test(t) && !SENTENCE_PUNCT.test(t);
}

export function isNavLike(text: string): boolean {
  const t = compact(text);
  if (t.length === 0 || t.length > 20) return false;
  if (/[。；;，,！？!?0-9０-９()（）]/.test(t)) return false;
  const colon = t.search(/[:：]/);
  return colon === -1 || colon === t.length - 1;
}

export function assignRoles(lines: Line[]): Role[] {
  const roles: Role[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // a long body paragraph is none of the short header/版记 shapes: skip the tests
    if (l.text.length > 200 && l.kind !== 'table-row' && l.role !== 'meta' && l.role !== 'table-caption' && !/^[\s\u3000]*(?:抄送|抄报|公开属性)/.test(l.text)) {
      roles[i] = l.marker ? 'item' : 'text';
      continue;
    }
    const t = l.text.trim();
    const c = compact(t);
    if (l.kind === 'table-row') roles[i] = 'table-row';
    else if (l.role === 'meta' || PAGE_INFO.test(c)) roles[i] = 'meta';
    else if (l.role === 'table-caption') roles[i] = 'text'; // a table's own caption never opens a document
    else if (l.marker) roles[i] = 'item';
    else if (/^(?:抄送|抄报)[:：]/.test(c)) roles[i] = 'copy-to';
    else if (/^公开属性[:：]/.test(c)) roles[i] = 'publicity';
    else if (STATEMENT.test(c)) roles[i] = 'statement';
    else if (PRINTED.test(t)) roles[i] = 'printed';
    else if (DATE_LINE.test(t)) roles[i] = 'date';
    else if (isDocNumberLine(t)) roles[i] = 'doc-number';
    else if (ISSUER_MARK.test(c)) roles[i] = 'issuer-mark';
    else if (isTitleLike(t)) roles[i] = 'title';
    else if (/[:：]$/.test(c) && c.length <= 160 && !/[。]/.test(c) && (RECIPIENTS_WORDS.test(c) || endsLikeUnit(c.slice(0, -1))) && !/^(?:简历|工作分工)/.test(c)) roles[i] = 'recipients';
    else roles[i] = 'text';
  }
  // look-ahead: an organ name right before a date is a signature; before a …印发 line, the 印发机关
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].text.length > 60) continue;
    const c = compact(lines[i].text);
    if ((roles[i] === 'text' || roles[i] === 'title') && c.length <= 40 && !SENTENCE_PUNCT.test(c) && endsLikeUnit(c)) {
      if (roles[i + 1] === 'date') roles[i] = 'signature';
      else if (roles[i + 1] === 'printed' && PRINTED.exec(lines[i + 1].text.trim())![1].trim() === '') roles[i] = 'printed-by';
    }
  }
  for (let i = 0; i < lines.length; i++) if (roles[i] === 'text' && lines[i].text.length <= 60 && isNavLike(lines[i].text)) roles[i] = 'nav';
  // a joint 署名: the organ-name lines right above a signature are signature rows too
  for (let i = lines.length - 1; i > 0; i--) {
    if (roles[i] !== 'signature') continue;
    for (let j = i - 1; j >= 0 && i - j <= 12; j--) {
      const c = compact(lines[j].text);
      if (!['text', 'title', 'nav'].includes(roles[j]) || c.length > 60 || SENTENCE_PUNCT.test(c) || !endsLikeUnit(c) || lines[j].marker) break;
      roles[j] = 'signature';
    }
  }
  // a notice title set over lines: 某某部 / 关于开展…活动的 / 通      知 — the bare kind word ends it
  for (let i = 1; i < lines.length; i++) {
    if (!BARE_KIND.test(compact(lines[i].text)) || lines[i].marker) continue;
    const prev = compact(lines[i - 1].text);
    if (!(/的$/.test(prev) || /^关于/.test(prev)) || SENTENCE_PUNCT.test(prev) || prev.length > 60) continue;
    roles[i] = 'title';
    roles[i - 1] = 'title-part';
    // and the issuer's name on the line above 关于…
    const organ = i >= 2 ? compact(lines[i - 2].text) : '';
    if (/^关于/.test(prev) && organ.length >= 4 && organ.length <= 40 && !SENTENCE_PUNCT.test(organ) && endsLikeUnit(organ) && ['nav', 'text', 'title', 'signature'].includes(roles[i - 2])) roles[i - 2] = 'title-part';
  }
  // a plan title broken over lines after the notice's date (某区深化… / 优化服务改革… / 重点任务分工方案): its head lines are title too
  for (let i = 1; i < lines.length; i++) {
    if (roles[i] !== 'title') continue;
    let j = i - 1;
    while (j >= 0 && i - j <= 3 && (roles[j] === 'nav' || roles[j] === 'text') && !SENTENCE_PUNCT.test(compact(lines[j].text)) && compact(lines[j].text).length <= 30 && !lines[j].marker) j--;
    if (j < i - 1 && j >= 0 && (roles[j] === 'date' || roles[j] === 'statement')) for (let k = j + 1; k < i; k++) roles[k] = 'title-part';
  }
  return roles;
}
