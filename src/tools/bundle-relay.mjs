// Bundles the relay runtime (src/relay/main.ts + nodemailer's MailComposer) into one CommonJS file,
// dist/relay/server.bundle.cjs, at package build time, so the generated opt/<name>/server.js needs no
// npm install on the server. src/outputs/relay-server.ts prepends the per-config data.
// Deterministic: fixed working directory (the comments esbuild writes name paths relative to it), no
// source maps, no timestamps; the file is written beside and renamed so readers never see half of it.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
// An output path argument is for the determinism test; the build writes dist/relay/server.bundle.cjs.
const outFile = process.argv[2]
  ? pathToFileURL(path.resolve(process.argv[2]))
  : new URL('../../dist/relay/server.bundle.cjs', import.meta.url);

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/relay/main.ts'],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  // Debian 12 ships Node 18; the output must not use syntax or APIs newer than that.
  target: 'node18',
  // Readable on the server: an admin auditing what handles their mail can read it.
  minify: false,
  sourcemap: false,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});

const [output] = result.outputFiles;
await mkdir(new URL('./', outFile), { recursive: true });
const temp = new URL(`${path.basename(fileURLToPath(outFile))}.${process.pid}.tmp`, outFile);
await writeFile(temp, output.contents);
await rename(temp, outFile);
process.stdout.write(`bundle-relay: ${fileURLToPath(outFile)} (${output.contents.length} bytes)\n`);
