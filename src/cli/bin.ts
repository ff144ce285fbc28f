#!/usr/bin/env node
// The executable: hands argv and the process's output descriptors to main() and exits with its code.
import { fdOutput } from './fd-output.js';
import { main } from './main.js';

// `relayconf plan | head`: a reader that stops early is not an error of ours.
const readerGone = (): never => process.exit(process.exitCode ?? 0);

// No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
void main(process.argv.slice(2), { stdout: fdOutput(1, readerGone), stderr: fdOutput(2, readerGone), cwd: process.cwd(), env: process.env }).then((code) => {
  process.exitCode = code;
});
