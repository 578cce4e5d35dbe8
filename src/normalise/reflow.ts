/**
 * Re-join paragraphs that a page break, a hard wrap or a blank line split in
 * the middle of a sentence (…中央、省 | 属在金有关单位…). A join is made only
 * when the first part cannot end a paragraph (it stops on a Han char or an
 * opening mark, or leaves a bracket open) and reads like running text, and the
 * second part does not open with an outline marker or a 版记 line.
 */
import { parseMarker } from '../../grammars/marker/marker.js';
import { joinParas, type Para } from './para.js';

const TERMINAL = /[。！？!?；;：:”’」』》）)\]】〕]$/;
const OPEN_TAIL = /[、，,（(“‘《〔【\[]$/;
const RUNNING_TEXT = /[。，,、；;]/;
const METADATA_HEAD = /^(?:抄送|抄报|公开属性|印发|主送|附件|（此件|\(此件)/;

function bracketsOpen(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(' || c === '《') depth++;
    else if ((c === '）' || c === ')' || c === '》') && depth > 0) depth--;
  }
  return depth > 0;
}

export function shouldJoin(a: Para, b: Para): boolean {
  if (a.kind !== 'paragraph' && a.kind !== 'heading') return false;
  if (b.kind !== 'paragraph' && b.kind !== 'heading') return false;
  const at = a.text;
  if (at.length === 0 || b.text.length === 0) return false;
  if (parseMarker(b.text) !== null) return false;
  if (METADATA_HEAD.test(b.text)) return false;
  // （牵头单位： | 市大数据中心…: a label cut off inside an open clause
  if (/[：:]$/.test(at) && bracketsOpen(at)) return true;
  if (TERMINAL.test(at)) return false;
  if (OPEN_TAIL.test(at)) return true;
  if (bracketsOpen(at)) return true;
  // a heading line (一、总体要求) or a title has no running-text punctuation (the 、 of its marker is not punctuation)
  const head = parseMarker(at);
  const body = head ? at.slice(head.length) : at;
  return RUNNING_TEXT.test(body) && body.length >= 16;
}

export interface ReflowJoin {
  /** Source offset where the second part starts. */
  at: number;
  /** Source offset where the first part ended. */
  after: number;
  page?: number;
}

export function reflow(paras: Para[]): { paras: Para[]; joins: ReflowJoin[] } {
  const out: Para[] = [];
  const joins: ReflowJoin[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && shouldJoin(prev, p)) {
      joins.push({ at: p.map[0], after: prev.end, page: p.page });
      out[out.length - 1] = joinParas(prev, p);
    } else out.push(p);
  }
  return { paras: out, joins };
}
