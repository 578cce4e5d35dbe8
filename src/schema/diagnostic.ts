import { z } from 'zod';
import { Span } from './span.js';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js';

export const Severity = z.enum(['error', 'warning', 'info']);

/** Zod schema of {@link Diagnostic}. */
export const Diagnostic = z
  .object({
    // a string, not an enum: results saved by another version still validate; emitters are typed by the registry
    code: z.string().describe(`Stable machine-readable code from the registry DIAGNOSTIC_CODES: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}`),
    severity: Severity,
    message: z.string(),
    span: Span.optional(),
    /** The text the diagnostic is about, as written. */
    text: z.string().optional(),
  })
  .describe('An anomaly the parser repaired, suspected or could not resolve');
/** Something the parser repaired or doubts (`code`, `severity`, `message`, `span`, `text`); never an exception. */
export type Diagnostic = z.infer<typeof Diagnostic>;
