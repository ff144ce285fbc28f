// Small process and socket helpers for the chain test: run a command and fail with its output, poll for a
// condition, tell whether a PID still runs, stop one PID (never a process by name), probe a TCP port.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The PATH systemd gives services (and the test's commands): sbin tools such as postfix and useradd. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs FILE ARGS; throws with the exit status, stdout and stderr when it fails. Asynchronous on purpose: the
 * SMTP sink lives in this process, and a blocked event loop would stall Postfix's deliveries to it.
 */
export async function run(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, {
      encoding: 'utf8',
      env: options.env ?? { ...process.env, PATH: SYSTEM_PATH },
      cwd: options.cwd ?? '/',
      timeout: 60_000,
    });
    return { stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; signal?: string; stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed (${e.signal ?? `exit ${e.code}`}):\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Polls CHECK every POLL ms until it returns a value other than undefined/false; throws after TIMEOUT ms. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, pollMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie is dead for our purposes: it holds no port and does no work.
  const stat = readProc(pid, 'stat');
  return stat !== null && !/^\d+ \(.*\) Z /.test(stat);
}

export function processCmdline(pid: number): string | null {
  const text = readProc(pid, 'cmdline');
  return text === null ? null : text.replace(/\0+$/, '').split('\0').join(' ');
}

export function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** Sends SIGNAL to PID and waits for it to exit; SIGKILL after GRACE ms. True when it is gone. */
export async function stopPid(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  if (!isAlive(pid)) return true;
  try {
    process.kill(pid, signal);
  } catch {
    return !isAlive(pid);
  }
  try {
    await waitFor(`pid ${pid} to exit`, () => !isAlive(pid), graceMs, 50);
    return true;
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* exited meanwhile */
    }
    await sleep(200);
    return !isAlive(pid);
  }
}

/** True when something accepts TCP connections on HOST:PORT. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Reads a PID file ("  1234\n"); null when it is missing or empty. */
export function readPidFile(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
