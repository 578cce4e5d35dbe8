/**
 * Stable error codes, the `code` of every {@link GongwenError}. Never rename
 * one: users switch on them.
 *
 * @enum
 */
export const ErrorCode = {
  /** Zero bytes, or only whitespace: check the file was saved or downloaded completely. */
  EMPTY_INPUT: 'EMPTY_INPUT',
  /** Bytes that are neither text nor a supported binary format: convert to text, DOCX or PDF. */
  BINARY_INPUT: 'BINARY_INPUT',
  /** Text with no title, 文号 or numbered outline: check the file; force `format` if it was sniffed wrongly. */
  NOT_A_PLAN: 'NOT_A_PLAN',
  /** A ZIP that is neither DOCX nor OFD, a compound file that is not a Word document (`.xls`/`.et`, `.ppt`), an encrypted or pre-97 `.doc`, RTF, an image: save as DOCX or PDF. */
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  /** The path does not exist: fix the path. */
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  /** The path is a directory, or cannot be read (permissions): fix the path. */
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  /** A truncated or damaged PDF, DOCX, OFD or `.doc`/`.wps` (or an OFD missing a part it lists): re-export the file. */
  FILE_CORRUPT: 'FILE_CORRUPT',
  /** Over `maxBytes`, `maxPages` or `maxUncompressedBytes`, or a decompression bomb: raise the limit if the file is genuine. */
  TOO_LARGE: 'TOO_LARGE',
  /**
   * Nesting deeper than the depth limit, or more elements than the element
   * limit, in a DOCX part or an HTML page (`details.depth` / `details.elements`
   * and `details.limit`). Real documents nest a few dozen levels; this is a
   * hostile or broken file. Re-export it.
   */
  TOO_COMPLEX: 'TOO_COMPLEX',
  /** Text that cannot be decoded: re-save it as UTF-8. */
  DECODE_FAILED: 'DECODE_FAILED',
  /** An unknown `format`, a non-string to `parseText`, a path given to the browser `parse`: fix the call. */
  INVALID_OPTIONS: 'INVALID_OPTIONS',
  /** A password-protected PDF: remove the password or print to an unprotected PDF. */
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  /** A scanned PDF without text (or whose only text is a scanner app's watermark): parse with the `ocr` option (CLI `--ocr`). */
  PDF_NO_TEXT_LAYER: 'PDF_NO_TEXT_LAYER',
  /** `ocr` was asked for but its engine cannot run: no `tesseract` binary, or no language data for `ocr.lang`. */
  OCR_UNAVAILABLE: 'OCR_UNAVAILABLE',
  /** The OCR engine failed or timed out on a page. */
  OCR_FAILED: 'OCR_FAILED',
  /** The result failed its own schema (a bug): report it with the input. */
  SCHEMA_VIOLATION: 'SCHEMA_VIOLATION',
} as const;
/** One of the {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The only error type gongwen throws. `code` is stable; `message` says what to do. */
export class GongwenError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GongwenError';
    this.code = code;
    this.details = options?.details;
  }
}

/** Type guard: true for errors gongwen threw (check `code` to tell them apart). */
export function isGongwenError(value: unknown): value is GongwenError {
  return value instanceof GongwenError;
}
