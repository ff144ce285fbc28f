// Wires a CLI run to the process: argv, the output descriptors, cwd and env in; the exit code out.
import { fdOutput } from './fd-output.js';
import type { CliIO } from './types.js';

// `relayconf plan | head`: a reader that stops early is not an error of ours.
const readerGone = (): never => process.exit(process.exitCode ?? 0);

export function runAsProcess(run: (argv: string[], io: CliIO) => Promise<number>): void {
  // No top-level await: this is bundled as CommonJS (src/tools/bundle-cli.mjs).
  void run(process.argv.slice(2), { stdout: fdOutput(1, readerGone), stderr: fdOutput(2, readerGone), cwd: process.cwd(), env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
