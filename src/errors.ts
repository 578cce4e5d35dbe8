/** Stable error codes. Never rename one: users switch on them. */
export const ErrorCode = {
  EMPTY_INPUT: 'EMPTY_INPUT',
  BINARY_INPUT: 'BINARY_INPUT',
  NOT_A_PLAN: 'NOT_A_PLAN',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  FILE_CORRUPT: 'FILE_CORRUPT',
  TOO_LARGE: 'TOO_LARGE',
  DECODE_FAILED: 'DECODE_FAILED',
  INVALID_OPTIONS: 'INVALID_OPTIONS',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  PDF_NO_TEXT_LAYER: 'PDF_NO_TEXT_LAYER',
  SCHEMA_VIOLATION: 'SCHEMA_VIOLATION',
} as const;
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

export function isGongwenError(value: unknown): value is GongwenError {
  return value instanceof GongwenError;
}
