/**
 * pdfjs-dist in Node: the legacy build, its in-process ("fake") worker, and
 * CMaps / standard fonts / wasm read from the installed package, never the
 * network. The browser build swaps this module for pdfjs-browser.ts (same
 * exports), which wires a real Web Worker and fetchable asset URLs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api.js';

/** The pdfjs-dist module namespace. */
export type PdfJs = typeof import('pdfjs-dist');

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

/** The asset locations `getDocument` needs (CMaps for CJK fonts, standard fonts, wasm decoders). */
export function documentAssets(): Pick<DocumentInitParameters, 'cMapUrl' | 'cMapPacked' | 'standardFontDataUrl' | 'wasmUrl'> {
  const assets = pdfjsAssets();
  return { cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl, wasmUrl: assets.wasmUrl };
}
