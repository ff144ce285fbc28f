// The CLI contract: main(argv, io) -> exit code; each command is a module with its own --help.
/** Where the CLI writes: whole texts; isTTY decides colour. */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Documented exit codes (README, --help). */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text (usage line, options, exit codes). */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage problem (bad flag, bad value): exit 2 with this message. */
export class UsageError extends Error {}
