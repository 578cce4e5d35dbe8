/**
 * Markdown via unified + remark-parse. Heading levels are NOT trusted (a
 * converted PDF gives ## 一、 and #### 四、 in one document): headings become
 * ordinary blocks and the outline comes from the numbering markers later.
 * Text is taken from text nodes (mdast-util-to-string semantics) with source
 * offsets kept per char; literal ** left unparsed next to Chinese
 * punctuation is dropped.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, PhrasingContent, ListItem } from 'mdast';
import type { TextBlock, BlockKind } from './block.js';
import { checkMarkdownPrefixes, checkTree } from '../shared/complexity.js';

const processor = unified().use(remarkParse);

interface Piece {
  text: string;
  offsets: number[];
}

export function extractMarkdown(source: string): TextBlock[] {
  checkMarkdownPrefixes(source);
  const tree = processor.parse(source) as Root;
  checkTree(tree, 'The Markdown text'); // TOO_COMPLEX before the recursive walk below meets 15,000 nested quotes (issue 12)
  const blocks: TextBlock[] = [];
  let lastEnd = 0;

  const emit = (kind: BlockKind, piece: Piece, line: number) => {
    // split at line breaks; each line is a block, like a text file
    let from = 0;
    let lineNo = line;
    for (let i = 0; i <= piece.text.length; i++) {
      if (i === piece.text.length || piece.text[i] === '\n') {
        const text = piece.text.slice(from, i);
        const offsets = piece.offsets.slice(from, i);
        if (/[^\s\u3000]/.test(text)) {
          const start = offsets[0];
          const end = offsets[offsets.length - 1] + 1;
          const gap = blocks.length === 0 || from === 0 || /\n[ \t]*\n/.test(source.slice(lastEnd, start));
          const verbatim = source.slice(start, end) === text;
          blocks.push({
            kind: kind === 'heading' && from > 0 ? 'paragraph' : kind,
            text,
            span: { start, end, line: lineNo },
            offsets: verbatim ? undefined : Int32Array.from(offsets),
            gapBefore: gap,
          });
          lastEnd = end;
        }
        from = i + 1;
        lineNo++;
      }
    }
  };

  const walk = (nodes: RootContent[], listPrefix?: Piece) => {
    for (const node of nodes) {
      const pos = node.position;
      switch (node.type) {
        case 'heading':
        case 'paragraph': {
          const piece = phrasing(node.children, source);
          if (listPrefix) {
            piece.text = listPrefix.text + piece.text;
            piece.offsets = [...listPrefix.offsets, ...piece.offsets];
            listPrefix = undefined;
          }
          if (pos) emit(node.type === 'heading' ? 'heading' : 'paragraph', piece, pos.start.line);
          break;
        }
        case 'thematicBreak':
          if (pos) blocks.push({ kind: 'rule', text: '', span: { start: pos.start.offset!, end: pos.end.offset!, line: pos.start.line }, gapBefore: true });
          break;
        case 'list':
          for (const item of node.children as ListItem[]) {
            // the list marker ("1." / "-") is syntax to remark but content to a 公文
            const first = item.children[0]?.position?.start.offset;
            const itemStart = item.position?.start.offset;
            let prefix: Piece | undefined;
            if (node.ordered && first !== undefined && itemStart !== undefined) {
              const raw = source.slice(itemStart, first);
              const lead = raw.length - raw.trimStart().length;
              const marker = raw.trim();
              prefix = { text: marker, offsets: Array.from(marker, (_, i) => itemStart + lead + i) };
            }
            walk(item.children, prefix);
          }
          break;
        case 'blockquote':
          walk(node.children);
          break;
        case 'code':
        case 'html': {
          if (!pos) break;
          const value = node.value;
          const start = source.indexOf(value, pos.start.offset!);
          const base = start >= 0 ? start : pos.start.offset!;
          emit('paragraph', { text: value, offsets: Array.from(value, (_, i) => base + i) }, pos.start.line);
          break;
        }
        default: {
          // tables, definitions, footnotes…: keep their text
          if (!pos) break;
          const text = toString(node);
          if (text) emit('paragraph', { text, offsets: Array.from(text, (_, i) => Math.min(pos.start.offset! + i, pos.end.offset! - 1)) }, pos.start.line);
        }
      }
    }
  };
  walk(tree.children);
  return blocks;
}

/** Inline content to text + per-char source offsets; breaks become '\n'. */
function phrasing(nodes: PhrasingContent[], source: string): Piece {
  const out: Piece = { text: '', offsets: [] };
  const add = (value: string, start: number, end: number) => {
    const exact = end - start === value.length && source.slice(start, end) === value;
    for (let i = 0; i < value.length; i++) {
      // drop literal emphasis marks remark left in the text
      if ((value[i] === '*' || value[i] === '_') && (value[i + 1] === value[i] || value[i - 1] === value[i])) continue;
      out.text += value[i];
      out.offsets.push(exact ? start + i : Math.min(start + i, Math.max(start, end - 1)));
    }
  };
  const visit = (list: PhrasingContent[]) => {
    for (const n of list) {
      const p = n.position;
      if (n.type === 'text' || n.type === 'inlineCode') {
        if (p) add(n.value, p.start.offset!, p.end.offset!);
      } else if (n.type === 'break') {
        out.text += '\n';
        out.offsets.push(p ? p.start.offset! : out.offsets[out.offsets.length - 1] ?? 0);
      } else if (n.type === 'html') {
        if (/^<br\s*\/?>$/i.test(n.value)) {
          out.text += '\n';
          out.offsets.push(p ? p.start.offset! : 0);
        }
      } else if ('children' in n) visit(n.children as PhrasingContent[]);
    }
  };
  visit(nodes);
  return out;
}
