// The entry of the lint-only CLI bundle, which dist/cli/bin.cjs starts for `relayconf lint`: the
// same command as main() runs, without the other commands' code (a fifth of the bundle, which
// every lint in CI would otherwise read and map into memory). src/tools/bundle-cli.mjs builds it.
import lint from './commands/lint.js';
import { runAsProcess } from './process-io.js';
import { runCommand } from './run-command.js';

runAsProcess(async (argv, io) => runCommand('lint', async () => lint, argv.slice(1), io));
