// The CLI's stdout and stderr as plain file descriptors written synchronously. Why not
// process.stdout: its first use loads Node's stream modules (and net and tty for a pipe or a
// terminal), about 4 ms of every `relayconf lint`; the CLI only ever writes whole texts and exits.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CliOutput } from './types.js';

/** How long to wait for a full non-blocking pipe to drain before writing again. */
const PIPE_FULL_WAIT_MS = 2;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Is fd a terminal? Files, pipes and sockets are decided by fstat alone; only a character device
 * other than /dev/null (a terminal, or something exotic) asks node:tty, which knows for sure.
 */
export function fdIsTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/**
 * Writes all of text to fd. A non-blocking pipe (a parent's) may take part of it or answer EAGAIN
 * when full: wait and go on. A reader that went away (`relayconf plan | head`) is not our error:
 * onClosed decides (the executable exits with the code so far).
 */
export function writeAllSync(fd: number, text: string, onClosed: () => never): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') sleepMs(PIPE_FULL_WAIT_MS);
      else if (code === 'EPIPE') onClosed();
      else throw error;
    }
  }
}

/** A CliOutput on fd; isTTY is looked up on first use (colour is only asked of stdout in text format). */
export function fdOutput(fd: number, onClosed: () => never): CliOutput {
  let terminal: boolean | undefined;
  return {
    write(text: string) {
      writeAllSync(fd, text, onClosed);
      return true;
    },
    get isTTY() {
      terminal ??= fdIsTerminal(fd);
      return terminal;
    },
  };
}
