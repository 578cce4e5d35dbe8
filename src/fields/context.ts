/** What every field reader needs: spans back into the source, and a place for diagnostics. */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/span.js';
import { lineOf, startOf, type Para } from '../normalise/para.js';

export class FieldContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly lines: Int32Array) {}

  span(p: Para, from = 0, to = p.text.length): Span {
    const start = from < p.map.length ? p.map[from] : p.end;
    const end = to >= p.text.length ? p.end : p.map[to];
    const s: Span = { start, end: Math.max(start, end), line: lineOf(this.lines, start) };
    if (p.page !== undefined) s.page = p.page;
    return s;
  }

  spanOfRange(a: Para, b: Para): Span {
    const s = this.span(a);
    const e = this.span(b);
    return { ...s, end: Math.max(s.end, e.end) };
  }

  lineOfOffset(offset: number): number {
    return lineOf(this.lines, offset);
  }

  warn(code: string, message: string, p?: Para, text?: string, severity: Diagnostic['severity'] = 'warning') {
    const d: Diagnostic = { code, severity, message };
    if (p) d.span = this.span(p);
    if (text !== undefined) d.text = text;
    this.diagnostics.push(d);
  }

  info(code: string, message: string, p?: Para, text?: string) {
    this.warn(code, message, p, text, 'info');
  }
}

export { startOf };
