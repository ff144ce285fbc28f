// Bundles the CLI (src/cli/bin.ts and everything it imports) into one CommonJS file,
// dist/cli/relayconf.cjs, started by a two-line dist/cli/bin.js; tsc's many-module output stays the
// library entry (dist/index.js). Why: start-up. Loading ~150 modules one by one cost more than the
// linting itself, and even esbuild's split ES chunks paid the ES module loader per chunk (profiled:
// node:internal/modules/esm took a sixth of `relayconf lint`). In one CommonJS file, each command's
// code is still evaluated only when it runs (esbuild wraps dynamically imported modules in lazy
// initialisers), and V8 only pre-parses the functions lint never calls.
import { chmod, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
await rm(new URL('../../dist/cli/chunks/', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { relayconf: 'src/cli/bin.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // ES module sources ask import.meta.url where they are (package-root.ts finds package.json from it).
  define: { 'import.meta.url': '__relayconfModuleUrl' },
  banner: { js: "'use strict';\nconst __relayconfModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Loaded from node_modules at run time by the commands that need them (check-dns, keygen
  // checks): large, rarely used, and mailauth resolves some files itself. typescript: cosmiconfig
  // imports it only for .ts config files, which relayconf never searches for.
  external: ['mailauth', 'mailauth/*', 'dns2', 'esbuild', 'typescript'],
  sourcemap: false,
  logLevel: 'warning',
});
// The executable npm links: an ES module by the package's "type", so it only hands over to the bundle.
const bin = new URL('../../dist/cli/bin.js', import.meta.url);
await writeFile(bin, "#!/usr/bin/env node\n// relayconf's executable: runs the bundled CLI (dist/cli/relayconf.cjs, see src/tools/bundle-cli.mjs).\nimport { createRequire } from 'node:module';\n\ncreateRequire(import.meta.url)('./relayconf.cjs');\n");
// npx and npm's bin links run the file directly: it must be executable.
await chmod(bin, 0o755);
