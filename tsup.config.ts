import { defineConfig } from 'tsup';

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
  { ...shared, format: ['esm'], clean: true, dts: { entry: { index: 'src/index.ts' } } },
  // CJS: the unified/remark/rehype family and chevrotain are ESM-only; their
  // default exports do not survive require(esm) interop, so they are bundled.
  // pdfjs-dist stays external and is loaded with import() on first PDF.
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    clean: false,
    dts: { entry: { index: 'src/index.ts' } },
    noExternal: [/^(?!pdfjs-dist|zod).*/],
  },
]);
