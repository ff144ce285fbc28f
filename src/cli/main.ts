// The CLI as a function: main(argv, io) returns the exit code; bin.ts only wires the process to it.
import { COMMANDS } from './commands/index.js';
import { EXIT, type CliIO } from './types.js';
import { runCommand } from './run-command.js';
import { closest } from '../util/closest.js';
import { toolVersion } from './version.js';

export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `relayconf: config-as-code compiler and policy linter for outbound-only mail relays

Usage: relayconf <command> [config] [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Without a config path, relayconf looks in the current directory for relay.config.yaml,
.relayconfrc.yaml, or a "relayconf" key in package.json.

Run \`relayconf <command> --help\` for a command's options.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, unreadable config or
            unwritable output, 3 internal error.
`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topLevelHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const suggestion = closest(name, COMMANDS.map((c) => c.name));
    io.stderr.write(`relayconf: unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}\n\n${topLevelHelp()}`);
    return EXIT.usage;
  }
  return runCommand(name, entry.load, rest, io);
}
