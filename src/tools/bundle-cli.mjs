// Bundles the CLI (src/cli/bin.ts and what it imports) into dist/cli/bin.js plus lazily loaded
// chunks, replacing tsc's many-module output for the executable only. Why: start-up. Resolving
// and loading ~150 ES and CommonJS modules one by one cost more than the linting itself (profiled:
// the module loader took over half of `relayconf lint`'s wall time). The library entry
// (dist/index.js) stays as tsc writes it. Each command is still its own chunk, imported on use.
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
await rm(new URL('../../dist/cli/chunks/', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/cli',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into ESM call require() for Node built-ins: give them one.
  banner: { js: "import { createRequire as __relayconfCreateRequire } from 'node:module';\nconst require = __relayconfCreateRequire(import.meta.url);" },
  // Loaded from node_modules at run time by the commands that need them (check-dns, keygen
  // checks): large, rarely used, and mailauth resolves some files itself. typescript: cosmiconfig
  // imports it only for .ts config files, which relayconf never searches for.
  external: ['mailauth', 'mailauth/*', 'dns2', 'esbuild', 'typescript'],
  sourcemap: false,
  logLevel: 'warning',
});
// npx and npm's bin links run the file directly: it must be executable (esbuild writes 0644).
await chmod(new URL('../../dist/cli/bin.js', import.meta.url), 0o755);
