// One build at a time per output directory: a lock file beside it, created exclusively, naming its holder.
import { nodeCrypto } from '../util/node-crypto.js';
import { closeSync, constants, fstatSync, linkSync, lstatSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat), so a reused pid is not taken for it. */
  start: string | null;
}

/** Another build holds the lock and did not let go within the wait. */
export class LockBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(`${lockPath} is held by ${holder ? `pid ${holder.pid} on ${holder.host}` : 'an unknown process (its content is not a relayconf lock)'}`);
  }
}

export interface HeldLock {
  path: string;
  /** Still ours: no other process has broken it as stale (checked before anything is replaced). */
  stillHeld(): boolean;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up. */
  waitMs: number;
  pollMs?: number;
  /** Called once when the lock is busy and the wait begins. */
  onWait?: (holder: LockHolder | null) => void;
  /** Called when a lock left by a process that no longer runs is taken over. */
  onStale?: (holder: LockHolder | null) => void;
}

/** A lock whose content cannot be read as ours is taken for stale only after this long (a crash between create and write). */
const UNREADABLE_STALE_MS = 10_000;

interface SeenLock {
  ino: number;
  text: string;
  holder: LockHolder | null;
  mtimeMs: number;
}

/** The start time of `pid` as Linux reports it (field 22 of /proc/<pid>/stat), or null where there is no /proc. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0 || typeof value.host !== 'string') return null;
    return { pid: value.pid as number, host: value.host, start: typeof value.start === 'string' ? value.start : null };
  } catch {
    return null;
  }
}

/** A lock relayconf writes is one short JSON line; anything longer is not one. */
const LOCK_MAX_BYTES = 4096;

/**
 * The content of the lock file itself, or '' when the name holds something else: a symlink is not
 * followed (it could point at /dev/zero), a FIFO not waited on (O_NONBLOCK), and only a regular file is read.
 */
function readLockText(lockPath: string): string {
  let fd: number;
  try {
    fd = openSync(lockPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return '';
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(LOCK_MAX_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, LOCK_MAX_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readLock(lockPath: string): SeenLock | null {
  try {
    const stat = lstatSync(lockPath);
    const text = readLockText(lockPath);
    return { ino: stat.ino, text, holder: parseHolder(text), mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether the holder is certainly gone: only judged on this host, by pid and, where known, start time. */
function isStale(seen: SeenLock): boolean {
  const holder = seen.holder;
  if (!holder) return Date.now() - seen.mtimeMs > UNREADABLE_STALE_MS;
  if (holder.host !== os.hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  const start = processStart(holder.pid);
  return holder.start !== null && start !== null && start !== holder.start;
}

const ignoreMissing = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
};

/**
 * Creates the lock with its content already in it: written to a private name first, then linked to the
 * lock name (link(2) fails on an existing name). A build killed at any point leaves either no lock or a
 * whole one naming its pid, never an empty file the next build would have to wait out as unreadable.
 */
function tryCreate(lockPath: string, text: string): number | null {
  const temp = `${lockPath}-new-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // The place that failed (EROFS, EACCES, ENOSPC) is the lock's, as far as anybody reading the message cares.
    (error as NodeJS.ErrnoException).path = lockPath;
    try {
      unlinkSync(temp);
    } catch {
      // Never made (the usual case), or as unwritable as the rest: the first error is the one to report.
    }
    throw error;
  }
  try {
    linkSync(temp, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the holder's clean-up took the temp file for a killed build's; look at the lock again.
    if (code === 'EEXIST' || code === 'ENOENT') return null;
    throw error;
  } finally {
    ignoreMissing(() => unlinkSync(temp));
  }
  return lstatSync(lockPath).ino;
}

/**
 * Removes a stale lock without ever removing a live one: it is renamed aside first (only one process
 * can move a given file), and if what moved is not the stale lock that was judged (another process
 * broke it and made its own meanwhile), it is linked back before the aside name goes.
 */
function breakStale(lockPath: string, seen: SeenLock): void {
  const aside = `${lockPath}-stale-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(aside);
  if (moved && (moved.ino !== seen.ino || moved.text !== seen.text)) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  ignoreMissing(() => unlinkSync(aside));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes `lockPath`, waiting up to `waitMs` for a live holder and taking over from a dead one. */
export async function acquireLock(lockPath: string, options: LockOptions): Promise<HeldLock> {
  const text = `${JSON.stringify({ pid: process.pid, host: os.hostname(), start: processStart(process.pid) })}\n`;
  const deadline = Date.now() + options.waitMs;
  let waiting = false;
  for (;;) {
    const ino = tryCreate(lockPath, text);
    if (ino !== null) {
      const stillHeld = () => {
        const now = readLock(lockPath);
        return now !== null && now.ino === ino && now.text === text;
      };
      return {
        path: lockPath,
        stillHeld,
        release: () => {
          if (stillHeld()) ignoreMissing(() => unlinkSync(lockPath));
        },
      };
    }
    const seen = readLock(lockPath);
    if (!seen) continue;
    if (isStale(seen)) {
      options.onStale?.(seen.holder);
      breakStale(lockPath, seen);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(lockPath, seen.holder);
    if (!waiting) options.onWait?.(seen.holder);
    waiting = true;
    await sleep(options.pollMs ?? 100);
  }
}
