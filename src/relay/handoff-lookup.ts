// After a crash: did Postfix already take the jobs the last run had in hand? A SIGKILL between Postfix's
// 250 reply to DATA and the job leaving processing/ would otherwise hand the same message to Postfix again,
// and the recipient would get it twice. Each job's Message-ID is fixed at acceptance (job.ts), and Postfix's
// cleanup(8) logs it with the queue id ("QUEUEID: message-id=<...>"); qmgr(8) logs that queue id once the
// message is queued in full. A job whose Message-ID was logged under a queue id that was then queued is
// taken; one whose Message-ID never appeared, or whose transfer was abandoned before the end of DATA (cleanup
// logged it, qmgr never did), is handed off again. The log is read once per round, from the earliest time
// one of the jobs can have been handed off, with the log follower's source (the journal or a file), not its position.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { journalEntry, readJournalUids, type LogSource } from './log-follower.js';
import { parseDeliveryMessage, parseQueueMessage, parseSyslogLine, type DeliveryLine } from './postfix-log.js';

/** One log entry: the syslog tag without the pid (postfix/cleanup), the message and its time. */
export interface LogEntry {
  program: string;
  message: string;
  time: Date;
}

/** Reads the log's entries from `since` (at least) up to now, then ends; stops early, throwing, once `signal` aborts. */
export type LogScan = (since: Date, signal: AbortSignal) => AsyncIterable<LogEntry>;

export interface RecoveredJob {
  id: string;
  /** As the job carries it and the message says it: `<id@domain>`. */
  messageId: string;
  /** The earliest time its last hand-off can have started: its acceptance, or the retry time it waited for. */
  since: Date;
}

/** A job Postfix took: the queue id, and the delivery lines already logged for it (the follower may have passed them). */
export interface TakenJob {
  queueId: string;
  lines: { line: DeliveryLine; time: Date }[];
}

export interface LookupOptions {
  /** How long a Message-ID seen without its queued line is waited for (qmgr logs it just after the 250). */
  graceMs?: number;
  /** Pause between rounds. */
  pauseMs?: number;
  /** Longest the whole look-up may take (a journalctl that hangs must not hold the recovered jobs for good). */
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Clock steps and syslog's whole-second stamps: the log is read from this long before the earliest `since`. */
const SLACK_MS = 60_000;
const LONGEST_LINE = 64 * 1024;
const REPEATED_HOUR_MS = 3_600_000;

/**
 * Which of `jobs` Postfix took. A round that sees nothing for a job is repeated once after a pause (a line
 * written just before the crash may not have reached the journal yet); a job seen without its queued line
 * is looked for again until `graceMs` has passed. Throws when the log cannot be read, or `timeoutMs` passes,
 * before one round read it in full (the caller then hands the jobs off again, as before this existed); a
 * later round cut short leaves the earlier round's answer.
 */
export async function findTakenJobs(jobs: RecoveredJob[], scan: LogScan, options: LookupOptions = {}): Promise<Map<string, TakenJob>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.graceMs ?? 10_000);
  const byMessageId = new Map(jobs.map((job) => [job.messageId, job.id]));
  const taken = new Map<string, TakenJob>();
  if (jobs.length === 0) return taken;
  const since = new Date(Math.min(...jobs.map((job) => job.since.getTime())) - SLACK_MS);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const signal = AbortSignal.timeout(timeoutMs);
  for (let round = 0; ; round += 1) {
    const jobOf = new Map<string, string>();
    const queued = new Set<string>();
    // Queue ids of messages a local user submitted with sendmail(1): a Message-ID in those is not the relay's hand-off.
    const local = new Set<string>();
    const lines = new Map<string, { line: DeliveryLine; time: Date }[]>();
    try {
      for await (const entry of scan(since, signal)) {
        if (signal.aborted) throw new Error(`the look-up took longer than ${timeoutMs} ms`);
        const queueLine = parseQueueMessage(entry.program, entry.message);
        if (queueLine?.kind === 'message-id' || queueLine?.kind === 'new') {
          // A new message under this queue id (ids come back): what was logged under it before was another's.
          const { queueId } = queueLine;
          if (queueLine.kind === 'new') {
            if (queueLine.via === 'pickup') local.add(queueId);
            else local.delete(queueId);
          }
          const id = queueLine.kind === 'message-id' && !local.has(queueId) ? byMessageId.get(queueLine.messageId) : undefined;
          if (id !== undefined) jobOf.set(queueId, id);
          else jobOf.delete(queueId);
          queued.delete(queueId);
          lines.delete(queueId);
        } else if (queueLine?.kind === 'queued') {
          queued.add(queueLine.queueId);
        }
        const delivery = parseDeliveryMessage(entry.program, entry.message);
        if (delivery && jobOf.has(delivery.queueId)) {
          queued.add(delivery.queueId);
          lines.set(delivery.queueId, [...(lines.get(delivery.queueId) ?? []), { line: delivery, time: entry.time }]);
        }
      }
    } catch (error) {
      // An earlier round read the log in full: the jobs it found taken stay taken, the others are handed off again.
      if (round > 0) return taken;
      throw error;
    }
    const seen = new Set(jobOf.values());
    for (const [queueId, id] of jobOf) if (queued.has(queueId)) taken.set(id, { queueId, lines: lines.get(queueId) ?? [] });
    const waiting = [...seen].filter((id) => !taken.has(id));
    if (taken.size === jobs.length || now() >= deadline) return taken;
    if (waiting.length === 0 && round >= 1) return taken;
    // A second look after a pause (journald's lag), then one last at the deadline: each round reads the whole
    // span again, and a Postfix that dies mid-DATA under load must not cost a re-read per second per job.
    await sleep(round === 0 ? (options.pauseMs ?? 1_000) : Math.max(options.pauseMs ?? 1_000, deadline - now()));
    if (signal.aborted) return taken;
  }
}

/**
 * The journal from `since`: journalctl without --follow ends at the journal's end. The same matches as the
 * follower (mail facility, root and postfix's uid, checked again here): a line any local user can forge
 * with logger(1) must not make the relay drop a job.
 */
export function journalScan(journalctl: string, uids: Set<string>): LogScan {
  return async function* (since, signal) {
    const args = ['--output=json', '--all', '--no-pager', '--quiet', 'SYSLOG_FACILITY=2', ...[...uids].map((uid) => `_UID=${uid}`), `--since=@${Math.floor(since.getTime() / 1000)}`];
    const child = spawn(journalctl, args, { stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-500)));
    const exited = new Promise<number | null>((resolve, reject) => {
      // An abort (the time limit) is reported by findTakenJobs; the child's AbortError is not news.
      child.on('error', (error) => (signal.aborted ? resolve(null) : reject(error)));
      child.on('close', (code) => resolve(code));
    });
    try {
      for await (const text of readline.createInterface({ input: child.stdout!, crlfDelay: Infinity })) {
        if (text.length > LONGEST_LINE) continue;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(text) as Record<string, unknown>;
        } catch {
          continue;
        }
        const read = journalEntry(entry, uids);
        if (read) yield read;
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    const code = await exited;
    if (signal.aborted) throw new Error('the look-up ran out of time while journalctl was reading');
    if (code !== 0) throw new Error(`journalctl exited ${code ?? 'on a signal'}${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`);
  };
}

/**
 * A log file from `since` (an hour before when summer time may have ended since): the file is searched backwards in growing steps for a line older
 * than that (a day's maillog is not read whole), then read forwards to its end. Lines without a syslog stamp are skipped.
 */
export function fileScan(file: string): LogScan {
  return async function* (wanted, signal) {
    // A classic stamp is local time with no offset: in the hour that repeats when summer time ends it reads
    // as the first pass, an hour early. When the local offset changed since, an hour more is read; that costs
    // only time: a line older than the job cannot carry its Message-ID, and a queue id used again is told
    // apart by findTakenJobs. Otherwise not: a busy day's maillog holds a lot in an hour.
    const earlier = new Date(wanted.getTime() - REPEATED_HOUR_MS);
    const since = earlier.getTimezoneOffset() !== new Date().getTimezoneOffset() ? earlier : wanted;
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      const size = fs.fstatSync(fd).size;
      const start = startOffset(fd, size, since);
      const stream = fs.createReadStream('', { fd, start, end: Math.max(start, size - 1), autoClose: false });
      let first = start > 0;
      for await (const text of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
        // Reading starts mid-file at a line's middle: the rest of that line is not a line.
        if (first) {
          first = false;
          continue;
        }
        if (signal.aborted) throw new Error('the look-up ran out of time while reading the log file');
        if (text.length > LONGEST_LINE) continue;
        const parsed = parseSyslogLine(text);
        if (parsed && parsed.time >= since) yield parsed;
      }
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** An offset at or before the first line stamped `since` or later: where the first whole line read is older. */
function startOffset(fd: number, size: number, since: Date): number {
  const probe = Buffer.alloc(LONGEST_LINE);
  let step = 1024 * 1024;
  let offset = size;
  while (offset > 0) {
    offset = Math.max(0, offset - step);
    step *= 2;
    const read = fs.readSync(fd, probe, 0, probe.length, offset);
    const text = probe.subarray(0, read).toString('utf8');
    const lines = text.split('\n');
    // The first whole line: after the first newline, unless reading from the file's start.
    const line = offset === 0 ? lines[0] : lines[1];
    const parsed = line === undefined ? null : parseSyslogLine(line);
    if (parsed && parsed.time < since) return offset;
  }
  return 0;
}

/** The scan of the follower's source; `onError` hears of a user list that cannot be read (journal only). */
export function scanOf(source: LogSource, onError: (reason: string) => void): LogScan {
  return source.kind === 'journal' ? journalScan(source.journalctl, readJournalUids(source, onError)) : fileScan(source.path);
}
