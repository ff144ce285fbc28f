// Vitest config for the VM tests only (npm run test:vm): one file at a time, long timeouts (test/vm).
// test/vitest.config.ts excludes test/vm/**, so `npm test` never boots a VM; the host-only
// helpers' tests (test/vm/*.test.ts) run here, before the VM files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/vm/**/*.test.ts', 'test/vm/**/*.vm.ts'],
    // A cold image build (~1 min) plus a boot with the whole matrix (a few min) under TCG.
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    // One VM at a time: the CI machines have 2 cores and every guest already uses both.
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
