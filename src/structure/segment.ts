/**
 * Line-level pass: cut paragraphs where an outline marker opens, including
 * markers run into the middle of a line by web scraping (…公开。（二）持续…,
 * or a whole plan on one line). A mid-line marker is accepted only in
 * context: after 。；：！？ or a closing bracket (or, for a bracketed marker,
 * anywhere but after 第), and only when its ordinal continues the sequence of
 * its style (next, a repeat, or a restart at 1). `2.5亿元` is never a marker
 * (the grammar refuses it) and `第1季度` never reaches the grammar.
 */
import { parseMarker, LEVEL_OF_STYLE, type MarkerMatch, type MarkerStyle } from '../../grammars/marker/marker.js';
import { slicePara, trimPara, type Para } from '../normalise/para.js';

export interface Line extends Para {
  marker?: MarkerMatch;
  /** True when the marker was found mid-paragraph and the paragraph was cut there. */
  cut?: boolean;
}

const BOUNDARY_CHARS = new Set([...'。；;：:！？!?）)']);
const OPENERS = new Set([...'（(〔［【']);
const CANDIDATE_SITE = /[。；;：:！？!?）)（(〔［【]/g;
const BRACKETED = /^[（(〔［【][ \u3000]*[一二三四五六七八九十]+[ \u3000]*[）)〕］】]/;

const STYLES = Object.keys(LEVEL_OF_STYLE) as MarkerStyle[];

class Sequence {
  private last = new Map<MarkerStyle, number>();
  private higherSince = new Map<MarkerStyle, boolean>();
  see(m: MarkerMatch) {
    this.last.set(m.style, m.ordinal);
    this.higherSince.set(m.style, false);
    // a higher-level marker lets every deeper style restart at 1
    const level = LEVEL_OF_STYLE[m.style];
    for (const style of STYLES) if (LEVEL_OF_STYLE[style] > level) this.higherSince.set(style, true);
  }
  plausible(m: MarkerMatch, bracketed: boolean): boolean {
    const last = this.last.get(m.style);
    if (last === undefined) return m.ordinal === 1;
    if (m.ordinal === last + 1) return true;
    if (bracketed && m.ordinal === last) return true;
    return m.ordinal === 1 && (this.higherSince.get(m.style) ?? false);
  }
}

export function segmentLines(paras: Para[]): Line[] {
  const out: Line[] = [];
  const seq = new Sequence();
  for (const para of paras) {
    if (para.kind === 'table-row' || para.kind === 'rule' || para.kind === 'furniture') {
      out.push(para);
      continue;
    }
    const text = para.text;
    const cuts: Array<{ at: number; marker: MarkerMatch }> = [];
    const head = parseMarker(text);
    if (head) seq.see(head);
    // Candidates: the first non-space char after a sentence boundary, and
    // every opening bracket. Scanning for these is far cheaper than trying
    // every digit and 一 in the text.
    let minNext = head ? head.length : 1;
    CANDIDATE_SITE.lastIndex = 1;
    for (let m = CANDIDATE_SITE.exec(text); m; m = CANDIDATE_SITE.exec(text)) {
      let at = m.index;
      const opening = OPENERS.has(text[at]);
      let prev: string;
      if (opening) {
        let k = at - 1;
        while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000)) k--;
        prev = k >= 0 ? text[k] : '';
      } else {
        // a boundary char: the candidate is what follows it
        prev = text[at];
        at++;
        while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 0x3000)) at++;
        if (at >= text.length) break;
        if (OPENERS.has(text[at])) continue; // the bracket is its own site
      }
      if (at < minNext) continue;
      const afterBoundary = prev !== '' && BOUNDARY_CHARS.has(prev);
      const bracketed = opening && BRACKETED.test(text.slice(at, at + 8));
      if (!afterBoundary && !(bracketed && prev !== '' && prev !== '第')) continue;
      const marker = parseMarker(text, at);
      if (!marker) continue;
      const next = text.charAt(at + marker.length);
      if (next === '' || /[，,。、]/.test(next)) continue;
      if (!seq.plausible(marker, bracketed)) continue;
      seq.see(marker);
      cuts.push({ at, marker });
      minNext = at + marker.length;
    }
    let from = 0;
    let marker = head ?? undefined;
    for (const c of cuts) {
      const piece = trimPara(slicePara(para, from, c.at));
      if (piece.text) out.push({ ...piece, marker, cut: from > 0 });
      from = c.at;
      marker = c.marker;
    }
    const last = trimPara(slicePara(para, from));
    if (last.text) out.push({ ...last, marker, cut: from > 0 });
  }
  return out;
}
