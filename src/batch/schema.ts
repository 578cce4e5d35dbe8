/** The manifest line written for every input of a batch conversion, and the batch-level error codes. */
import { z } from 'zod';
import { FORMAT_NAMES } from '../extract/registry.js';

/**
 * Failure codes that only exist in batch mode (the worker, not the parser, failed).
 * Parser failures keep their GongwenError code (FILE_CORRUPT, NOT_A_PLAN, …).
 */
export const BatchErrorCode = {
  /** The file took longer than the per-file time limit; its worker was killed and replaced. */
  TIMEOUT: 'TIMEOUT',
  /** The worker hit its heap limit on this file; it was killed and replaced. */
  OUT_OF_MEMORY: 'OUT_OF_MEMORY',
  /** The worker thread died for another reason while converting this file. */
  WORKER_CRASHED: 'WORKER_CRASHED',
  /** The parser threw something that is not a GongwenError (a bug: please report it with the file). */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** The output could not be written (disk full, permissions). */
  OUTPUT_FAILED: 'OUTPUT_FAILED',
} as const;
/** One of the {@link BatchErrorCode} values. */
export type BatchErrorCode = (typeof BatchErrorCode)[keyof typeof BatchErrorCode];

/** Zod schema of {@link ConvertStatus}. */
export const ConvertStatus = z.enum(['converted', 'skipped', 'failed', 'pending', 'ignored']);
/**
 * What happened to one input of a batch: `converted` in this run, `skipped`
 * (output already up to date), `failed` (see the entry's `code`),
 * `pending` (not reached: the run was stopped), or `ignored` (a path seen in
 * a folder but not converted: see the entry's `reason`).
 */
export type ConvertStatus = z.infer<typeof ConvertStatus>;

/** Zod schema of {@link ConvertManifestEntry}. */
export const ConvertManifestEntry = z.object({
  input: z.string().describe('Input path relative to the archive root, with / separators'),
  output: z
    .string()
    .nullable()
    .describe('Output path relative to --out (for --format jsonl the stream file); null when nothing was written'),
  sha256: z.string().nullable().describe('SHA-256 of the input bytes; null when the file could not be read'),
  status: ConvertStatus.describe(
    'converted: written in this run; skipped: output already up to date (same sha256); failed: see code/message; pending: not reached (the run was interrupted); ignored: seen in a folder but not converted, see reason',
  ),
  reason: z
    .string()
    .optional()
    .describe(
      'ignored only: symlink, symlink outside the input roots, symlink loop, broken symlink, not a supported extension, hidden, not a regular file, unreadable',
    ),
  code: z.string().optional().describe('Error code: a GongwenError code or TIMEOUT, OUT_OF_MEMORY, WORKER_CRASHED, INTERNAL_ERROR, OUTPUT_FAILED'),
  message: z.string().optional(),
  format: z.enum(FORMAT_NAMES).optional().describe('The input format as sniffed (text, markdown, html, docx, pdf, ofd, doc…), for converted and skipped inputs'),
  ocr: z.boolean().optional().describe('True when pages of the input were read through OCR (--ocr), for converted and skipped inputs'),
  documents: z.number().int().nonnegative().describe('Documents found in the input'),
  tasks: z.number().int().nonnegative().describe('Tasks found: leaf outline items over all documents'),
  ms: z.number().nonnegative().describe('Wall time spent on this input, in milliseconds'),
});
/**
 * One line of a batch manifest (`_manifest.jsonl`), and what
 * {@link convertArchive} yields per input: the input's relative path, its
 * output path and SHA-256, its {@link ConvertStatus} (with error `code` and
 * `message` when failed), the documents and tasks found, and the time spent.
 */
export type ConvertManifestEntry = z.infer<typeof ConvertManifestEntry>;
