import type { ColumnRole } from '../shared/task-columns.js';
/** What every field reader needs: spans back into the source, and a place for diagnostics. */
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/span.js';
import { diagnostic, type DiagnosticCode, type DiagnosticCodeOf, type DiagnosticSeverity } from '../diagnostics/codes.js';
import { lineOf, startOf, type Para } from '../normalise/para.js';

export class FieldContext {
  /**
   * Columns of a task table whose borders were lost (a header line
   * `工作任务 牵头单位 责任单位 工作要求` above numbered items): which unit
   * column a bare unit line under an item fills.
   */
  columns?: ColumnRole[];
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

  /** Report a code the registry lists as a warning; its severity comes from the registry. */
  warn(code: DiagnosticCodeOf<'warning'>, message: string, p?: Para, text?: string) {
    this.report(code, message, p, text);
  }

  /** Report a code the registry lists as info. */
  info(code: DiagnosticCodeOf<'info'>, message: string, p?: Para, text?: string) {
    this.report(code, message, p, text);
  }

  /** Report any registered code, with the registry's severity unless `severity` overrides it for a case the registry names. */
  report(code: DiagnosticCode, message: string, p?: Para, text?: string, severity?: DiagnosticSeverity) {
    this.diagnostics.push(diagnostic(code, message, { span: p ? this.span(p) : undefined, text, severity }));
  }
}

export { startOf };
