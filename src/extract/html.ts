/**
 * HTML → TextBlocks. Walks the hast tree as a browser lays it out: block-level
 * elements (and <br>) end a block, inline elements flow into the current one.
 * Site furniture (menus, breadcrumbs, footers) goes to `noise`, not `blocks`.
 */
import { lineIndex, lineOf } from '../shared/line-index.js';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { BlockKind, TextBlock } from './block.js';
import { alignText } from './html/align.js';
import { checkHtmlComplexity } from './html/depth.js';
import { DROPPED, noiseRole } from './html/noise.js';
import { TextBuilder, type BuiltText } from './html/text-builder.js';
import { buildGrid, findTaskHeader, inlineMetaLabel, joinPair, labelOf, metaItems, rowCells, tableRows, type Grid } from './html/table.js';

export interface HtmlExtraction {
  blocks: TextBlock[];
  noise: TextBlock[];
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'plaintext', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'xmp', 'button',
  'select', 'textarea', 'head',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function extractHtml(html: string): HtmlExtraction {
  if (typeof html !== 'string' || html.trim() === '') return { blocks: [], noise: [] };
  checkHtmlComplexity(html); // TOO_COMPLEX before building a tree for a hostile page (issue 12)
  const tree = parse(html);
  if (!tree) return { blocks: [], noise: [] };
  return new HtmlWalker(html).run(tree);
}

/**
 * Parse with positions. hast conversion recurses per nesting level, so absurdly deep
 * (broken) pages overflow the stack; retry with the nesting tags blanked out
 * (same length, so offsets stay valid), then with all tags blanked.
 */
function parse(html: string): Root | undefined {
  const attempts = [
    () => html,
    () => html.replace(/<\/?(?!(?:p|br|hr|h[1-6]|li|tr|td|th|table)\b)[a-zA-Z][^>]*>/g, (m) => ' '.repeat(m.length)),
    () => html.replace(/<[^>]*>/g, (m) => ' '.repeat(m.length)),
  ];
  for (const source of attempts) {
    try {
      return unified().use(rehypeParse).parse(source());
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return undefined;
}

/** A block-level element being walked. */
interface Frame {
  el?: Element;
  kind: BlockKind;
  noise?: string;
  align?: 'left' | 'center' | 'right';
  inArticle: boolean;
  /** Something was emitted while this frame was open (its text is then a fragment, not the whole element). */
  emitted: boolean;
  /** <ol> item counter; <li> marker waiting for the item's first block. */
  counter?: number;
  listMarker?: string;
}

type Step = { node: RootContent | ElementContent } | { exit: Frame };

class HtmlWalker {
  private readonly blocks: TextBlock[] = [];
  private readonly noise: TextBlock[] = [];
  private readonly buf = new TextBuilder();
  private readonly frames: Frame[] = [];
  private gap = true;
  private lineStarts?: Int32Array;

  constructor(private readonly html: string) {}

  run(tree: Root): HtmlExtraction {
    this.frames.push({ kind: 'paragraph', inArticle: false, emitted: false });
    this.pageTitle();
    // Explicit stack instead of recursion: broken pages nest thousands deep.
    const stack: Step[] = [];
    for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i] });
    while (stack.length > 0) {
      const step = stack.pop()!;
      if ('exit' in step) {
        this.exitBlock(step.exit);
        continue;
      }
      const node = step.node;
      if (node.type === 'text') this.text(node.value, node.position?.start.offset, node.position?.end.offset);
      else if (node.type === 'element') this.element(node, stack);
    }
    this.flush();
    for (const block of this.blocks) {
      // A "索引号：…" line outside a recognised box (e.g. a <ul> of meta items) is still metadata.
      if (block.kind === 'paragraph' && !block.role && inlineMetaLabel(block.text, true)) block.role = 'meta';
    }
    return { blocks: this.blocks, noise: this.noise };
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private element(el: Element, stack: Step[]): void {
    const tag = el.tagName;
    if (DROPPED.has(tag)) return;
    if (tag === 'br') return this.lineBreak();
    if (tag === 'hr') return this.rule(el);
    if (tag === 'table' && this.table(el)) return;
    if (tag === 'dl' && this.definitionList(el)) return;

    const parent = this.top;
    const role = noiseRole(el, parent.inArticle);
    if (!BLOCK_TAGS.has(tag) && !role) {
      // Inline: children flow into the current block.
      for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i] });
      return;
    }
    this.flush();
    this.gap = true;
    const frame: Frame = {
      el,
      kind: HEADINGS.has(tag) || parent.kind === 'heading' ? 'heading' : 'paragraph',
      noise: parent.noise ?? role,
      align: alignOf(el) ?? parent.align,
      inArticle: parent.inArticle || tag === 'article' || tag === 'main',
      emitted: false,
    };
    if (tag === 'ol') frame.counter = Number(el.properties.start ?? 1) || 1;
    if (tag === 'li' && parent.counter !== undefined) {
      const value = Number(el.properties.value);
      if (Number.isFinite(value) && el.properties.value !== undefined) parent.counter = value;
      frame.listMarker = `${parent.counter}.`;
      parent.counter++;
    }
    this.frames.push(frame);
    stack.push({ exit: frame });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i] });
  }

  private exitBlock(frame: Frame): void {
    const emittedInside = frame.emitted;
    const pos = frame.el?.position;
    // The element's own span when its whole content is this one block.
    const whole = !emittedInside && pos?.start.offset !== undefined && pos.end.offset !== undefined ? pos : undefined;
    const did = this.flush(whole ? { start: pos!.start.offset!, end: pos!.end.offset!, line: pos!.start.line } : undefined);
    this.frames.pop();
    if (emittedInside || did) this.top.emitted = true;
    this.gap = true;
  }

  private text(value: string, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) {
      // No position (synthesised node): pin every char to the last known point.
      const at = this.lastOffset();
      this.buf.append(value, new Int32Array(value.length + 1).fill(at));
      return;
    }
    this.buf.append(value, alignText(this.html, start, end, value));
  }

  private lastOffset(): number {
    const list = this.top.noise ? this.noise : this.blocks;
    return list.length > 0 ? list[list.length - 1].span.end : 0;
  }

  private lineBreak(): void {
    // An empty line (<br><br>) is a paragraph gap, like a blank line in text.
    if (!this.flush()) this.gap = true;
  }

  private rule(el: Element): void {
    this.flush();
    const pos = el.position;
    const start = pos?.start.offset ?? this.lastOffset();
    const block: TextBlock = { kind: 'rule', text: '', span: { start, end: pos?.end.offset ?? start, line: pos?.start.line ?? this.lineAt(start) }, gapBefore: true };
    this.push(block);
    this.gap = true;
  }

  /** Emit the pending text as a block; `span` overrides the text's own range. Returns whether a block was emitted. */
  private flush(span?: { start: number; end: number; line: number }): boolean {
    const built = this.buf.take();
    if (!built) return false;
    const frame = this.top;
    const block: TextBlock = {
      kind: frame.kind,
      text: built.text,
      span: span ?? { start: built.start, end: built.end, line: this.lineAt(built.start) },
      // Always set: the span starts at the tag, not at the text.
      offsets: built.offsets,
      gapBefore: this.gap,
    };
    if (frame.kind === 'heading' && frame.el && /^h[1-6]$/.test(frame.el.tagName)) block.style = { name: frame.el.tagName };
    if (frame.align) block.style = { ...block.style, align: frame.align };
    const marker = this.pendingListMarker();
    if (marker) block.listMarker = marker;
    this.push(block);
    this.gap = false;
    return true;
  }

  private pendingListMarker(): string | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.listMarker !== undefined) {
        const m = f.listMarker;
        f.listMarker = undefined;
        return m;
      }
      if (f.el?.tagName === 'li' || f.el?.tagName === 'ol' || f.el?.tagName === 'ul') return undefined;
    }
    return undefined;
  }

  private push(block: TextBlock, forceContent = false): void {
    const frame = this.top;
    frame.emitted = true;
    if (frame.noise && !forceContent) {
      block.role = frame.noise;
      this.noise.push(block);
    } else {
      this.blocks.push(block);
    }
  }

  // ------------------------------------------------------------ tables

  /** Task ledgers and metadata boxes are emitted here; returns false for layout tables (walked as content). */
  private table(el: Element): boolean {
    const rows = tableRows(el);
    if (rows.length === 0) return false;
    const grid = buildGrid(rows, (cell) => this.cellText(cell));
    const header = findTaskHeader(grid);
    if (header) {
      this.flush();
      this.taskRows(grid, header.headerRow, header.bodyStart, header.header);
      this.gap = true;
      return true;
    }
    const meta = metaItems(grid);
    if (meta) {
      this.flush();
      for (const item of meta) {
        if (item.type === 'pair') this.metaBlock(joinPair(item.label.text!, item.value.text!));
        else if (item.type === 'inline') this.metaBlock(item.cell.text!);
        else this.cellBlock(item.cell.text!, item.cell.el, undefined);
      }
      this.gap = true;
      return true;
    }
    return false;
  }

  private taskRows(grid: Grid, headerRow: number, bodyStart: number, header: string[]): void {
    const full = (r: number) => rowCells(grid, r);
    for (let r = 0; r < headerRow; r++) for (const cell of full(r)) if (cell.row === r && cell.text) this.cellBlock(cell.text, cell.el, 'table-caption');
    let first = true;
    for (let r = bodyStart; r < grid.rows.length; r++) {
      const distinct = full(r);
      if (distinct.every((cell) => !cell.text)) continue;
      if (distinct.length === 1 && grid.width > 1) {
        // One cell across the whole table: a section heading (一、…) or a note (备注：…), not a task.
        if (distinct[0].row === r && distinct[0].text) this.cellBlock(distinct[0].text, distinct[0].el, 'table-section');
        first = true;
        continue;
      }
      // Array.from, not map: a row short of the grid (a huge colspan elsewhere) has holes that map would keep (found by fuzzing)
      const cells = Array.from(grid.slots[r], (cell) => cell?.text?.text ?? '');
      while (cells.length < grid.width) cells.push('');
      // Row text: the distinct cells, tab-separated; offsets point at each cell's source (merged cells: the origin row).
      const chars: string[] = [];
      const offs: number[] = [];
      for (const cell of distinct) {
        if (!cell.text) continue;
        if (chars.length > 0) {
          chars.push('\t');
          offs.push(cell.text.start);
        }
        chars.push(cell.text.text);
        for (const o of cell.text.offsets) offs.push(o);
      }
      const pos = grid.rows[r].position;
      const start = pos?.start.offset ?? offs[0];
      const block: TextBlock = {
        kind: 'table-row',
        text: chars.join(''),
        span: { start, end: pos?.end.offset ?? start, line: pos?.start.line ?? this.lineAt(start) },
        offsets: Int32Array.from(offs),
        gapBefore: first,
        cells,
        header: header.slice(),
      };
      this.push(block);
      first = false;
    }
  }

  /**
   * The page's own title — `<meta name="ArticleTitle">`, else `<title>` without
   * its ` - site name` tail — as a `标题：…` metadata line: evidence for the
   * title of a document whose body prints none.
   */
  private pageTitle(): void {
    const m =
      /<meta\s+name=["']ArticleTitle["']\s+content=["']([^"'<>]{2,200})["']/i.exec(this.html) ??
      /<title[^>]*>([^<]{2,200})<\/title>/i.exec(this.html);
    if (!m) return;
    let value = m[1].trim();
    const at = m.index + m[0].indexOf(m[1]) + m[1].indexOf(value);
    value = value.replace(/[\s\u3000]*(?:[-_|—–]|——)[^-_|—–]{2,40}$/, '').trim();
    if (!value || /&[a-z#0-9]+;/i.test(value)) return;
    const prefix = '标题：';
    const offsets = new Int32Array(prefix.length + value.length);
    for (let i = 0; i < offsets.length; i++) offsets[i] = i < prefix.length ? at : at + i - prefix.length;
    this.metaBlock({ text: prefix + value, offsets, start: at, end: at + value.length });
  }

  private metaBlock(text: BuiltText): void {
    // Metadata is evidence for the core even when the box sits inside page chrome.
    this.push({ kind: 'paragraph', text: text.text, span: { start: text.start, end: text.end, line: this.lineAt(text.start) }, offsets: text.offsets, gapBefore: true, role: 'meta' }, true);
  }

  private cellBlock(text: BuiltText, el: Element, role: string | undefined): void {
    const pos = el.position;
    const span = pos?.start.offset !== undefined && pos.end.offset !== undefined ? { start: pos.start.offset, end: pos.end.offset, line: pos.start.line } : { start: text.start, end: text.end, line: this.lineAt(text.start) };
    const block: TextBlock = { kind: 'paragraph', text: text.text, span, offsets: text.offsets, gapBefore: true };
    if (role) block.role = role;
    this.push(block);
  }

  /** A <dl> of 索引号 / 发文机关 … terms: emit `label：value` meta blocks. */
  private definitionList(el: Element): boolean {
    const items = el.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'dt' || c.tagName === 'dd'));
    const pairs: [BuiltText, BuiltText][] = [];
    for (let i = 0; i + 1 < items.length; i++) {
      if (items[i].tagName !== 'dt' || items[i + 1].tagName !== 'dd') continue;
      const label = this.cellText(items[i]);
      const value = this.cellText(items[i + 1]);
      if (label && value && labelOf(label.text)) pairs.push([label, value]);
    }
    if (pairs.length < 2) return false;
    this.flush();
    for (const [label, value] of pairs) this.metaBlock(joinPair(label, value));
    this.gap = true;
    return true;
  }

  /** All text of a cell as one run; inner block boundaries and <br> become spaces. */
  private cellText(root: Element): BuiltText | undefined {
    const builder = new TextBuilder();
    const stack: (ElementContent | RootContent)[] = root.children.slice().reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'text') {
        const p = node.position;
        if (p?.start.offset !== undefined && p.end.offset !== undefined) builder.append(node.value, alignText(this.html, p.start.offset, p.end.offset, node.value));
      } else if (node.type === 'element' && !DROPPED.has(node.tagName)) {
        if (node.tagName === 'br' || BLOCK_TAGS.has(node.tagName)) builder.hardBreak(node.position?.start.offset ?? 0);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      }
    }
    return builder.take();
  }

  private lineAt(offset: number): number {
    this.lineStarts ??= lineIndex(this.html);
    return lineOf(this.lineStarts, offset);
  }
}

function alignOf(el: Element): 'left' | 'center' | 'right' | undefined {
  // align= on a table or image places the box; it does not align the text inside.
  const attr = el.tagName === 'table' || el.tagName === 'img' ? undefined : el.properties.align;
  const style = typeof el.properties.style === 'string' ? /text-align\s*:\s*(left|center|right)/i.exec(el.properties.style)?.[1] : undefined;
  const value = (style ?? (typeof attr === 'string' ? attr : '')).toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : undefined;
}
