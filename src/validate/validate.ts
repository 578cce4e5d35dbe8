/** The zod schema is the contract: every result is checked against it before it leaves. */
import { ParseResult } from '../schema/document.js';
import { GongwenError } from '../errors.js';

export function validateResult(result: ParseResult): ParseResult {
  const r = ParseResult.safeParse(result);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new GongwenError(
      'SCHEMA_VIOLATION',
      `Internal error: the parse result does not match the published schema at ${first?.path.join('.')}: ${first?.message}. Please report this with the input file.`,
      { details: { issues: r.error.issues.slice(0, 10) } },
    );
  }
  return result;
}
