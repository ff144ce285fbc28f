// The CLI's stdout and stderr as plain file descriptors written synchronously. Why not
// process.stdout: its first use loads Node's stream modules (and net and tty for a pipe or a
// terminal), about 4 ms of every `relayconf lint`; the CLI only ever writes whole texts and exits.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FILE_SYSTEM_ERRORS } from '../util/file-system-errors.js';
import { UsageError, type CliOutput } from './types.js';

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
 * A write to stdout or stderr that the place behind it refused (a full disk, a broken device): not
 * relayconf's bug, so the CLI says which stream and why and exits 2, as for an unwritable output tree.
 */
export class OutputWriteError extends UsageError {}

const STREAM_NAMES: Record<number, string> = { 1: 'standard output', 2: 'standard error' };

/**
 * Writes all of text to fd. A non-blocking pipe (a parent's) may take part of it or answer EAGAIN
 * when full: wait and go on. A reader that went away (`relayconf plan | head`) is not our error:
 * onClosed is told and the rest of the text is dropped. Any other errno is an OutputWriteError.
 */
export function writeAllSync(fd: number, text: string, onClosed: () => void): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') sleepMs(PIPE_FULL_WAIT_MS);
      else if (code === 'EPIPE') return onClosed();
      else if (code) throw new OutputWriteError(`cannot write ${STREAM_NAMES[fd] ?? `file descriptor ${fd}`}: ${FILE_SYSTEM_ERRORS[code] ?? (error as Error).message} (${code})`);
      else throw error;
    }
  }
}

/**
 * A CliOutput on fd; isTTY is looked up on first use (colour is only asked of stdout in text format).
 * Once the reader has gone, later texts are dropped: the run goes on to its own exit code, so
 * `relayconf lint | head -1` still exits 1 for findings (a pipeline under `set -o pipefail` sees it).
 */
export function fdOutput(fd: number): CliOutput {
  let terminal: boolean | undefined;
  let readerGone = false;
  return {
    write(text: string) {
      if (!readerGone) writeAllSync(fd, text, () => (readerGone = true));
      return true;
    },
    get isTTY() {
      terminal ??= fdIsTerminal(fd);
      return terminal;
    },
  };
}
