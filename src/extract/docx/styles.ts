/**
 * Paragraph styles from word/styles.xml, resolved through w:basedOn, so a
 * paragraph knows its style name (Heading?), numbering (a numbered Heading style),
 * alignment, indent and font size even when they are not set directly.
 */
import { child, children, isOn, val, type XmlElement } from './xml.js';

export interface ParaProps {
  name?: string;
  numId?: string;
  ilvl?: number;
  jc?: string;
  /** First-line indent in twips (negative = hanging). */
  firstLine?: number;
  /** First-line indent in hundredths of a character (w:firstLineChars), preferred by Chinese Word. */
  firstLineChars?: number;
  /** Run font size in half-points. */
  sz?: number;
  bold?: boolean;
  outlineLvl?: number;
}

export interface Styles {
  paragraph(styleId: string | undefined): ParaProps;
  /** Styles whose w:numPr links a numbering definition (w:numStyleLink targets). */
  numIdOfStyle(styleId: string): string | undefined;
}

const num = (s: string | undefined) => (s === undefined || s === '' || Number.isNaN(Number(s)) ? undefined : Number(s));

/** Read the paragraph-level properties we care about from a w:pPr (and optional w:rPr). */
export function readPPr(pPr: XmlElement | undefined, rPr?: XmlElement): ParaProps {
  const out: ParaProps = {};
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    out.numId = val(numPr, 'w:numId');
    out.ilvl = num(val(numPr, 'w:ilvl'));
  }
  const jc = val(pPr, 'w:jc');
  if (jc) out.jc = jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const a = ind.attrs;
    if (a['w:firstLineChars'] !== undefined) out.firstLineChars = num(a['w:firstLineChars']);
    else if (a['w:hangingChars'] !== undefined) out.firstLineChars = -(num(a['w:hangingChars']) ?? 0);
    if (a['w:firstLine'] !== undefined) out.firstLine = num(a['w:firstLine']);
    else if (a['w:hanging'] !== undefined) out.firstLine = -(num(a['w:hanging']) ?? 0);
  }
  const ol = num(val(pPr, 'w:outlineLvl'));
  if (ol !== undefined) out.outlineLvl = ol;
  const runProps = rPr ?? child(pPr, 'w:rPr');
  const sz = num(val(runProps, 'w:sz'));
  if (sz !== undefined) out.sz = sz;
  const b = isOn(child(runProps, 'w:b'));
  if (b !== undefined) out.bold = b;
  return out;
}

export function parseStyles(root: XmlElement | undefined): Styles {
  const raw = new Map<string, { basedOn?: string; props: ParaProps }>();
  let defaultId: string | undefined;
  const defaults = readPPr(child(child(child(root, 'w:docDefaults'), 'w:pPrDefault'), 'w:pPr'), child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
  for (const s of children(root, 'w:style')) {
    if (s.attrs['w:type'] !== 'paragraph' && s.attrs['w:type'] !== 'numbering') continue;
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const props = readPPr(child(s, 'w:pPr'), child(s, 'w:rPr'));
    props.name = val(s, 'w:name');
    raw.set(id, { basedOn: val(s, 'w:basedOn'), props });
    if (s.attrs['w:default'] === '1' && s.attrs['w:type'] === 'paragraph') defaultId = id;
  }
  const resolved = new Map<string, ParaProps>();
  const resolve = (id: string | undefined, depth = 0): ParaProps => {
    if (!id || depth > 20) return defaults;
    const hit = resolved.get(id);
    if (hit) return hit;
    const entry = raw.get(id);
    if (!entry) return id === defaultId ? defaults : resolve(defaultId, depth + 1);
    const base = resolve(entry.basedOn, depth + 1);
    // The style's name is its own; everything else inherits unless overridden.
    const merged: ParaProps = { ...base, ...stripUndefined(entry.props), name: entry.props.name };
    resolved.set(id, merged);
    return merged;
  };
  return {
    paragraph: (id) => resolve(id ?? defaultId),
    numIdOfStyle: (id) => raw.get(id)?.props.numId,
  };
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
