/**
 * Walk word/document.xml's body in order: paragraphs (text, style hints,
 * recovered list markers) and tables. Headers, footers, footnotes, comments and
 * deleted text are not body text and are never reached from here.
 */
import type { TextBlock } from '../block.js';
import type { Numbering } from './numbering.js';
import { readPPr, stripUndefined, type ParaProps, type Styles } from './styles.js';
import { expandTable } from './tables.js';
import { child, isOn, val, type XmlElement } from './xml.js';

export type BodyItem =
  | { type: 'paragraph'; text: string; heading: boolean; listMarker?: string; style: NonNullable<TextBlock['style']> }
  | { type: 'table'; rows: string[][]; headerRows: number };

/** Elements whose content is never body text. */
const SKIP = new Set([
  'w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:footnoteReference', 'w:endnoteReference',
  'w:commentReference', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:proofErr', 'w:bookmarkStart', 'w:bookmarkEnd',
  'w:lastRenderedPageBreak', 'w:fldChar', 'w:sectPr', 'w:tblPr', 'w:tblGrid',
]);

interface RunAcc {
  text: string;
  /** Characters per font size (half-points), to find the paragraph's dominant size. */
  sizes: Map<number, number>;
  boldChars: number;
  chars: number;
}

export class BodyWalker {
  readonly items: BodyItem[] = [];
  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  walk(container: XmlElement | undefined): void {
    if (!container) return;
    for (const c of container.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:p') this.paragraph(c);
      else if (c.name === 'w:tbl') this.table(c);
      else if (c.name === 'w:sdt') this.walk(child(c, 'w:sdtContent'));
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') this.walk(c);
    }
  }

  private paragraph(p: XmlElement): void {
    const pPr = child(p, 'w:pPr');
    const direct = readPPr(pPr);
    // A w:rPr inside w:pPr formats the paragraph mark (¶), not the runs: it says nothing about the text.
    delete direct.sz;
    delete direct.bold;
    const styleId = val(pPr, 'w:pStyle');
    const fromStyle = this.styles.paragraph(styleId);
    const props: ParaProps = { ...fromStyle, ...stripUndefined(direct), name: fromStyle.name };
    // Run defaults from the paragraph style, so an unsized run inherits the style's size.
    const acc: RunAcc = { text: '', sizes: new Map(), boldChars: 0, chars: 0 };
    const boxes: XmlElement[] = [];
    this.runs(p, acc, props, boxes);
    // Text boxes (often the red 发文机关标志) hold whole paragraphs: emit them before their anchor.
    for (const box of boxes) this.walk(box);

    // Numbering is counted even for empty paragraphs: Word does.
    const numId = direct.numId ?? fromStyle.numId;
    const ilvl = direct.ilvl ?? (direct.numId === undefined ? fromStyle.ilvl : undefined) ?? 0;
    const marker = this.numbering.next(numId, ilvl);
    const text = acc.text.replace(/^[ \u00a0]+|[ \u00a0]+$/g, '');
    if (!text.trim()) return;

    let size = props.sz;
    let best = -1;
    for (const [s, n] of acc.sizes) if (n > best) (best = n), (size = s);
    const fontSize = size === undefined ? undefined : size / 2;
    const style: NonNullable<TextBlock['style']> = {};
    if (props.name) style.name = props.name;
    if (fontSize !== undefined) style.fontSize = fontSize;
    if (acc.chars > 0 && acc.boldChars === acc.chars) style.bold = true;
    const align = props.jc === 'center' ? 'center' : props.jc === 'right' || props.jc === 'end' ? 'right' : props.jc ? 'left' : undefined;
    if (align) style.align = align;
    // First-line indent in characters (em), the unit 公文 layout is specified in.
    if (props.firstLineChars !== undefined) style.indent = props.firstLineChars / 100;
    else if (props.firstLine !== undefined && fontSize) style.indent = Math.round((props.firstLine / 20 / fontSize) * 2) / 2;

    const heading = /^(?:heading\s*\d|title|标题\s*\d*)$/i.test(props.name ?? '') || (props.outlineLvl !== undefined && props.outlineLvl < 9);
    const shown = marker && !marker.isBullet && marker.marker ? marker.marker + marker.separator + text : text;
    this.items.push({ type: 'paragraph', text: shown, heading, ...(marker?.marker ? { listMarker: marker.marker } : {}), style });
  }

  /** Collect run text in document order, skipping deleted, hidden and field-code text. */
  private runs(el: XmlElement, acc: RunAcc, props: ParaProps, boxes: XmlElement[]): void {
    for (const c of el.children) {
      if (typeof c === 'string' || SKIP.has(c.name)) continue;
      switch (c.name) {
        case 'w:r':
          this.run(c, acc, props, boxes);
          break;
        case 'mc:AlternateContent': {
          // Choice and Fallback carry the same content: take only one.
          const pick = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
          if (pick) this.runs(pick, acc, props, boxes);
          break;
        }
        case 'w:txbxContent':
          boxes.push(c);
          break;
        default:
          // w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:sdt/w:sdtContent, w:customXml, w:moveTo,
          // drawings (which may hold text boxes)…
          this.runs(c, acc, props, boxes);
      }
    }
  }

  private run(r: XmlElement, acc: RunAcc, props: ParaProps, boxes: XmlElement[]): void {
    const rPr = child(r, 'w:rPr');
    if (isOn(child(rPr, 'w:vanish')) || isOn(child(rPr, 'w:webHidden'))) return; // hidden text is not content
    const szVal = val(rPr, 'w:sz');
    const sz = szVal !== undefined ? Number(szVal) : props.sz;
    const bold = isOn(child(rPr, 'w:b')) ?? props.bold ?? false;
    let text = '';
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:t':
          for (const t of c.children) if (typeof t === 'string') text += t;
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br':
          // Page and column breaks are layout; a text-wrapping break is a real line break.
          if (c.attrs['w:type'] !== 'page' && c.attrs['w:type'] !== 'column') text += '\n';
          break;
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:sym': {
          const code = parseInt(c.attrs['w:char'] ?? '', 16);
          // Symbol-font code points (F0xx) have no meaning outside that font; past U+10FFFF
          // (a damaged or hostile w:char) String.fromCodePoint would throw.
          if (code > 0 && code <= 0x10ffff && !(code >= 0xf000 && code <= 0xf0ff)) text += String.fromCodePoint(code);
          break;
        }
        case 'mc:AlternateContent':
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.runs(c, acc, props, boxes);
          break;
        default:
          break;
      }
    }
    if (!text) return;
    acc.text += text;
    const n = text.replace(/\s/g, '').length;
    acc.chars += n;
    if (bold) acc.boldChars += n;
    if (sz !== undefined && !Number.isNaN(sz)) acc.sizes.set(sz, (acc.sizes.get(sz) ?? 0) + n);
  }

  private table(tbl: XmlElement): void {
    const { rows, headerRows } = expandTable(tbl, (tc) => this.cellText(tc));
    if (rows.length) this.items.push({ type: 'table', rows, headerRows });
  }

  /** A cell's paragraphs (numbering applied, nested tables flattened), one per line. */
  private cellText(tc: XmlElement): string {
    const inner = new BodyWalker(this.styles, this.numbering);
    inner.walk(tc);
    return inner.items
      .map((it) => (it.type === 'paragraph' ? it.text : it.rows.map((r) => r.join('\t')).join('\n')))
      .join('\n')
      .trim();
  }
}
