// The few file operations the queue needs, behind an interface so unit tests can inject failures
// (ENOSPC on write, EIO on fsync) that a test machine cannot produce on demand. The real
// implementation is Node's callback fs wrapped in promises (cheaper than FileHandle per job).
// Everything that creates, renames or unlinks runs in libuv's thread pool: those calls need an ext4
// journal handle and wait while a commit (forced by some fsync) is locked; measured with
// --cpu-prof at 64 clients, synchronous openSync spent 39% of the relay's time blocked there,
// stalling every connection. Reading a job file is asynchronous too, because the file may not be what
// the relay wrote (see readUntrusted): a FIFO or a file on a hung mount must never block the event loop.
import fs from 'node:fs';

/** A queue entry the relay refuses to read: a symbolic link, not a regular file, or over the size cap. */
export class UntrustedFileError extends Error {}

// O_NOFOLLOW: a symlink planted in the queue is never followed (open fails with ELOOP). O_NONBLOCK: opening
// a FIFO returns at once instead of waiting for a writer; fstat then rejects it as not a regular file.
const UNTRUSTED_OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/**
 * Create a new file, failing on anything already at that name: O_EXCL neither follows a symlink nor
 * waits on a FIFO someone left there, where O_TRUNC would block until the FIFO had a reader.
 */
export const CREATE_EXCLUSIVE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;

export interface QueueFs {
  /** Opens a file (flags as fs.open: a string or O_* bits) and returns its descriptor. */
  open(file: string, flags: string | number, mode?: number): Promise<number>;
  /** Writes all of `data` at the current position. */
  write(fd: number, data: Buffer): Promise<void>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /**
   * Reads a queue file that anybody with write access to the queue may have replaced: no-follow and
   * non-blocking open, fstat must show a regular file of at most `maxBytes`, then an asynchronous read.
   * Throws UntrustedFileError (message fit for a log line, never file content) or an errno error.
   */
  readUntrusted(file: string, maxBytes: number): Promise<Buffer>;
  /** Creates a directory with exactly `mode` (umask does not apply). */
  mkdir(dir: string, mode: number): Promise<void>;
  /** Resolves true when `file` exists (any type). */
  exists(file: string): Promise<boolean>;
  /** lstat(2): what the name itself is (a link is not followed); null when it does not exist. */
  lstat(file: string): Promise<{ isDirectory: boolean; uid: number } | null>;
}

const call = <T>(fn: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value as T))));

export const nodeFs: QueueFs = {
  open: (file, flags, mode = 0o640) => call<number>((done) => fs.open(file, flags, mode, done)),
  async write(fd, data) {
    let offset = 0;
    while (offset < data.length) {
      const written = await call<number>((done) => fs.write(fd, data, offset, data.length - offset, null, done));
      offset += written;
    }
  },
  fsync: (fd) => call<void>((done) => fs.fsync(fd, done)),
  close: (fd) => call<void>((done) => fs.close(fd, done)),
  rename: (from, to) => call<void>((done) => fs.rename(from, to, done)),
  unlink: (file) => call<void>((done) => fs.unlink(file, done)),
  readdir: (dir) => call<string[]>((done) => fs.readdir(dir, done)),
  async readUntrusted(file, maxBytes) {
    let fd: number;
    try {
      fd = await call<number>((done) => fs.open(file, UNTRUSTED_OPEN_FLAGS, done));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UntrustedFileError('a symbolic link');
      throw error;
    }
    try {
      const stat = await call<fs.Stats>((done) => fs.fstat(fd, done));
      if (!stat.isFile()) throw new UntrustedFileError('not a regular file');
      if (stat.size > maxBytes) throw new UntrustedFileError(`larger than ${maxBytes} bytes`);
      // One byte more than the cap: a file that grew after fstat is caught instead of read without end.
      const buffer = Buffer.alloc(stat.size + 1);
      let length = 0;
      while (length < buffer.length) {
        const read = await call<number>((done) => fs.read(fd, buffer, length, buffer.length - length, null, done));
        if (read === 0) break;
        length += read;
      }
      if (length > maxBytes) throw new UntrustedFileError(`larger than ${maxBytes} bytes`);
      return buffer.subarray(0, length);
    } finally {
      await call<void>((done) => fs.close(fd, done)).catch(() => undefined);
    }
  },
  // chmod after mkdir: the mode must not depend on the process umask.
  mkdir: (dir, mode) =>
    call<void>((done) => fs.mkdir(dir, { mode }, (error) => (error ? done(error) : fs.chmod(dir, mode, done)))),
  exists: (file) => new Promise((resolve) => fs.stat(file, (error) => resolve(!error))),
  lstat: (file) =>
    new Promise((resolve, reject) =>
      fs.lstat(file, (error, stat) => {
        if (error) return error.code === 'ENOENT' ? resolve(null) : reject(error);
        resolve({ isDirectory: stat.isDirectory(), uid: stat.uid });
      }),
    ),
};
