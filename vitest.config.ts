import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'grammars/**/*.spec.ts', 'src/**/*.spec.ts'],
    testTimeout: 30_000,
  },
});
