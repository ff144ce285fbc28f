// Runs main() in-process with fake streams, the way style.md asks CLIs to be tested.
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const stream = new Writable({
    write(chunk, _enc, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; text: string };
  stream.text = '';
  stream.isTTY = isTTY;
  return stream;
}

export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<CliRun> {
  const stdout = sink(options.tty ?? false);
  const stderr = sink(false);
  const code = await main(argv, { stdout, stderr, cwd: options.cwd ?? process.cwd(), env: options.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
