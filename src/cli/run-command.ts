// Runs one command with the CLI's contract: --help prints its help, a usage problem or an
// unreadable config exits 2 with the message, anything else is an internal error (exit 3).
import { ConfigReadError } from '../config/errors.js';
import { EXIT, UsageError, type CliIO, type Command } from './types.js';

export async function runCommand(name: string, load: () => Promise<Command>, rest: string[], io: CliIO): Promise<number> {
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigReadError) {
      io.stderr.write(`relayconf ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`relayconf ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
