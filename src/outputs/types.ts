// An output file is data: a path in the server tree, a mode, and its bytes. Output modules are pure
// functions model -> OutputFile[]; only src/outputs/writer.ts touches the disk.
import type { ShellCommand } from './encode/shell.js';
export interface OutputFile {
  /** Relative POSIX path inside the output tree, e.g. `etc/postfix/main.cf`. */
  path: string;
  /** Unix permission bits, e.g. 0o644. */
  mode: number;
  content: string;
}

/** What a map source needs after it lands on the server (collected into the apply notes). */
export interface ApplyHint {
  /** Shell command as an argument vector, e.g. ['postmap', '/etc/postfix/transport'], quoted by the one shell quoter. */
  command: ShellCommand;
  /** Why, one line. */
  why: string;
}
