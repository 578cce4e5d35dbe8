/**
 * The playground: a static page built with Vite from gongwen's browser build
 * (dist/browser.js, what `import 'gongwen'` gives a browser bundler).
 *
 *   npm run build && npm run playground          # dev server
 *   npm run build && npm run playground:build    # static site in examples/playground/dist
 *
 * pdfjs-dist is wired the way pdfjs intends: its worker is emitted as an
 * asset (`?url` import in main.ts) and its CMaps, standard fonts and wasm
 * decoders are served from /pdfjs/ (copied into the build by the plugin below).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm'];

/** Serve (dev) and emit (build) pdfjs-dist's CMaps, standard fonts and wasm under pdfjs/. */
function pdfjsAssets(): Plugin {
  return {
    name: 'gongwen-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/([a-z_]+)\/([^/?#]+)/.exec(req.url ?? '');
        const file = m && ASSET_DIRS.includes(m[1]) ? join(pdfjsRoot, m[1], decodeURIComponent(m[2])) : undefined;
        if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of ASSET_DIRS) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(pdfjsRoot, dir, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  resolve: {
    // The built browser entry, exactly what the published package's `browser` condition points at.
    alias: [{ find: /^gongwen(\/browser)?$/, replacement: join(repo, 'dist', 'browser.js') }],
  },
  build: { outDir: join(here, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2500 },
  worker: { format: 'es' },
  plugins: [pdfjsAssets()],
});
