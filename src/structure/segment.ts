/**
 * Line-level pass: cut paragraphs where an outline item opens, including items
 * run into the middle of a line by web scraping (…公开。（二）持续…, a whole
 * plan on one line, a heading glued to its first item). Which markers open an
 * item is the outline decoder's decision (outline/decoder.ts), made over the
 * whole document; the marker grammar only says what a marker is.
 */
import type { MarkerMatch } from '../../grammars/marker/marker.js';
import { slicePara, trimPara, type Para } from '../normalise/para.js';
import { candidatesOf, decode, type DecodeOptions } from './outline/decoder.js';

export interface Line extends Para {
  marker?: MarkerMatch;
  /** True when the marker was found mid-paragraph and the paragraph was cut there. */
  cut?: boolean;
}

const OUTSIDE_OUTLINE = new Set(['table-row', 'rule', 'furniture']);

export function segmentLines(paras: Para[], options: DecodeOptions = {}): Line[] {
  const texts = paras.map((p) => (OUTSIDE_OUTLINE.has(p.kind) ? null : p.text));
  const chosen = decode(candidatesOf(texts, options.weights), options);
  const byPara = new Map<number, typeof chosen>();
  for (const c of chosen) {
    const list = byPara.get(c.para);
    if (list) list.push(c);
    else byPara.set(c.para, [c]);
  }
  const out: Line[] = [];
  paras.forEach((para, i) => {
    const cuts = byPara.get(i);
    if (!cuts) {
      out.push(para);
      return;
    }
    let from = 0;
    let marker: MarkerMatch | undefined;
    for (const c of cuts) {
      if (c.at > from) {
        const piece = trimPara(slicePara(para, from, c.at)) as Line;
        // slicePara made a fresh object: set the fields instead of copying it again
        if (piece.text) out.push(Object.assign(piece, { marker, cut: from > 0 }));
      }
      from = c.at;
      marker = { style: c.style, ordinal: c.ordinal, raw: c.raw, length: c.length };
      if (c.decimal) marker.decimal = true;
    }
    const last = trimPara(slicePara(para, from)) as Line;
    if (last.text) out.push(Object.assign(last, { marker, cut: from > 0 }));
  });
  return out;
}
