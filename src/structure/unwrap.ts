/**
 * Web pages saved as text often lose every line break: the red header, 文号,
 * notice title, 主送, body, 署名 and date, the plan title and the whole
 * outline arrive as one line. Outline markers are cut later by context
 * (segment.ts); this pass cuts the header and 版记 pieces of such a blob at
 * the places only a 公文 layout puts them. It runs only on very long
 * paragraphs, so ordinary line-broken text never reaches it.
 */
import { slicePara, trimPara, type Para } from '../normalise/para.js';

const MIN_BLOB = 120;

interface Cut {
  at: number;
}

const PATTERNS: Array<{ re: RegExp; before?: boolean; after?: boolean; group?: number }> = [
  // 金昌市人民政府办公室文件 | 金政办发〔2023〕90号
  { re: /^[\u4e00-\u9fff]{4,30}?文件(?=[\u4e00-\u9fff]{1,10}[〔［[（(【]?\s*(?:19|20)\d{2})/g, after: true },
  // the 文号 itself
  { re: /[\u4e00-\u9fff]{2,10}[〔［[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*\d{1,5}\s*号/g, before: true, after: true },
  // 关于印发…的通知 (with its issuer in front)
  { re: /(?:[\u4e00-\u53f6\u53f8-\u9fff]|[ \u3000]){0,30}关于(?:印发|转发)[^。：:]{2,80}?的通知/g, before: true, after: true },
  // 署名 + 成文日期 (not the 印发 line): cut before, between and after
  { re: /([\u4e00-\u9fff]{4,30}?(?:办公室|办公厅|人民政府)\s*)(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*印发)/g, before: true, after: true, group: 1 },
  // （此件公开发布）
  { re: /[（(]此件[^）)]{2,10}[）)]/g, before: true, after: true },
  // 版记
  { re: /(?:抄送|抄报)[：:][^。]*。?/g, before: true, after: true },
  { re: /公开属性[：:]\s*(?:主动公开|依申请公开|不予公开|免予公开)?。?/g, before: true, after: true },
  { re: /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发/g, before: true, after: true },
];

// a plan title run into its own first line: 某市2024年工作要点一、总体要求…
const TITLE_RUN_ON = /^[^。：:，,；;（(、]{2,60}?(?:工作要点|实施方案|工作方案)(?![》”"」])(?=[一二三四五六七八九十]、|[（(][一二三四五六七八九十]|(?:19|20)\d{2}\s*年)/;

const PLAN_TITLE = /^[^。：:，,；;]{2,60}?(?:工作要点|实施方案|工作方案)(?![》”"」])/;
const RECIPIENTS = /^[^。：:]{2,150}?[：:]/;

export function unwrapBlobs(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    if (p.kind !== 'paragraph') {
      out.push(p);
      continue;
    }
    if (p.text.length < MIN_BLOB) {
      const t = TITLE_RUN_ON.exec(p.text);
      if (t) out.push(slicePara(p, 0, t[0].length), trimPara(slicePara(p, t[0].length)));
      else out.push(p);
      continue;
    }
    const cuts = new Set<number>();
    for (const { re, before, after, group } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // 按照《…关于印发…的通知》（国办发〔2020〕17号） is a citation, not a header
        if (insideBookTitle(p.text, m.index) || /[（(]$/.test(p.text.slice(0, m.index))) continue;
        if (before && m.index > 0) cuts.add(m.index);
        if (after) cuts.add(m.index + m[0].length);
        if (group !== undefined && m[group]) cuts.add(m.index + m[group].length);
      }
    }
    const title = TITLE_RUN_ON.exec(p.text);
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
  return out;
}

/** Is `at` inside 《…》 or 〈…〉? Citations of other documents are not headers. */
function insideBookTitle(text: string, at: number): boolean {
  let depth = 0;
  for (let i = Math.max(0, at - 200); i < at; i++) {
    const c = text[i];
    if (c === '《' || c === '〈') depth++;
    else if ((c === '》' || c === '〉') && depth > 0) depth--;
  }
  return depth > 0;
}
