#!/usr/bin/env node
// The executable: hands argv and the process's output descriptors to main() and exits with its code.
import { fdOutput } from './fd-output.js';
import { main } from './main.js';
import { EXIT, UsageError } from './types.js';

// No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
const stderr = fdOutput(2);
void main(process.argv.slice(2), { stdout: fdOutput(1), stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() throws only a failed write: of --help or --version, which it writes before a command
    // runs, or of stderr itself (stdout and stderr on a full disk). Say it if stderr still takes
    // it; either way the code must not be Node's 1, which means findings.
    try {
      stderr.write(`relayconf: ${(error as Error).message}\n`);
    } catch {
      // stderr is what failed: nothing more can be said.
    }
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.internal;
  },
);
