import { z } from 'zod';

export const Span = z
  .object({
    start: z.number().int().nonnegative().describe('Offset (UTF-16 code units) into the decoded source text'),
    end: z.number().int().nonnegative().describe('Offset one past the end'),
    line: z.number().int().positive().describe('1-based line of `start` in the decoded source'),
    page: z.number().int().positive().optional().describe('1-based page (paged formats only)'),
  })
  .describe('Where something came from in the decoded source');
export type Span = z.infer<typeof Span>;
