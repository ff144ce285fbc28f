// Wires a CLI run to the process: argv, the output descriptors, cwd and env in; the exit code out.
import { fdOutput } from './fd-output.js';
import { EXIT, UsageError, type CliIO } from './types.js';

export function runAsProcess(run: (argv: string[], io: CliIO) => Promise<number>): void {
  const stderr = fdOutput(2);
  // No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
  void run(process.argv.slice(2), { stdout: fdOutput(1), stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A run throws only a failed write: of --help or --version, which main() writes before a
      // command runs, or of stderr itself (stdout and stderr on a full disk). Say it if stderr
      // still takes it; either way the code must not be Node's 1, which means findings.
      try {
        stderr.write(`relayconf: ${(error as Error).message}\n`);
      } catch {
        // stderr is what failed: nothing more can be said.
      }
      process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.internal;
    },
  );
}
