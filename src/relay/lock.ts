// One relay per queue: QUEUE_ROOT/relay.lock names the process that owns the queue, for as long as it runs.
// Node has no flock() without a native addon, so the lock is a file made atomically with link(2): the
// content (pid and the process's start time) is written to a private temp file first and then linked
// to the lock name, which fails with EEXIST when the name exists; readers never see a half-written lock.
// A lock whose process is gone (SIGKILL, power loss) is stale and taken over. "Gone" is decided by
// kill(pid, 0) AND the start time in /proc/<pid>/stat: after a reboot or a long uptime the pid may belong
// to an unrelated process, and its start time then differs. Where /proc cannot tell (another OS, a
// hidden /proc), a live pid counts as the holder: refusing to start is safer than two relays on one queue.
// Taking over a stale lock happens under a second lock file (relay.lock.break), so of two relays started
// at the same moment over the same stale lock exactly one wins.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_NAME = 'relay.lock';

export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22); null if unknown. */
  procStart: string | null;
}

/** The queue is locked by a live process. */
export class LockHeld extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(`${lockFile} is held by pid ${holder.pid}`);
  }
}

export interface QueueLock {
  file: string;
  /** The stale holder this start took over from, if any. */
  tookOverFrom: LockHolder | null;
  /** Removes the lock if it is still this process's; synchronous so it can run in an 'exit' handler. */
  release(): void;
}

/** Field 22 of /proc/<pid>/stat (counted after the parenthesised command name, which may hold spaces). */
export function procStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return /^\d+$/.test(fields[19] ?? '') ? fields[19] : null;
  } catch {
    return null;
  }
}

export interface LockOptions {
  pid?: number;
  /** Injected in unit tests; /proc by default. */
  startOf?: (pid: number) => string | null;
  isAlive?: (pid: number) => boolean;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a lock file without following a symlink; null when it is absent or not a lock this relay wrote. */
function readHolder(file: string): LockHolder | null | 'absent' {
  let text: string;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      if (!fs.fstatSync(fd).isFile()) return null;
      const buffer = Buffer.alloc(256);
      text = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return null;
    return { pid: value.pid as number, procStart: typeof value.procStart === 'string' ? value.procStart : null };
  } catch {
    return null;
  }
}

const sameHolder = (a: LockHolder | null | 'absent', b: LockHolder | null | 'absent') => JSON.stringify(a) === JSON.stringify(b);

/**
 * Takes QUEUE_ROOT/relay.lock or throws: LockHeld when a live process holds it, an errno error when the
 * root is missing or not writable. Leaves nothing behind when it throws.
 */
export function acquireQueueLock(root: string, options: LockOptions = {}): QueueLock {
  const pid = options.pid ?? process.pid;
  const startOf = options.startOf ?? procStartOf;
  const isAlive = options.isAlive ?? pidAlive;
  const file = path.join(root, LOCK_NAME);
  const breakFile = `${file}.break`;
  const mine: LockHolder = { pid, procStart: startOf(pid) };
  const content = `${JSON.stringify(mine)}\n`;

  /** Is the holder a running process, and the same one that wrote the lock? */
  const live = (holder: LockHolder | null): holder is LockHolder => {
    // Our own pid in a lock we did not write: an earlier incarnation (same pid in a fresh container).
    if (holder === null || holder.pid === pid || !isAlive(holder.pid)) return false;
    const now = startOf(holder.pid);
    return holder.procStart === null || now === null || now === holder.procStart;
  };

  const temp = path.join(root, `.${LOCK_NAME}.${pid}.tmp`);
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o640 });
  let tookOverFrom: LockHolder | null = null;
  try {
    for (let round = 0; round < 3; round++) {
      try {
        fs.linkSync(temp, file);
        const release = () => {
          const now = readHolder(file);
          if (now !== 'absent' && now !== null && now.pid === pid) fs.rmSync(file, { force: true });
        };
        return { file, tookOverFrom, release };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder === 'absent') continue;
      if (live(holder)) throw new LockHeld(file, holder);
      // Stale. Break it only while holding the break lock, and only if it is still the lock judged stale.
      try {
        fs.writeFileSync(breakFile, content, { flag: 'wx', mode: 0o640 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const breaker = readHolder(breakFile);
        if (breaker !== 'absent' && live(breaker)) throw new LockHeld(file, breaker);
        // Left by a relay that died while breaking a lock: remove it and look again.
        if (sameHolder(readHolder(breakFile), breaker)) fs.rmSync(breakFile, { force: true });
        continue;
      }
      try {
        if (sameHolder(readHolder(file), holder)) {
          fs.rmSync(file, { force: true });
          tookOverFrom = holder ?? { pid: 0, procStart: null };
        }
      } finally {
        fs.rmSync(breakFile, { force: true });
      }
    }
    throw new Error(`could not take ${file} after 3 rounds; another relay keeps starting on this queue`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
