/**
 * Opening a PDF with pdfjs-dist in Node: asset paths, the in-process worker,
 * timeouts and the mapping of pdfjs exceptions to GongwenError codes.
 * Nothing here knows about layout; see lines.ts / paragraphs.ts for that.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ErrorCode, GongwenError } from '../../errors.js';

type PdfJs = typeof import('pdfjs-dist');

/** Default ceiling for opening a document and for each page's text: a broken file must not hang the caller. */
export const DEFAULT_TIMEOUT_MS = 30_000;

let pdfjsPromise: Promise<PdfJs> | undefined;
let assetDirs: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; worker: string } | undefined;

/**
 * Resolve pdfjs-dist's folder from the installed package, never the network.
 * tsup emits both ESM and CJS: in CJS `import.meta.url` is unavailable (or shimmed),
 * in ESM `__filename` is undefined, so try whichever exists.
 */
function pdfjsAssets(): NonNullable<typeof assetDirs> {
  if (assetDirs) return assetDirs;
  const from = typeof __filename !== 'undefined' ? __filename : import.meta.url;
  const req = createRequire(from);
  const root = dirname(req.resolve('pdfjs-dist/package.json'));
  // pdfjs reads these with fs.readFile(baseUrl + name) in Node, so they are plain paths with a trailing separator.
  assetDirs = {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
    worker: join(root, 'legacy', 'build', 'pdf.worker.mjs'),
  };
  return assetDirs;
}

/** Lazy: callers that never parse a PDF never pay for loading pdfjs (~1 MB of JS). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // The legacy build is the one that supports Node (no DOM, no Web Worker).
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    // In Node pdfjs runs its "worker" in-process (fake worker) by importing workerSrc.
    // Its default is a path relative to pdf.mjs, which breaks if someone bundles us;
    // point it at the installed file unless the host application chose one.
    if (!pdfjs.GlobalWorkerOptions.workerSrc) {
      pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(pdfjsAssets().worker).href;
    }
    return pdfjs;
  })();
  pdfjsPromise.catch(() => {
    pdfjsPromise = undefined;
  });
  return pdfjsPromise;
}

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
  const assets = pdfjsAssets();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given; copy so the caller's bytes survive.
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: assets.wasmUrl,
    verbosity: 0, // errors only: no "Setting up fake worker" chatter on stderr
  });
  try {
    return await withTimeout(task.promise, timeoutMs, 'opening the PDF', () => void task.destroy());
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw mapPdfError(err);
  }
}
