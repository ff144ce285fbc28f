#!/usr/bin/env node
// The executable: hands argv and the process streams to main() and exits with its code.
import { main } from './main.js';

// `relayconf plan | head`: a reader that stops early is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then((code) => {
  process.exitCode = code;
});
