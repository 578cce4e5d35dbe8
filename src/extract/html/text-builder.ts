/**
 * Accumulates the text of one block from text-node pieces, collapsing runs of
 * ASCII whitespace and NBSP to one space (as a browser renders them) while
 * keeping one source offset per output char. Everything else stays as written.
 */
export interface BuiltText {
  text: string;
  offsets: Int32Array;
  /** Source offset of the first char. */
  start: number;
  /** Source offset one past the last char. */
  end: number;
}

const NONE = 0;
const SPACE = 1;
const SEGMENT = 2; // whitespace containing a line break
const HARD = 3; // a structural break (block boundary inside a table cell)

export class TextBuilder {
  private parts: string[] = [];
  private offs: number[] = [];
  private lastChar = 0;
  private lastEnd = 0;
  private pending = NONE;
  private pendingOffset = 0;

  get isEmpty(): boolean {
    return this.offs.length === 0;
  }

  /** Append a text node's value; `offsets` comes from alignText (value.length + 1 entries). */
  append(value: string, offsets: Int32Array): void {
    for (let j = 0; j < value.length; j++) {
      const c = value.charCodeAt(j);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0xa0) {
        const kind = c === 0x0a || c === 0x0d ? SEGMENT : SPACE;
        if (this.pending === NONE) this.pendingOffset = offsets[j];
        if (kind > this.pending) this.pending = kind;
        continue;
      }
      this.flushPending(c);
      this.parts.push(value[j]);
      this.offs.push(offsets[j]);
      this.lastChar = c;
      this.lastEnd = offsets[j + 1];
    }
  }

  /** A break that always separates the text on either side with a space. */
  hardBreak(offset: number): void {
    if (this.pending !== HARD) this.pendingOffset = offset;
    this.pending = HARD;
  }

  private flushPending(next: number): void {
    const pending = this.pending;
    this.pending = NONE;
    if (pending === NONE || this.offs.length === 0) return; // leading whitespace is trimmed
    // CSS Text segment-break rule: a source line break between two CJK chars renders as nothing;
    // Chinese HTML is often wrapped mid-sentence, and a space there would corrupt the text.
    if (pending === SEGMENT && isWide(this.lastChar) && isWide(next)) return;
    this.parts.push(' ');
    this.offs.push(this.pendingOffset);
  }

  /** The collapsed, trimmed text, or undefined when there is none. Resets the builder. */
  take(): BuiltText | undefined {
    if (this.offs.length === 0) {
      this.pending = NONE;
      return undefined;
    }
    const built: BuiltText = {
      text: this.parts.join(''),
      offsets: Int32Array.from(this.offs),
      start: this.offs[0],
      end: this.lastEnd,
    };
    this.parts = [];
    this.offs = [];
    this.pending = NONE;
    return built;
  }
}

/** East Asian wide / full-width characters (CJK, kana, Hangul, full-width forms, astral CJK via surrogates). */
export function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}
