// `npm test`: unit, CLI, golden and relay process tests. The real-tool tests (test/system) and the
// VM test (test/vm) have their own configs and scripts: `npm run test:system`, `npm run test:vm`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The config lives in test/ (the repository's top level is kept to the project's own folders).
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    exclude: ['test/system/**', 'test/vm/**', '**/node_modules/**'],
    testTimeout: 30_000,
  },
});
