/**
 * Opening a PDF with pdfjs-dist: timeouts and the mapping of pdfjs exceptions
 * to GongwenError codes. Where pdfjs comes from (legacy build and installed
 * assets in Node; modern build, Web Worker and served assets in browsers) is
 * pdfjs-node.ts, which the browser build swaps for pdfjs-browser.ts.
 * Nothing here knows about layout; see lines.ts / paragraphs.ts for that.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ErrorCode, GongwenError } from '../../errors.js';
import { documentAssets, loadPdfJs } from './pdfjs-node.js';

export { loadPdfJs };

/** Default ceiling for opening a document and for each page's text: a broken file must not hang the caller. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Reject with FILE_CORRUPT after `ms`, running `onTimeout` to free resources. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(
        new GongwenError(ErrorCode.FILE_CORRUPT, `Timed out after ${ms} ms while ${what}; the PDF is probably damaged or pathological.`, {
          details: { timeoutMs: ms },
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Translate a pdfjs failure into the stable error codes users switch on. */
export function mapPdfError(err: unknown): GongwenError {
  if (err instanceof GongwenError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === 'PasswordException') {
    return new GongwenError(
      ErrorCode.PDF_ENCRYPTED,
      'The PDF is password-protected. Remove the password (or print it to an unprotected PDF) and try again.',
      { cause: err },
    );
  }
  // InvalidPDFException, FormatError, UnknownErrorException, "Invalid PDF structure", bad xref...
  return new GongwenError(ErrorCode.FILE_CORRUPT, `The PDF could not be read (${name || 'Error'}: ${message}). It may be truncated or damaged; re-export it from the original.`, {
    cause: err,
  });
}

/** Open a document. The caller must `destroy()` it. */
export async function openPdf(bytes: Uint8Array, timeoutMs: number): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given; copy so the caller's bytes survive.
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    ...documentAssets(),
    verbosity: 0, // errors only: no "Setting up fake worker" chatter on stderr
  });
  try {
    return await withTimeout(task.promise, timeoutMs, 'opening the PDF', () => void task.destroy());
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw mapPdfError(err);
  }
}
