import { z } from 'zod';

/** Zod schema of {@link Span}. */
export const Span = z
  .object({
    start: z.number().int().nonnegative().describe('Offset (UTF-16 code units) into the decoded source text'),
    end: z.number().int().nonnegative().describe('Offset one past the end'),
    line: z.number().int().positive().describe('1-based line of `start` in the decoded source'),
    page: z.number().int().positive().optional().describe('1-based page (paged formats only)'),
  })
  .describe('Where something came from in the decoded source');
/** Where a value came from: UTF-16 offsets into the decoded (or, for PDF/DOCX, reconstructed) text, a 1-based line and, for PDF, the page. */
export type Span = z.infer<typeof Span>;
