// Reads the `sh step=NAME` blocks of a build's APPLY.md and runs them on this machine line by line, as
// the admin would paste them: each line through `sh -ec` as root. systemctl and journalctl lines go to
// handlers the test supplies (no systemd as PID 1 here); a line neither runnable nor handled fails the test,
// so a new command in APPLY.md cannot slip past it.
import { run, SYSTEM_PATH, type RunResult } from './processes.js';

/** step name -> its command lines (comments and blank lines dropped). */
export function applySteps(applyMd: string): Map<string, string[]> {
  const steps = new Map<string, string[]>();
  for (const match of applyMd.matchAll(/^```sh step=([\w-]+)\n([\s\S]*?)^```$/gm)) {
    const lines = match[2].split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    for (const line of lines) if (line.endsWith('\\')) throw new Error(`APPLY.md step ${match[1]}: continued lines are not supported: ${line}`);
    steps.set(match[1], lines);
  }
  return steps;
}

export interface StepLog {
  line: string;
  how: 'sh' | 'emulated';
  stdout: string;
}

/** A handler gets the words of a systemctl/journalctl line and returns what it printed (or throws). */
export type Emulator = (words: string[]) => Promise<string>;

export async function runStep(
  steps: Map<string, string[]>,
  name: string,
  options: { env?: Record<string, string>; emulate: Record<string, Emulator>; rewrite?: (line: string) => string },
): Promise<StepLog[]> {
  const lines = steps.get(name);
  if (!lines) throw new Error(`APPLY.md has no step=${name} block`);
  const log: StepLog[] = [];
  for (const original of lines) {
    const line = options.rewrite ? options.rewrite(original) : original;
    const words = line.split(/\s+/);
    const handler = options.emulate[words[0]];
    if (handler) {
      log.push({ line, how: 'emulated', stdout: await handler(words) });
      continue;
    }
    if (words[0] === 'systemctl' || words[0] === 'journalctl') throw new Error(`APPLY.md step ${name}: no emulation for "${line}"`);
    let result: RunResult;
    try {
      result = await run('/bin/sh', ['-ec', line], { env: { PATH: SYSTEM_PATH, HOME: '/root', LANG: 'C.UTF-8', ...options.env } });
    } catch (error) {
      throw new Error(`APPLY.md step ${name}, line "${line}": ${(error as Error).message}`);
    }
    log.push({ line, how: 'sh', stdout: result.stdout });
  }
  return log;
}
