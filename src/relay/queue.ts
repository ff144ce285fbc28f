// The disk queue (the self-hosted HTTP relay build guide, step 7): QUEUE_ROOT/{pending,processing,failed}/<id>.json. A job is durable
// before the caller hears 202: temp file -> write -> fsync -> rename into pending/ -> fsync pending/.
// Directory fsyncs are group-committed: every caller waits for an fsync that started after its own
// rename, and one fsync covers all renames before it. Temp files are dot-files the worker never picks.
import path from 'node:path';
import { InvalidJob } from './job-check.js';
import { parseJob, serializeJob, type Job } from './job.js';
import { CREATE_EXCLUSIVE, UntrustedFileError, type QueueFs } from './fsops.js';

export const QUEUE_DIRS = ['pending', 'processing', 'failed'] as const;
export type QueueDir = (typeof QUEUE_DIRS)[number];
const DIR_MODE = 0o750;
const FILE_MODE = 0o640;

/** A queue operation failed at the file-system level (ENOSPC, EROFS, EACCES, EIO): the job is not durable. */
export class QueueError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** Batches fsyncs of one directory: callers that arrive while one runs share the next. */
class DirSyncer {
  private running = false;
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly fs: QueueFs,
    private readonly fd: number,
  ) {}

  sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) this.round();
    });
  }

  private round(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    this.fs.fsync(this.fd).then(
      () => this.settle(batch, null),
      (error: unknown) => this.settle(batch, error ?? new Error('fsync failed')),
    );
  }

  private settle(batch: { resolve: () => void; reject: (error: unknown) => void }[], error: unknown): void {
    this.running = false;
    for (const waiter of batch) (error ? waiter.reject(error) : waiter.resolve());
    if (this.waiting.length > 0) this.round();
  }
}

export interface RecoveryReport {
  /** Ids moved from processing/ back to pending/. */
  recovered: string[];
  /** Leftover temp files removed (never acknowledged, so nothing is lost). */
  removedTemps: number;
  /** Directories found where recovery removes files (`<dir>/<name>`), moved into failed/ as they are. */
  setAside: string[];
}

export interface JobFileRules {
  /** Largest job file the relay reads; anything bigger was not written by it. */
  maxBytes: number;
  /** Re-validates a parsed job (the relay passes job-check.ts's recheckJob); throws InvalidJob. */
  check: (job: Job) => Job;
}

/**
 * How many bytes of jobs this process wrote to pending/ it keeps in memory for their claim. Why: the claim
 * would otherwise read back the file the same process wrote moments before: open, fstat, read and close,
 * each a round trip through libuv's thread pool. The kept bytes are parsed and re-checked as the file's
 * would be. Past this budget (a backlog of large attachments) a claim reads the file as before.
 */
export const WRITTEN_JOBS_BUDGET_BYTES = 64 * 1024 * 1024;

/** Without rules (unit tests of the queue mechanics): a shape check and a generous cap. */
const SHAPE_ONLY: JobFileRules = { maxBytes: 16 * 1024 * 1024, check: (job) => job };

/** The reason logged for a job file that cannot be used; built from the relay's own words only. */
function unusableReason(error: unknown): string {
  if (error instanceof InvalidJob) return error.message;
  if (error instanceof UntrustedFileError) return `unreadable job file: ${error.message}`;
  const code = errno(error);
  // parseJob's messages are fixed texts; an errno error is named by its code alone.
  return `unreadable job file: ${code ?? (error instanceof Error ? error.message : 'unknown error')}`;
}

export class Queue {
  readonly dirs: Record<QueueDir, string>;
  private readonly syncers = new Map<QueueDir, DirSyncer>();
  private readonly dirFds: number[] = [];
  /** Jobs this process put into pending/, not claimed yet: the claim takes them from here (WRITTEN_JOBS_BUDGET_BYTES). */
  private readonly written = new Map<string, Buffer>();
  private writtenBytes = 0;

  constructor(
    readonly root: string,
    private readonly fs: QueueFs,
    private readonly rules: JobFileRules = SHAPE_ONLY,
  ) {
    this.dirs = {
      pending: path.join(root, 'pending'),
      processing: path.join(root, 'processing'),
      failed: path.join(root, 'failed'),
    };
  }

  /**
   * Creates the three directories when missing (the root itself belongs to the admin), removes
   * temp files of writes that never completed and moves processing/ back to pending/ (the self-hosted HTTP relay build guide
   * "Losing jobs in processing").
   */
  async open(): Promise<RecoveryReport> {
    if (!(await this.fs.exists(this.root))) {
      throw new QueueError(
        `queue root ${this.root} does not exist: create it owned by the relay user (mode 0750)`,
        'ENOENT',
      );
    }
    for (const dir of QUEUE_DIRS) {
      if (!(await this.fs.exists(this.dirs[dir]))) {
        try {
          await this.fs.mkdir(this.dirs[dir], DIR_MODE);
        } catch (error) {
          if (errno(error) !== 'EEXIST') throw this.wrap(`cannot create ${this.dirs[dir]}`, error);
        }
      }
      const fd = await this.fs.open(this.dirs[dir], 'r').catch((error) => {
        throw this.wrap(`cannot open ${this.dirs[dir]}`, error);
      });
      this.dirFds.push(fd);
      this.syncers.set(dir, new DirSyncer(this.fs, fd));
    }
    let removedTemps = 0;
    const setAside: string[] = [];
    // unlink(2) refuses a directory; one planted under a name recovery removes must not stop every start.
    const discard = async (dir: QueueDir, name: string): Promise<boolean> => {
      try {
        await this.fs.unlink(path.join(this.dirs[dir], name));
        return true;
      } catch (error) {
        if (errno(error) !== 'EISDIR' && errno(error) !== 'EPERM') throw error;
        // One in failed/ is where an admin looks already (or was set aside by this very loop).
        if (dir !== 'failed') {
          await this.fs.rename(path.join(this.dirs[dir], name), path.join(this.dirs.failed, name));
          setAside.push(`${dir}/${name}`);
        }
        return false;
      }
    };
    for (const dir of QUEUE_DIRS) {
      for (const name of await this.fs.readdir(this.dirs[dir])) {
        if (name.startsWith('.') && name.endsWith('.tmp')) {
          if (await discard(dir, name)) removedTemps += 1;
        }
      }
    }
    const recovered: string[] = [];
    const pending = new Set(await this.fs.readdir(this.dirs.pending));
    for (const name of await this.fs.readdir(this.dirs.processing)) {
      const file = path.join(this.dirs.processing, name);
      if (name.endsWith('.eml')) {
        // A staged message for sendmail; it is rebuilt from the job on the next attempt.
        await discard('processing', name);
      } else if (name.endsWith('.json') && !name.startsWith('.')) {
        if (pending.has(name)) {
          // A retry already rewrote it into pending/ before the crash: that copy is the newer one.
          await discard('processing', name);
        } else {
          await this.fs.rename(file, path.join(this.dirs.pending, name));
          recovered.push(name.slice(0, -'.json'.length));
        }
      }
    }
    if (recovered.length > 0) await this.syncers.get('pending')!.sync();
    return { recovered: recovered.sort(), removedTemps, setAside };
  }

  async close(): Promise<void> {
    for (const fd of this.dirFds.splice(0)) await this.fs.close(fd).catch(() => undefined);
  }

  /** Writes `job` durably into pending/ (or another state dir); throws QueueError when it cannot. */
  async put(dir: QueueDir, job: Job): Promise<void> {
    const name = `${job.id}.json`;
    const temp = path.join(this.dirs[dir], `.${name}.tmp`);
    const target = path.join(this.dirs[dir], name);
    let fd: number | null = null;
    let renamed = false;
    const bytes = serializeJob(job);
    try {
      fd = await this.fs.open(temp, 'wx', FILE_MODE);
      await this.fs.write(fd, bytes);
      await this.fs.fsync(fd);
      const closing = fd;
      fd = null;
      await this.fs.close(closing);
      await this.fs.rename(temp, target);
      renamed = true;
      // Kept from the moment the file is in pending/, where the worker's rescan may find it and claim it.
      if (dir === 'pending') this.remember(job.id, bytes);
      await this.syncers.get(dir)!.sync();
    } catch (error) {
      this.forget(job.id);
      if (fd !== null) await this.fs.close(fd).catch(() => undefined);
      // Undo what is on disk so a 503 means "not queued"; best effort, the worker tolerates either.
      await this.fs.unlink(renamed ? target : temp).catch(() => undefined);
      throw this.wrap(`cannot write job ${job.id} to ${dir}/`, error);
    }
  }

  /** Keeps the bytes of a job just written to pending/ for its claim, within the budget. */
  private remember(id: string, bytes: Buffer): void {
    this.forget(id);
    if (this.writtenBytes + bytes.length > WRITTEN_JOBS_BUDGET_BYTES) return;
    this.written.set(id, bytes);
    this.writtenBytes += bytes.length;
  }

  /** The bytes this process last wrote to pending/<id>.json, taken out of memory; undefined when not kept. */
  private forget(id: string): Buffer | undefined {
    const kept = this.written.get(id);
    if (kept === undefined) return undefined;
    this.written.delete(id);
    this.writtenBytes -= kept.length;
    return kept;
  }

  /** The ids waiting in pending/, oldest first (ids sort by acceptance time). */
  async pendingIds(): Promise<string[]> {
    const names = await this.fs.readdir(this.dirs.pending);
    return names
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  }

  async count(dir: QueueDir): Promise<number> {
    const names = await this.fs.readdir(this.dirs[dir]);
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).length;
  }

  /** Reads a pending job without claiming it (the worker learns nextAttemptAt this way). */
  async peek(id: string): Promise<Job | null> {
    try {
      return this.readJob(path.join(this.dirs.pending, `${id}.json`), id);
    } catch (error) {
      if (errno(error) === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Moves pending/<id> to processing/ and reads it. Null when it is gone (claimed or removed by an admin).
   * A file that cannot be read safely, does not parse or fails re-validation is moved to failed/ as it
   * is and reported through `onCorrupt`; it never reaches sendmail.
   * A job this process wrote to pending/ itself is not read back: the claim parses and re-checks the bytes
   * it wrote, so an edit of the file meanwhile is not seen while the relay runs (a restart reads files).
   * Removing or moving the file still cancels the job: the rename fails.
   */
  async claim(id: string, onCorrupt: (id: string, reason: string) => void): Promise<Job | null> {
    const name = `${id}.json`;
    const processing = path.join(this.dirs.processing, name);
    const written = this.forget(id);
    try {
      await this.fs.rename(path.join(this.dirs.pending, name), processing);
    } catch (error) {
      if (errno(error) === 'ENOENT') return null;
      throw this.wrap(`cannot claim job ${id}`, error);
    }
    try {
      return await this.readJob(processing, id, written);
    } catch (error) {
      // Moved as it is (a FIFO, a symlink, an edited file): the admin can inspect it in failed/.
      await this.fs.rename(processing, path.join(this.dirs.failed, name));
      onCorrupt(id, unusableReason(error));
      return null;
    }
  }

  /** Reads (unless its bytes are given), parses and re-validates one job file; its id must match the file name. */
  private async readJob(file: string, id: string, bytes?: Buffer): Promise<Job> {
    const job = this.rules.check(parseJob(bytes ?? (await this.fs.readUntrusted(file, this.rules.maxBytes))));
    if (job.id !== id) throw new InvalidJob('invalid job: the id inside does not match the file name');
    return job;
  }

  /** The staged copy of a message sendmail reads as stdin: processing/<id>.eml. */
  messagePath(id: string): string {
    return path.join(this.dirs.processing, `${id}.eml`);
  }

  async stageMessage(id: string, message: Buffer): Promise<string> {
    const file = this.messagePath(id);
    // Whatever holds the name (a copy from an attempt that was cut short, a symlink or FIFO planted in
    // processing/) is removed first and never opened: the job would otherwise be stuck on it for good.
    await this.unstageMessage(id);
    const fd = await this.fs.open(file, CREATE_EXCLUSIVE, FILE_MODE);
    try {
      await this.fs.write(fd, message);
    } finally {
      await this.fs.close(fd);
    }
    return file;
  }

  async unstageMessage(id: string): Promise<void> {
    await this.fs.unlink(this.messagePath(id)).catch((error) => {
      if (errno(error) !== 'ENOENT') throw error;
    });
  }

  /**
   * Delivered: the job is done. A crash before this unlink leaves it in processing/: start-up hands it off
   * again unless Postfix's log shows it was taken (handoff-lookup.ts).
   */
  async complete(id: string): Promise<void> {
    await this.fs.unlink(path.join(this.dirs.processing, `${id}.json`));
  }

  /** Puts a claimed job back into pending/ unchanged (used when recording its outcome failed). */
  async release(id: string): Promise<void> {
    await this.fs.rename(path.join(this.dirs.processing, `${id}.json`), path.join(this.dirs.pending, `${id}.json`));
  }

  /** Moves a job out of processing/ into `dir` with its new state, durably, then drops the old copy. */
  async settle(dir: 'pending' | 'failed', job: Job): Promise<void> {
    await this.put(dir, job);
    await this.fs.unlink(path.join(this.dirs.processing, `${job.id}.json`)).catch((error) => {
      if (errno(error) !== 'ENOENT') throw error;
    });
  }

  private wrap(message: string, error: unknown): QueueError {
    const code = errno(error);
    return new QueueError(`${message}: ${code ?? (error as Error)?.message ?? String(error)}`, code);
  }
}

