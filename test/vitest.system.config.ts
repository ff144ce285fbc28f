// `npm run test:system`: tests that drive the real Debian tools (postconf, postfix, named-checkzone,
// systemd-analyze, opendkim) and the Postfix + OpenDKIM chain. Kept out of `npm test`;
// .ci/install-system-deps.sh installs the tools.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/system/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The tools write to shared places (/var/spool/postfix checks, ports): one file at a time.
    fileParallelism: false,
  },
});
