#!/usr/bin/env node
// The executable: hands argv and the process's output descriptors to main() and exits with its code.
import { fdOutput } from './fd-output.js';
import { main } from './main.js';
import { EXIT, UsageError } from './types.js';

// No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
void main(process.argv.slice(2), { stdout: fdOutput(1), stderr: fdOutput(2), cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main() only throws when stderr itself failed while it reported an error (stdout and stderr on
    // a full disk): nothing can be said, but the code must not be Node's 1, which means findings.
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.internal;
  },
);
