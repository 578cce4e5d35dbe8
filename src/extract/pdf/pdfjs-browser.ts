/**
 * pdfjs-dist in browsers, wired the way pdfjs intends: the modern build, a
 * real Web Worker (`GlobalWorkerOptions.workerSrc` or `workerPort`), and
 * CMaps / standard fonts / wasm fetched from URLs the application serves
 * (copied from `node_modules/pdfjs-dist/{cmaps,standard_fonts,wasm}/`).
 * The browser build swaps pdfjs-node.ts for this module.
 *
 * Without a configured worker it still works: pdfjs's own main-thread
 * fallback (`globalThis.pdfjsWorker`) is loaded on first use, at the cost of
 * parsing on the UI thread.
 */
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api.js';

/** The pdfjs-dist module namespace. */
export type PdfJs = typeof import('pdfjs-dist');

/** Where pdfjs finds its worker and assets in a browser. All optional. */
export interface PdfJsBrowserConfig {
  /**
   * URL of `pdfjs-dist/build/pdf.worker.min.mjs` as your bundler emits it
   * (Vite: `import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url'`).
   * Sets `GlobalWorkerOptions.workerSrc`.
   */
  workerSrc?: string;
  /** A ready module Worker running pdf.worker (sets `GlobalWorkerOptions.workerPort`); wins over `workerSrc`. */
  workerPort?: Worker;
  /** URL of a folder holding `pdfjs-dist/cmaps/` (needed for CJK fonts without a ToUnicode map), ending in `/`. */
  cMapUrl?: string;
  /** URL of a folder holding `pdfjs-dist/standard_fonts/`, ending in `/`. */
  standardFontDataUrl?: string;
  /** URL of a folder holding `pdfjs-dist/wasm/` (JPEG 2000 / JBIG2 decoders), ending in `/`. */
  wasmUrl?: string;
}

let config: PdfJsBrowserConfig = {};
let pdfjsPromise: Promise<PdfJs> | undefined;

/** Resolve against the page (pdfjs fetches asset URLs from its worker, where relative URLs would mean something else). */
function absolute(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const base = typeof document !== 'undefined' ? document.baseURI : (globalThis as { location?: { href: string } }).location?.href;
  try {
    return base ? new URL(url, base).href : url;
  } catch {
    return url;
  }
}

/**
 * Tell gongwen (and pdfjs) where the PDF worker and assets are. Call it once
 * at start-up, before the first PDF is parsed; later calls update the
 * settings for documents opened afterwards.
 */
export function configurePdfJs(next: PdfJsBrowserConfig): void {
  config = { ...config, ...next };
  if (pdfjsPromise) void pdfjsPromise.then(applyWorker, () => undefined);
}

function applyWorker(pdfjs: PdfJs): void {
  if (config.workerPort) pdfjs.GlobalWorkerOptions.workerPort = config.workerPort;
  else if (config.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = absolute(config.workerSrc)!;
}

/** Lazy: pages that never parse a PDF never download pdfjs. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const pdfjs = (await import('pdfjs-dist')) as unknown as PdfJs;
    applyWorker(pdfjs);
    const { GlobalWorkerOptions } = pdfjs;
    if (!GlobalWorkerOptions.workerPort && !GlobalWorkerOptions.workerSrc) {
      // No worker configured (here or by the host application): pdfjs's
      // supported main-thread fallback, which looks for globalThis.pdfjsWorker.
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.mjs');
    }
    return pdfjs;
  })();
  pdfjsPromise.catch(() => {
    pdfjsPromise = undefined;
  });
  return pdfjsPromise;
}

/** The asset locations `getDocument` needs; only the ones the application configured. */
export function documentAssets(): Pick<DocumentInitParameters, 'cMapUrl' | 'cMapPacked' | 'standardFontDataUrl' | 'wasmUrl'> {
  const out: Pick<DocumentInitParameters, 'cMapUrl' | 'cMapPacked' | 'standardFontDataUrl' | 'wasmUrl'> = {};
  const cMapUrl = absolute(config.cMapUrl);
  if (cMapUrl) (out.cMapUrl = cMapUrl), (out.cMapPacked = true);
  const standardFontDataUrl = absolute(config.standardFontDataUrl);
  if (standardFontDataUrl) out.standardFontDataUrl = standardFontDataUrl;
  const wasmUrl = absolute(config.wasmUrl);
  if (wasmUrl) out.wasmUrl = wasmUrl;
  return out;
}
