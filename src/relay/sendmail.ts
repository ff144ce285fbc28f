// Runs `sendmail -t -oi -f <returnPath>` with the staged message file as stdin. The
// message never goes through argv or a shell, and because stdin is a file rather than a pipe, a relay
// killed mid-job can never hand sendmail half a message: sendmail reads the whole file or nothing.
// At the timeout sendmail gets SIGTERM (Postfix's sendmail cleans up its maildrop file), then SIGKILL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { classifyExit } from './sysexits.js';

/**
 * The outcome of one hand-off to Postfix, by sendmail or SMTP. `queueId` and `reply` are the SMTP
 * hand-off's 250 reply to DATA; `replyCode` the SMTP reply code of a refusal.
 * `local: true` marks a failure on this host before sendmail ran (the message could not be staged,
 * e.g. a full disk): it does not count as a delivery attempt. `permanent: true` means no retry can
 * help (src/relay/sysexits.ts); `exitStatus` is sendmail's status when it exited by itself.
 * `uncertain: true` (SMTP): the body was sent and no reply came (a lost connection, the deadline), so Postfix
 * may have queued it; the worker asks Postfix's log before trying again (handoff-lookup.ts).
 */
export type HandoffResult =
  | { ok: true; queueId?: string; reply?: string; rejected?: string[] }
  | { ok: false; reason: string; local?: boolean; permanent?: boolean; exitStatus?: number; replyCode?: number; uncertain?: boolean };
export type SendmailResult = HandoffResult;

export interface SendmailOptions {
  path: string;
  returnPath: string;
  /** Bcc recipients: in no header, so -t cannot find them; given after `--` (validated dot-atom addresses). */
  bcc?: string[];
  /** File whose bytes are sendmail's stdin. */
  messageFile: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Grace between SIGTERM and SIGKILL at the timeout. */
  killGraceMs?: number;
}

/**
 * The argv the relay gives sendmail: recipients from the headers (-t), dots are data (-oi), envelope
 * sender; Bcc recipients after `--` (sendmail(1): -t adds the header recipients to those on the command line).
 */
export function sendmailArgs(returnPath: string, bcc: readonly string[] = []): string[] {
  return bcc.length === 0 ? ['-t', '-oi', '-f', returnPath] : ['-t', '-oi', '-f', returnPath, '--', ...bcc];
}

const TAIL_BYTES = 1024;
/** Longest stderr line quoted in a log `reason`. */
export const LAST_LINE_CHARS = 200;

/**
 * The last non-empty line sendmail wrote to stderr (Postfix's sendmail ends with its `fatal:` line),
 * made safe for a terminal and a JSON log: control characters (C0, DEL, C1) dropped, runs of white
 * space folded, cut to LAST_LINE_CHARS.
 */
export function lastLine(chunks: Buffer[]): string {
  const lines = Buffer.concat(chunks).toString('utf8').slice(-TAIL_BYTES).split(/\r?\n/);
  const clean = (line: string) => line.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '').replace(/\s+/g, ' ').trim();
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = clean(lines[i]);
    if (line !== '') return Array.from(line).slice(0, LAST_LINE_CHARS).join('');
  }
  return '';
}

export function runSendmail(options: SendmailOptions): Promise<SendmailResult> {
  return new Promise((resolve) => {
    let stdinFd: number;
    try {
      // No symlink swapped in for the staged file can make sendmail read (and mail) another file, and no
      // FIFO swapped in can block this synchronous open (O_NONBLOCK) or become sendmail's stdin.
      stdinFd = fs.openSync(options.messageFile, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
      if (!fs.fstatSync(stdinFd).isFile()) {
        fs.closeSync(stdinFd);
        resolve({ ok: false, reason: 'cannot open the staged message: not a regular file' });
        return;
      }
    } catch (error) {
      resolve({ ok: false, reason: `cannot open the staged message: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    const output: Buffer[] = [];
    let outputBytes = 0;
    let timedOut = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (result: SendmailResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(options.path, sendmailArgs(options.returnPath, options.bcc), {
        // Postfix's sendmail reports on stderr; stdout is not read (one pipe fewer per job).
        stdio: [stdinFd, 'ignore', 'pipe'],
        env: options.env,
      });
    } catch (error) {
      fs.closeSync(stdinFd);
      resolve({ ok: false, reason: `cannot run ${options.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    // The child holds its own copy of the descriptor now.
    fs.closeSync(stdinFd);
    const collect = (chunk: Buffer) => {
      // Keep a bounded window: a chatty sendmail must not grow memory.
      output.push(chunk);
      outputBytes += chunk.length;
      while (outputBytes - output[0].length > TAIL_BYTES * 2) outputBytes -= output.shift()!.length;
    };
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 2000);
    }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, reason: `cannot run ${options.path}: ${error.code ?? error.message}` });
    });
    child.on('exit', (code, signal) => {
      // A daemonized grandchild may keep the pipes open: wait briefly for them, not for it.
      const done = () => {
        child.stderr?.destroy();
        const said = lastLine(output);
        const suffix = said ? `: ${said}` : '';
        // A timeout and a signal are temporary: the next attempt may find Postfix responsive again.
        if (timedOut) finish({ ok: false, reason: `sendmail timed out after ${options.timeoutMs} ms${suffix}` });
        else if (code === 0) finish({ ok: true });
        else if (code !== null) {
          const { name, temporary } = classifyExit(code);
          const reason = `sendmail exited ${code}${name ? ` (${name})` : ''}${suffix}`;
          finish({ ok: false, reason, permanent: !temporary, exitStatus: code });
        } else finish({ ok: false, reason: `sendmail killed by ${signal}${suffix}` });
      };
      let waited = false;
      const once = () => {
        if (!waited) {
          waited = true;
          clearTimeout(grace);
          done();
        }
      };
      const grace = setTimeout(once, 200);
      child.once('close', once);
    });
  });
}
