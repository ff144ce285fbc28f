// Follows Postfix's log and hands every delivery line to the outcome store. Two sources: the journal
// (journalctl --output=json --follow, mail facility only; Debian 12's Postfix logs through syslog into
// journald) and a file (postconf(5) maillog_file, or a syslog file), tailed with rotation. The position
// (journal cursor, or file inode and offset) is saved in the queue root once the lines before it are
// recorded, so a restart neither misses lines nor counts them twice (the store drops exact repeats).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { QueueFs } from './fsops.js';
import { replaceFile } from './replace-file.js';
import { parseDeliveryMessage, parseQueueMessage, parseSyslogLine, type DeliveryLine } from './postfix-log.js';

/** `passwd`: where the postfix user's uid is looked up (default /etc/passwd; tests give their own). */
export type LogSource = { kind: 'journal'; journalctl: string; passwd?: string } | { kind: 'file'; path: string };

/** Postfix's mail_owner (postconf(5) mail_owner, Debian's default): the user its delivery daemons log as. */
const POSTFIX_USER = 'postfix';

/**
 * The uids whose journal entries are read: root (master(8), and root can write anything anyway) and the
 * postfix user. journald records _UID itself (systemd.journal-fields(7), a trusted field), unlike
 * SYSLOG_IDENTIFIER, which any local user can set with logger(1): a forged "status=bounced" line would
 * otherwise put any address on the suppression list.
 */
export function journalUids(passwdText: string): string[] {
  const entry = passwdText.split('\n').find((line) => line.split(':')[0] === POSTFIX_USER);
  const uid = entry?.split(':')[2];
  return uid !== undefined && /^\d+$/.test(uid) && uid !== '0' ? ['0', uid] : ['0'];
}

/** journalUids of the system's user list (or the source's own); a list that cannot be read leaves root only. */
export function readJournalUids(source: { passwd?: string }, onError: (reason: string) => void): Set<string> {
  let passwd = '';
  try {
    passwd = fs.readFileSync(source.passwd ?? '/etc/passwd', 'utf8');
  } catch (error) {
    onError(`cannot read the user list to find Postfix's uid (${(error as NodeJS.ErrnoException).code ?? String(error)}); reading root's log lines only`);
  }
  return new Set(journalUids(passwd));
}

/**
 * One entry of journalctl --output=json: its syslog tag, message and time, or null when it is not a text
 * line from one of `uids`. journald gives a MESSAGE that is not valid UTF-8 as an array of bytes: not a
 * Postfix line. The uid is checked here too: journalctl filters by it, and this holds should it ever be run without.
 */
export function journalEntry(entry: Record<string, unknown>, uids: Set<string>): { program: string; message: string; time: Date } | null {
  const { MESSAGE: message, SYSLOG_IDENTIFIER: program, __REALTIME_TIMESTAMP: micros, _UID: uid } = entry;
  if (typeof message !== 'string' || typeof program !== 'string' || typeof uid !== 'string' || !uids.has(uid)) return null;
  const time = typeof micros === 'string' && /^\d+$/.test(micros) ? new Date(Number(BigInt(micros) / 1000n)) : new Date();
  return { program, message, time };
}

export interface FollowerOptions {
  source: LogSource;
  fs: QueueFs;
  /** Where the position is kept: QUEUE_ROOT/log-position.json. */
  positionFile: string;
  record: (line: DeliveryLine, time: Date) => Promise<void>;
  /** cleanup(8) named the Message-ID of the message it received under `queueId` (postfix-log.ts QueueLine). */
  onMessageId?: (queueId: string, messageId: string, time: Date) => void;
  onError: (reason: string) => void;
  /** File source: how often the file is looked at (ms). */
  pollMs?: number;
}

type Position = { kind: 'journal'; cursor: string } | { kind: 'file'; ino: number; offset: number };

/** Longest log line read; anything longer is skipped (Postfix's own lines are far shorter). */
const LONGEST_LINE = 64 * 1024;

export class LogFollower {
  private stopped = false;
  private child: ChildProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Saves what was read but not saved yet (the journal source saves on a timer). */
  private flush: () => Promise<void> = async () => undefined;
  /** Lines read and recorded; the journal's last cursor or the file's offset follow them. */
  linesRead = 0;
  running = false;
  /** The journal source: the uids whose entries count (journalUids). */
  private uids = new Set<string>(['0']);

  private readonly report: (reason: string) => void;

  constructor(private readonly options: FollowerOptions) {
    // The file source polls twice a second: a log it cannot open (EACCES) must not flood the journal.
    // The same reason is reported again only after ten minutes.
    const reported = new Map<string, number>();
    this.report = (reason) => {
      const now = Date.now();
      if (now - (reported.get(reason) ?? -Infinity) < 600_000) return;
      if (reported.size > 100) reported.clear();
      reported.set(reason, now);
      options.onError(reason);
    };
  }

  async start(): Promise<void> {
    const saved = await this.loadPosition();
    this.running = true;
    if (this.options.source.kind === 'journal') {
      this.uids = readJournalUids(this.options.source, this.options.onError);
      this.followJournal(this.options.source.journalctl, saved?.kind === 'journal' ? saved.cursor : null);
    }
    else await this.followFile(this.options.source.path, saved?.kind === 'file' ? saved : null);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.child?.kill('SIGTERM');
    await this.flush();
    await this.saving;
  }

  private async loadPosition(): Promise<Position | null> {
    try {
      const value = JSON.parse((await this.options.fs.readUntrusted(this.options.positionFile, 4096)).toString('utf8')) as Position;
      if (value?.kind === 'journal' && typeof value.cursor === 'string' && value.cursor.length < 1024) return value;
      if (value?.kind === 'file' && Number.isSafeInteger(value.ino) && Number.isSafeInteger(value.offset) && value.offset >= 0) return value;
      this.report('the saved log position is not one this relay wrote; following from the end');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.report('the saved log position cannot be read; following from the end');
    }
    return null;
  }

  /** Saves the position (temp file and rename; an fsync is not needed: a stale position only repeats lines). */
  private savePosition(position: Position): Promise<void> {
    this.saving = this.saving.then(() =>
      replaceFile(this.options.fs, this.options.positionFile, Buffer.from(JSON.stringify(position)), { file: false, dir: false }).catch((error: unknown) =>
        this.report(`cannot save the log position: ${(error as NodeJS.ErrnoException).code ?? String(error)}`),
      ),
    );
    return this.saving;
  }

  private async handle(program: string, message: string, time: Date): Promise<void> {
    const line = parseDeliveryMessage(program, message);
    this.linesRead += 1;
    if (line) await this.options.record(line, time);
    const queueLine = line ? null : parseQueueMessage(program, message);
    if (queueLine?.kind === 'message-id') this.options.onMessageId?.(queueLine.queueId, queueLine.messageId, time);
  }

  /**
   * journalctl as a child: JSON entries of the mail facility (Postfix's syslog_facility default), from
   * just after the saved cursor, or from now on a first start. Restarted after a pause if it exits.
   */
  private followJournal(journalctl: string, cursor: string | null, inclusive = false): void {
    // --all: without it journalctl(1) prints a field over 4096 bytes as null (a long bounce reply would vanish).
    // Matches on one field are ORed, on different fields ANDed (journalctl(1)): the mail facility, from root or postfix.
    const args = ['--output=json', '--all', '--follow', '--no-pager', '--quiet', 'SYSLOG_FACILITY=2', ...[...this.uids].map((uid) => `_UID=${uid}`)];
    args.push(...(cursor ? [inclusive ? `--cursor=${cursor}` : `--after-cursor=${cursor}`] : ['--lines=0']));
    const child = spawn(journalctl, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-500)));
    child.on('error', (error) => this.report(`cannot run ${journalctl}: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    let last = cursor;
    let chain = Promise.resolve();
    /** A line could not be recorded (a full disk): the rest is not read; journalctl starts again at that entry. */
    let failed = false;
    let retryAt: string | null = null;
    // The cursor is saved at most once a second (and on stop): a busy mail log must not cost a write per
    // line, and lines read again after a crash are recorded once anyway.
    let saveTimer: NodeJS.Timeout | null = null;
    const saveNow = () => {
      saveTimer = null;
      if (last !== null) void this.savePosition({ kind: 'journal', cursor: last });
    };
    const saveSoon = () => {
      saveTimer ??= setTimeout(() => void chain.then(saveNow), 1_000);
    };
    this.flush = async () => {
      if (saveTimer) clearTimeout(saveTimer);
      await chain;
      saveNow();
    };
    const onLine = (text: string) => {
      chain = chain.then(async () => {
        if (failed || text.length > LONGEST_LINE) return;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(text) as Record<string, unknown>;
        } catch {
          return;
        }
        const at = entry.__CURSOR;
        const read = journalEntry(entry, this.uids);
        if (read) {
          try {
            await this.handle(read.program, read.message, read.time);
          } catch (error) {
            failed = true;
            retryAt = typeof at === 'string' ? at : null;
            this.report(`cannot record a delivery line: ${(error as NodeJS.ErrnoException).code ?? String(error)}; reading the journal again from there`);
            child.kill('SIGTERM');
            return;
          }
        }
        if (typeof at === 'string') {
          last = at;
          saveSoon();
        }
      });
    };
    // One JSON entry per line; a line over the cap is skipped up to its newline.
    let buffered = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const parts = (buffered + chunk).split('\n');
      buffered = parts.pop()!;
      // A NUL keeps the rest of an overlong line from parsing as an entry once its newline comes.
      if (buffered.length > LONGEST_LINE) buffered = '\u0000';
      for (const part of parts) onLine(part);
    });
    child.on('close', (code) => {
      this.child = null;
      if (this.stopped) return;
      this.running = false;
      this.report(`journalctl exited (${code ?? 'signal'}${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}); restarting in 5 s`);
      this.timer = setTimeout(() => {
        this.running = true;
        void chain.then(() => (retryAt !== null ? this.followJournal(journalctl, retryAt, true) : this.followJournal(journalctl, last)));
      }, 5_000);
    });
  }

  /**
   * Tails `file`: reads what was appended since the saved offset (same inode), else starts at the end.
   * A new inode at the path (logrotate's create, or postlogd reopening after postfix logrotate) is read
   * from its start once the old file's rest has been read; a file shorter than the offset was truncated.
   */
  private async followFile(file: string, saved: { ino: number; offset: number } | null): Promise<void> {
    const pollMs = this.options.pollMs ?? 500;
    let fd: number | null = null;
    let ino = -1;
    let offset = 0;
    let partial = Buffer.alloc(0);
    /**
     * Where the line being read starts when it overflowed the cap (else null): everything up to its newline is
     * skipped, not read as a line, and the saved position stays at its start, so a restart skips it whole too.
     */
    let overlong: number | null = null;
    let appeared = false;
    const openAt = (start: 'saved' | 'end' | 'start') => {
      try {
        const opened = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
        const stat = fs.fstatSync(opened);
        if (!stat.isFile()) {
          fs.closeSync(opened);
          return false;
        }
        fd = opened;
        ino = stat.ino;
        // A saved position in another file: the log rotated while the relay was down; its new file is read whole.
        const resume = start === 'saved' && saved ? (saved.ino === stat.ino && saved.offset <= stat.size ? saved.offset : 0) : null;
        offset = start === 'start' ? 0 : resume ?? stat.size;
        partial = Buffer.alloc(0);
        overlong = null;
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') this.report(`cannot open the Postfix log ${file}: ${code ?? String(error)}`);
        return false;
      }
    };
    /** Reads what was appended; returns false at end of file. */
    const drain = async (): Promise<void> => {
      const buffer = Buffer.alloc(256 * 1024);
      for (;;) {
        const read = fs.readSync(fd!, buffer, 0, buffer.length, offset);
        if (read === 0) return;
        let chunk = Buffer.concat([partial, buffer.subarray(0, read)]);
        // A line that cannot be recorded (a full disk) throws out of here with offset and partial as they
        // were: the next poll reads the same bytes again, in the same overlong state.
        const overlongBefore = overlong;
        // The file offset of chunk's first byte, and of the first line not yet recorded.
        let at = offset - partial.length;
        let consumed = overlong ?? at;
        let newline: number;
        while ((newline = chunk.indexOf(0x0a)) >= 0) {
          const text = chunk.subarray(0, newline).toString('utf8');
          chunk = chunk.subarray(newline + 1);
          at += newline + 1;
          consumed = at;
          const tail = overlong !== null;
          overlong = null;
          if (!tail && text.length <= LONGEST_LINE) {
            const parsed = parseSyslogLine(text);
            if (parsed) {
              await this.handle(parsed.program, parsed.message, parsed.time).catch((error: unknown) => {
                overlong = overlongBefore;
                throw error;
              });
            }
          }
        }
        if (overlong === null && chunk.length > LONGEST_LINE) overlong = at;
        partial = overlong !== null ? Buffer.alloc(0) : Buffer.from(chunk);
        offset += read;
        await this.savePosition({ kind: 'file', ino, offset: consumed });
      }
    };
    const tick = async () => {
      if (this.stopped) return;
      try {
        if (fd === null) {
          // A log that did not exist yet when the relay started is read whole once it appears.
          if (!openAt(saved ? 'saved' : appeared ? 'start' : 'end')) appeared = true;
          saved = null;
        }
        if (fd !== null) {
          if (fs.fstatSync(fd).size < offset) {
            // Truncated in place (copytruncate): read it again from the start.
            offset = 0;
            partial = Buffer.alloc(0);
            overlong = null;
          }
          await drain();
          const current = fs.statSync(file, { throwIfNoEntry: false });
          if (current && current.ino !== ino) {
            // Rotated: the old file's rest is read above; the new one is read from its start.
            await drain();
            fs.closeSync(fd);
            fd = null;
            openAt('start');
            await drain();
          }
        }
      } catch (error) {
        this.report(`reading the Postfix log ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), pollMs);
      else if (fd !== null) fs.closeSync(fd);
    };
    await tick();
  }
}
