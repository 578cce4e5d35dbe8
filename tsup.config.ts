import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * Browser build: a module with a `-browser` twin beside it is swapped for the
 * twin (parse.ts → parse-browser.ts, platform/zlib-node.ts → zlib-browser.ts,
 * extract/pdf/pdfjs-node.ts → pdfjs-browser.ts), so no node: module, file path
 * or Node-only pdfjs setup reaches dist/browser.js.
 */
const browserTwins: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'gongwen-browser-twins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const twin = resolve(args.resolveDir, args.path).replace(/\.js$/, '').replace(/-node$/, '') + '-browser.ts';
      return existsSync(twin) && twin !== args.importer ? { path: twin } : undefined;
    });
  },
};

const shared = {
  entry: { index: 'src/index.ts', 'cli/main': 'src/cli/main.ts' },
  target: 'node20' as const,
  platform: 'node' as const,
  sourcemap: true,
  splitting: false,
  shims: true,
};

export default defineConfig([
  // ESM: dependencies stay external (npm installs them)
  // (plus the batch worker thread module: src/batch/pool.ts finds it at dist/batch/worker.js)
  {
    ...shared,
    entry: { ...shared.entry, 'batch/worker': 'src/batch/worker.ts' },
    format: ['esm'],
    clean: true,
    dts: { entry: { index: 'src/index.ts' } },
  },
  // CJS: the unified/remark/rehype family and chevrotain are ESM-only; their
  // default exports do not survive require(esm) interop, so they are bundled.
  // pdfjs-dist stays external and is loaded with import() on first PDF.
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    clean: false,
    dts: { entry: { index: 'src/index.ts' } },
    noExternal: [/^(?!pdfjs-dist|zod|exceljs|piscina|cli-progress|tinyglobby|diff).*/],
  },
  // Browser (the `browser` export condition and `gongwen/browser`): no fs,
  // worker pool or CLI. Dependencies stay external for the app's bundler;
  // pdfjs-dist is imported lazily, on the first PDF.
  {
    entry: { browser: 'src/browser.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    splitting: false,
    clean: false,
    dts: { entry: { browser: 'src/browser.ts' } },
    esbuildPlugins: [browserTwins],
  },
]);
