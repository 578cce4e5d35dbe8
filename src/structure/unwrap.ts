/**
 * Web pages saved as text often lose every line break: the red header, 文号,
 * notice title, 主送, body, 署名 and date, the plan title and the whole
 * outline arrive as one line. Outline markers are cut later by context
 * (segment.ts); this pass cuts the header and 版记 pieces of such a blob at
 * the places only a 公文 layout puts them. It runs only on very long
 * paragraphs, so ordinary line-broken text never reaches it.
 */
import { slicePara, trimPara, type Para } from '../normalise/para.js';
import { parseMarker, scanMarkers } from '../../grammars/marker/marker.js';
import { openAt } from '../../grammars/shared/chars.js';
import { CLAUSE_LABEL, CLAUSE_LABEL_LINE } from '../../grammars/clause/clause.js';
import { DATE_AT_START, DATE_IN_TEXT, DATE_LINE } from '../../grammars/date/date.js';
import { DOC_NUMBER_TAIL } from '../../grammars/doc-number/doc-number.js';
import { endsLikeUnit, isUnitList } from '../../grammars/unit/unit.js';
import { leadingRegion } from '../ledger/units/regions.js';
import { META_LABEL_IN_TEXT, STRONG_META, metaLineLabel } from '../shared/page-meta.js';

const MIN_BLOB = 120;

/**
 * Each finder yields the cut points of one header piece. The regexes start at
 * a literal (a bracket, 关于, a date) and walk back by hand, because a leading
 * `[\u4e00-\u9fff]{0,30}` makes the engine retry at every Han char.
 */
type Finder = ((text: string, cut: (at: number) => void) => void) & { needs?: string[] };

/** A finder runs only when one of its literals occurs in the text (indexOf is far cheaper than the regex). */
function gated(needs: string[], f: (text: string, cut: (at: number) => void) => void): Finder {
  return Object.assign(f, { needs });
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Page-chrome words a scraped title may be glued to (关闭, 打印, 返回…). */
const NAV_TAIL = /(?:关闭|打印|返回|首页|分享|收藏|字号|[大中小])$/;

/** Walk back over a title's chars (Han, digits, dashes) up to `max`. */
function walkBackTitle(text: string, at: number, max: number): number {
  let i = at;
  while (i > 0 && at - i < max && /[\u3400-\u9fff0-9０-９—\-－]/.test(text[i - 1])) i--;
  return i;
}

/** Walk back from `at` over up to `max` Han chars (and spaces, when allowed), stopping at `stop`. */
function walkBack(text: string, at: number, max: number, spaces = false, stop?: (c: number) => boolean): number {
  let i = at;
  while (i > 0 && at - i < max) {
    const c = text.charCodeAt(i - 1);
    if (stop?.(c)) break;
    if (isHan(c) || (spaces && (c === 32 || c === 0x3000))) i--;
    else break;
  }
  return i;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    // 按照《…关于印发…的通知》（国办发〔2020〕17号） is a citation, not a header
    else if (openAt(text, m.index).titles === 0) fn(m);
  }
}

const HAO = '号'.charCodeAt(0);
const FINDERS: Finder[] = [
  // 金昌市人民政府办公室文件 | 金政办发〔2023〕90号
  (text, cut) => {
    const m = /^[\u4e00-\u9fff]{4,30}?文件(?=[\u4e00-\u9fff]{1,10}[〔［[（(【]?\s*(?:19|20|１９|２０)[0-9\uff10-\uff19]{2})/.exec(text);
    if (m) cut(m[0].length);
  },
  // the 文号 itself, found from its bracket
  gated(['号'], (text, cut) =>
    each(DOC_NUMBER_TAIL, text, (m) => {
      const start = walkBack(text, m.index, 10);
      if (m.index - start < 2 || /[（(]$/.test(text.slice(0, start))) return;
      cut(start);
      cut(m.index + m[0].length);
    })),
  // 关于印发…的通知, with its issuer in front
  gated(['关于印发', '关于转发'], (text, cut) =>
    each(/关于(?:印发|转发)[^。：:]{2,80}?的通知/g, text, (m) => {
      const start = walkBack(text, m.index, 30, true, (c) => c === HAO);
      // a title stands on its own: …规定以及中共某区委办公室、某区政府办公室关于印发《…》的通知 is a citation in a sentence
      if (start > 0 && !/[\s\u3000。；！？号）)：:]/.test(text[start - 1])) return;
      cut(start);
      cut(m.index + m[0].length);
    })),
  // 署名 + 成文日期 (not the 印发 line): cut before, between and after
  gated(['年'], (text, cut) =>
    each(DATE_IN_TEXT, text, (m) => {
      if (/^[\s\u3000]*印发/.test(text.slice(m.index + m[0].length))) return;
      const head = text.slice(0, m.index).trimEnd();
      if (!endsLikeUnit(head.slice(-12))) return;
      const start = walkBack(head, head.length, 30);
      if (head.length - start < 4) return;
      cut(start);
      cut(m.index);
      cut(m.index + m[0].length);
    })),
  // a plan title run into a scraped page (…工作分工:关闭永昌县2025年政务公开工作要点2025年永昌县…):
  // it starts with its region's full name and body follows it
  gated(['工作要点', '实施方案', '工作方案'], (text, cut) =>
    each(/(?:工作要点|实施方案|工作方案)(?![》”"」的])/g, text, (m) => {
      const end = m.index + m[0].length;
      if (end >= text.length || !/[\u3400-\u9fff0-9０-９]/.test(text[end])) return;
      const from = walkBackTitle(text, m.index, 40);
      for (let k = from; k < m.index - 3; k++) {
        const r = leadingRegion(text.slice(k, k + 12));
        if (!r || !text.startsWith(r.region.name, k) || !/[省市县区州旗]$/.test(r.region.name)) continue;
        // only at a boundary: the region name is not the tail of a sentence's own words
        if (k > 0 && /[\u3400-\u9fff]/.test(text[k - 1]) && !NAV_TAIL.test(text.slice(Math.max(0, k - 4), k))) return;
        // 附件：某局2018年…实施方案 names the attachment: it stays in the notice's line
        if (/附件[0-9０-９]*[：:][\s\u3000]*$/.test(text.slice(Math.max(0, k - 6), k))) return;
        cut(k);
        cut(end);
        return;
      }
    })),
  // （此件公开发布）
  gated(['此件'], (text, cut) => each(/[（(]此件[^）)]{2,10}[）)]/g, text, (m) => (cut(m.index), cut(m.index + m[0].length)))),
  // 版记
  gated(['抄送', '抄报'], (text, cut) => each(/(?:抄送|抄报)[：:][^。]*。?/g, text, (m) => (cut(m.index), cut(m.index + m[0].length)))),
  gated(['公开属性'], (text, cut) => each(/公开属性[：:]\s*(?:主动公开|依申请公开|不予公开|免予公开)?。?/g, text, (m) => (cut(m.index), cut(m.index + m[0].length)))),
  gated(['印发'], (text, cut) =>
    each(DATE_IN_TEXT, text, (m) => {
      const printed = /^[\s\u3000]*印发/.exec(text.slice(m.index + m[0].length));
      if (printed) (cut(m.index), cut(m.index + m[0].length + printed[0].length));
    })),
];

// a plan title run into its own first line: 某市2024年工作要点一、总体要求…
const TITLE_RUN_ON = /^[^。：:，,；;（(、]{2,60}?(?:工作要点|实施方案|工作方案)(?![》”"」])(?=[一二三四五六七八九十]、|[（(][一二三四五六七八九十]|(?:19|20|１９|２０)[0-9\uff10-\uff19]{2}\s*年)/;

// the title regexes are costly: run them only where a plan word occurs
const PLAN_WORD = /工作要点|实施方案|工作方案/;
const PLAN_TITLE = /^[^。：:，,；;]{2,60}?(?:工作要点|实施方案|工作方案)(?![》”"」])/;
const RECIPIENTS = /^[^。：:]{2,150}?[：:]/;

/**
 * CMS text dumps write each lost line break as one space: `…执行。 平潭综合实验区经济发展局 2017年5月25日 一、总体要求 全面…`.
 * In Chinese running text a space has no other job, so a blob with several
 * such spaces is cut back into its lines there. Letter-spaced labels
 * (`索 引 号`, `工 作 要 求`) are single chars between spaces and stay whole.
 */
// digits are left out on both sides: typeset text spaces numbers (`对 26 个`)
const SOFT_BREAK = /(?<=[\u3400-\u9fff。；：:，、”’）)》」】〕])[ \u3000\u00a0]+(?=[\u3400-\u9fff“‘（(《「【〔\u2460-\u24730-9０-９])/g;
const MIN_SOFT_BREAKS = 3;
const META_GATE = /日期|文号|字号|机关|机构|索|标[ \u3000]*题|发布/;
const TITLE_TAIL = /(?:的通知|工作要点|实施方案|工作方案|行动方案|分工方案|方案|要点|意见|办法|细则)$/;

export function splitSoftBreaks(p: Para): Para[] {
  if (!/[ \u3000\u00a0]/.test(p.text)) return [p];
  const at: Array<[number, number]> = [];
  SOFT_BREAK.lastIndex = 0;
  for (let m = SOFT_BREAK.exec(p.text); m; m = SOFT_BREAK.exec(p.text)) at.push([m.index, m.index + m[0].length]);
  if (at.length < MIN_SOFT_BREAKS) return [p];
  const pieces: Para[] = [];
  let from = 0;
  // bracket depth at each break, in one pass (（…） and 《…》)
  let depth = 0;
  let scanned = 0;
  const depthAt = (pos: number) => {
    for (; scanned < pos; scanned++) {
      const c = p.text.charCodeAt(scanned);
      if (c === 0xff08 || c === 0x28 || c === 0x300a) depth++;
      else if ((c === 0xff09 || c === 0x29 || c === 0x300b) && depth > 0) depth--;
    }
    return depth;
  };
  for (let k = 0; k < at.length; k++) {
    const [a, b] = at[k];
    const open = depthAt(a) > 0;
    // letter spacing: a one-char token on either side of the space
    const nextEnd = k + 1 < at.length ? at[k + 1][0] : p.text.length;
    if (a - from <= 1 || nextEnd - b <= 1) continue;
    const before = p.text.slice(from, a);
    // before a digit only at a marker (`…稳增长 1.加强`), never `对 26 个`; also, a date, or after a unit name (a cell border of a collapsed table)
    if (/[0-9０-９]/.test(p.text[b]) && !parseMarker(p.text, b) && !DATE_AT_START.test(p.text.slice(b, b + 16)) && !endsLikeUnit(before.slice(-12))) continue;
    // `(一) 严格…`, `责任单位: 市…`, a space inside a parenthetical: not a line break
    if (parseMarker(before)?.length === before.length || CLAUSE_LABEL_LINE.test(before.slice(-8)) || open) continue;
    // 平潭综合实验区经济发展局关于 | 印发《…》: a title goes on after a word that cannot end a line
    if (/(?:关于|的|和|与|及|对|在|为|、)$/.test(before)) continue;
    // …主动公开(一) | 严格…: the space follows a marker run into the line before
    const tail = before.slice(-8);
    if (scanMarkers(tail).some((c) => c.at + c.length === tail.length)) continue;
    // 某市人民政府办公室 | 关于印发…, …政务公开 | 工作要点的通知: the title goes on
    const next = p.text.slice(b, nextEnd);
    if (/^关于/.test(next) || /^[^，。；：、\s]{0,12}的通知/.test(next) || (next.length <= 15 && !/[，。；：、]/.test(next) && TITLE_TAIL.test(next))) continue;
    pieces.push(slicePara(p, from, a));
    from = b;
  }
  pieces.push(slicePara(p, from));
  return pieces.filter((x) => x.text.trim().length > 0);
}

/**
 * A metadata box flattened into one line (`索 引 号： PZ… 发文机关： 某局 成文日期：2018-08-15 标 题： …`):
 * cut before each label, so every label：value pair is a line of its own.
 * Only where two or more of the box's identifying labels occur.
 */
export function splitMetaBox(p: Para): Para[] {
  // the label regex is slow on long text: a box has at least two colons and a 日期/文号/机关/索引 word
  if (!META_GATE.test(p.text) || p.text.split(/[：:]/).length < 3) return [p];
  const at: number[] = [];
  let strong = 0;
  META_LABEL_IN_TEXT.lastIndex = 0;
  for (let m = META_LABEL_IN_TEXT.exec(p.text); m; m = META_LABEL_IN_TEXT.exec(p.text)) {
    at.push(m.index);
    if (STRONG_META.test(m[0].replace(/[\s\u3000：:]+/g, ''))) strong++;
  }
  if (strong < 2) return [p];
  const pieces: Para[] = [];
  let from = 0;
  for (const a of at) {
    if (a > from) pieces.push(slicePara(p, from, a));
    from = a;
  }
  pieces.push(slicePara(p, from));
  return pieces.map(trimPara).filter((x) => x.text.length > 0);
}

export function unwrapBlobs(input: Para[]): Para[] {
  const out: Para[] = [];
  // pieces of a blob are still blob text: the header finders below run on them whatever their length
  const fromBlob = new Set<Para>();
  const paras = input.flatMap((p) => {
    if (p.kind !== 'paragraph' || p.text.length < MIN_BLOB) return [p];
    const pieces = splitMetaBox(p).flatMap((q) => (metaLineLabel(q.text) ? splitMetaValue(q) : splitSoftBreaks(q)));
    if (pieces.length > 1) for (const q of pieces) if (!metaLineLabel(q.text)) fromBlob.add(q);
    return pieces;
  });
  for (const p of paras) {
    if (p.kind !== 'paragraph') {
      out.push(p);
      continue;
    }
    if (p.text.length < MIN_BLOB && !fromBlob.has(p)) {
      const t = PLAN_WORD.test(p.text) ? TITLE_RUN_ON.exec(p.text) : null;
      if (t) out.push(slicePara(p, 0, t[0].length), trimPara(slicePara(p, t[0].length)));
      else out.push(p);
      continue;
    }
    const cuts = new Set<number>();
    const cut = (at: number) => cuts.add(at);
    for (const find of FINDERS) if (!find.needs || find.needs.some((n) => p.text.includes(n))) find(p.text, cut);
    const title = PLAN_WORD.test(p.text) ? TITLE_RUN_ON.exec(p.text) : null;
    if (title) cuts.add(title[0].length);
    const sorted = [...cuts].filter((c) => c > 0 && c < p.text.length).sort((a, b) => a - b);
    const pieces: Para[] = [];
    let from = 0;
    for (const c of sorted) {
      pieces.push(slicePara(p, from, c));
      from = c;
    }
    pieces.push(slicePara(p, from));
    // second pass: a 主送 line right after a notice title, a plan title right after a date or statement
    const refined: Para[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      const prev = refined[refined.length - 1]?.text ?? '';
      const m = /的通知$/.test(prev) || /号$/.test(prev) ? RECIPIENTS.exec(piece.text) : /日$|[）)]$/.test(prev) ? PLAN_TITLE.exec(piece.text) : null;
      if (m && m[0].length < piece.text.length) {
        refined.push(slicePara(piece, 0, m[0].length), slicePara(piece, m[0].length));
      } else refined.push(piece);
    }
    for (const r of refined) {
      const t = trimPara(r);
      if (t.text.length) out.push(t);
    }
  }
  return splitSignatures(out.flatMap(splitRecipients).flatMap(splitDatePrefix));
}


const TITLE_WORD_END = /^.*(?:方案|要点|通知|意见|办法|细则|规定|计划|规划|分解表)/;

/**
 * A 署名 glued to the end of the notice's last line (`…附件：某局2018年工作方案某局`)
 * and followed by its date line: the organ name is cut off as its own line,
 * so the signature, and the end of the notice, are seen.
 */
function splitSignatures(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const next = paras[i + 1];
    const t = p.text;
    if (!next || p.kind !== 'paragraph' || t.length <= 30 || !DATE_LINE.test(next.text) || /[。；：:，,）)」”]$/.test(t)) {
      out.push(p);
      continue;
    }
    const from = walkBack(t, t.length, 40);
    const title = TITLE_WORD_END.exec(t.slice(from));
    const start = from + (title ? title[0].length : 0);
    const sig = t.slice(start);
    if (sig.length >= 4 && sig.length < t.length && endsLikeUnit(sig)) out.push(slicePara(p, 0, start), slicePara(p, start));
    else out.push(p);
  }
  return out;
}

/**
 * One label：value piece of a box: the value is short (a 文号, a date, a name);
 * whatever follows it after a space is the page going on (有 效 性： 有效 某局关于…的通知).
 */
function splitMetaValue(p: Para): Para[] {
  const m = /^[^：:]*[：:][ \u3000]*\S+/.exec(p.text);
  if (!m || m[0].length >= p.text.length) return [p];
  // values with spaces inside: a date and time (2017-05-26 16:55)
  const rest = p.text.slice(m[0].length);
  const time = /^[ \u3000]+\d{1,2}:\d{2}(?::\d{2})?/.exec(rest);
  const end = m[0].length + (time ? time[0].length : 0);
  return [slicePara(p, 0, end), ...splitSoftBreaks(trimPara(slicePara(p, end)))].filter((x) => x.text.trim().length > 0);
}

/**
 * `各处室、机关党委、各村：根据…` — a 主送 line run into the notice body. Cut
 * after the colon when everything before it is a list of units (never a clause
 * label or a metadata label, which are units-shaped too).
 */
function splitRecipients(p: Para): Para[] {
  if (p.kind !== 'paragraph' || p.text.length < 40) return [p];
  const colon = firstColon(p.text, 151);
  if (colon < 4 || colon > 150) return [p];
  const head = p.text.slice(0, colon).replace(/[\s\u3000]+/g, '');
  // cheap tests first: a list has separators and no sentence end
  if (!/[、，,]/.test(head) || /[。；;（(]/.test(head) || CLAUSE_LABEL.test(head) || metaLineLabel(p.text) || !isUnitList(head)) return [p];
  return [slicePara(p, 0, colon + 1), trimPara(slicePara(p, colon + 1))];
}

function firstColon(text: string, limit: number): number {
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return i;
  }
  return -1;
}

/** `2019年7月18日福州海关…方案`: a 成文日期 glued to the plan title after it is cut off (never a 印发 line). */
function splitDatePrefix(p: Para): Para[] {
  if (p.kind !== 'paragraph') return [p];
  const m = DATE_AT_START.exec(p.text);
  if (!m || m[0].length >= p.text.length) return [p];
  const rest = p.text.slice(m[0].length);
  if (!/^[\u3400-\u9fff“《0-9０-９]/.test(rest) || /^\s*印发/.test(rest)) return [p];
  return [slicePara(p, 0, m[0].length), slicePara(p, m[0].length)];
}

