// Bundles the CLI into two CommonJS files started by dist/cli/bin.cjs, each from a V8 code cache
// made here: dist/cli/relayconf.cjs (src/cli/bin.ts: every command) and dist/cli/relayconf-lint.cjs
// (src/cli/bin-lint.ts: `relayconf lint` alone, the command CI runs on every push); tsc's
// many-module output stays the library entry (dist/index.js). Why: start-up. Loading ~150 modules
// one by one cost more than the linting itself, and even esbuild's split ES chunks paid the ES
// module loader per chunk (profiled: node:internal/modules/esm took a sixth of `relayconf lint`).
// In one CommonJS file, each command's code is still evaluated only when it runs (esbuild wraps
// dynamically imported modules in lazy initialisers), but every byte of it is read, copied into a
// string and its functions declared on every start, so lint gets a bundle without the rest.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * In the bundle only, each rule's `docs: {...}` (src/rules/<id>.ts, and the check-dns findings'
 * createDnsRule calls in src/dns/check/catalogue/*.ts) becomes a getter. Why: the
 * docs are a hundred kilobytes of prose that only explain, rules, SARIF and the docs generator
 * read; as a getter V8 compiles them only when asked, so they stay out of the code cache that
 * every lint deserializes and out of the heap that every lint collects. createRule returns the
 * object as written, so rule.docs reads the same either way (tested on the built binary).
 */
const lazyRuleDocs = {
  name: 'lazy-rule-docs',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/](rules|dns[\\/]check[\\/]catalogue)[\\/][a-z0-9-]+\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const source = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true);
      const edits = [];
      const visit = (node) => {
        if (
          ts.isPropertyAssignment(node) &&
          node.name.getText(source) === 'docs' &&
          ts.isObjectLiteralExpression(node.parent) &&
          ts.isCallExpression(node.parent.parent) &&
          ['createRule', 'createDnsRule'].includes(node.parent.parent.expression.getText(source))
        ) {
          edits.push({ start: node.getStart(source), end: node.end, text: `get docs() { return (${node.initializer.getText(source)}); }` });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let contents = text;
      for (const edit of edits.sort((a, b) => b.start - a.start)) contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end);
      return { contents, loader: 'ts' };
    });
  },
};
await rm(new URL('../../dist/cli/chunks/', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { relayconf: 'src/cli/bin.ts', 'relayconf-lint': 'src/cli/bin-lint.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // ES module sources ask import.meta.url where they are (package-root.ts finds package.json from it).
  define: { 'import.meta.url': '__relayconfModuleUrl' },
  banner: { js: "'use strict';\nconst __relayconfModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Loaded from node_modules at run time by the code that needs them: mailauth and dns2 by
  // check-dns and keygen's checks (large, rarely used; mailauth resolves some files itself); tldts
  // by a config whose names need the Public Suffix List (140 KB that every other start would read).
  external: ['mailauth', 'mailauth/*', 'dns2', 'esbuild', 'tldts'],
  sourcemap: false,
  // Pure ASCII (non-ASCII characters as escapes), so bin.cjs can read it as latin1: a one-byte
  // string V8 takes without decoding UTF-8.
  charset: 'ascii',
  // Less text to read and scan on every start (1.4 MB to 1.0 MB); names stay, so stack traces read.
  minifyWhitespace: true,
  minifySyntax: true,
  // yaml's ES module build (its package's "default" export, the same source as the CommonJS one
  // "node" picks): esbuild drops what lint never calls and the ~60 CommonJS module wrappers and
  // their export copies, 113 fewer page faults and 9 M fewer instructions per start. It differs
  // only where it reports: a warning by console.warn instead of process.emitWarning (both stderr),
  // and no LOG_TOKENS/LOG_STREAM debugging.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  plugins: [lazyRuleDocs],
  logLevel: 'warning',
});
const BUNDLES = ['relayconf', 'relayconf-lint'];
for (const name of BUNDLES) {
  // bin.cjs reads a bundle as latin1: that is only right while every byte is ASCII.
  const bundleFile = new URL(`../../dist/cli/${name}.cjs`, import.meta.url);
  const bundled = await readFile(bundleFile);
  const nonAscii = bundled.findIndex((byte) => byte > 0x7f);
  if (nonAscii >= 0) throw new Error(`bundle-cli: dist/cli/${name}.cjs has a non-ASCII byte at offset ${nonAscii}`);
  // The file is stored as the function CommonJS would wrap it in (without bin.ts's #! line, which is
  // not JavaScript there), so bin.cjs hands V8 the string it read: wrapping it at run time made V8
  // copy the whole megabyte once more to flatten the concatenation. Not executable on its own.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bundled.toString('latin1').replace(/^#!.*/, '')}\n})`;
  await writeFile(bundleFile, wrapped, 'latin1');
  await chmod(bundleFile, 0o644);
}

// The executable npm links. CommonJS, like the bundle: an ES module entry would start Node's ES
// module loader (about 15 modules of Node's own, fs/promises and the stream modules with them) just
// to hand over. It compiles the bundle itself (as Node's CommonJS loader would) so that V8 can start
// from the code cache made below instead of parsing 1 MB of JavaScript on every run; V8 refuses a
// cache made by another V8 version, flag set or source (cachedDataRejected) and then simply compiles.
const bin = new URL('../../dist/cli/bin.cjs', import.meta.url);
// tsc's dist/cli/bin.js is the unbundled entry the bundle was made from. It is replaced by a
// hand-over to bin.cjs, because older releases' executable was dist/cli/bin.js and npm exec caches
// a project's own bin link by the project's path (~/.npm/_npx) without relinking it when
// package.json's bin changes: a checkout that ran `npx relayconf` before the change would otherwise
// answer "relayconf: not found" after `git pull`. An ES module, as package.json's "type" makes it.
const legacyBin = new URL('../../dist/cli/bin.js', import.meta.url);
await writeFile(legacyBin, `#!/usr/bin/env node
// The executable is bin.cjs; this path only serves bin links made before it was (npx keeps them).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./bin.cjs');
`);
await chmod(legacyBin, 0o755);
await writeFile(bin, `#!/usr/bin/env node
'use strict';
// relayconf's executable: runs the bundled CLI (dist/cli/relayconf.cjs, or relayconf-lint.cjs for lint;
// see src/tools/bundle-cli.mjs) from V8's code cache (<bundle>.cache, made by the build) when this
// Node can use it.
const { closeSync, fstatSync, openSync, readSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

// \`relayconf lint\` starts the lint-only bundle; everything else the full one.
const filename = path.join(__dirname, process.argv[2] === 'lint' ? 'relayconf-lint.cjs' : 'relayconf.cjs');
const cacheFile = \`\${filename}.cache\`;
const writeCache = process.env.RELAYCONF_WRITE_CODE_CACHE === '1';

/** Reads a whole file into buffer (a larger one if it has grown since), returning the bytes read. */
function readWhole(file, buffer) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const target = size > buffer.length ? Buffer.allocUnsafeSlow(size) : buffer;
    let length = 0;
    for (let n = 1; length < size && n > 0; length += n) n = readSync(fd, target, length, size - length, null);
    return target.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

// The bundle and the cache are read into one buffer, the bundle first (its bytes are copied into a
// string before the cache is read): each page of fresh memory costs a page fault, about 17 us on
// the machines measured, so a second megabyte-sized buffer cost 4 ms of every start.
let cacheSize = 0;
try {
  if (!writeCache) cacheSize = statSync(cacheFile).size;
} catch {
  // No cache (a build without it, or an unreadable file): compile as usual.
}
const buffer = Buffer.allocUnsafeSlow(Math.max(statSync(filename).size, cacheSize));
// The bundle is stored as CommonJS's function wrapper around the code (see src/tools/bundle-cli.mjs).
const source = readWhole(filename, buffer).toString('latin1');
let cachedData;
try {
  if (cacheSize > 0) cachedData = readWhole(cacheFile, buffer);
} catch {
  // Unreadable after all: compile as usual.
}
const script = new vm.Script(source, {
  filename,
  cachedData,
  // Nothing bundled calls import() today; should something, it resolves as in any module (older Node 20 releases lack the constant).
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
});
// The build's training run: run once, then save the code V8 compiled for it (functions included).
if (writeCache) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const bundle = { exports: {}, filename, id: filename, loaded: false };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, __dirname);
`);
// npx and npm's bin links run the file directly: it must be executable.
await chmod(bin, 0o755);

// The code caches: one training run per bundle, after which bin.cjs saves what V8 compiled (the
// functions that run used included): the lint bundle lints the repository's own config, the full
// bundle builds it into a temporary directory (load, lint, render and write: what plan, build and
// check-dns share). Only a start-up aid: if a run fails, the build goes on without that cache and
// bin.cjs compiles from source.
const scratch = await mkdtemp(path.join(os.tmpdir(), 'relayconf-bundle-'));
const trainings = {
  'relayconf-lint': ['lint'],
  relayconf: ['build', '--out', path.join(scratch, 'out')],
};
try {
  for (const [name, args] of Object.entries(trainings)) {
    const cache = new URL(`../../dist/cli/${name}.cjs.cache`, import.meta.url);
    await rm(cache, { force: true });
    const training = spawnSync(process.execPath, [fileURLToPath(bin), ...args], {
      cwd: root,
      env: { ...process.env, RELAYCONF_WRITE_CODE_CACHE: '1' },
      stdio: 'ignore',
    });
    if (training.status !== 0 && training.status !== 1) {
      await rm(cache, { force: true });
      console.warn(`bundle-cli: the code-cache training run of ${name} (${args[0]}) exited ${training.status}; it has no code cache`);
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
