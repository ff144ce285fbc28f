// Reads a file only when it is a regular file under a size cap: a FIFO, a device such as
// /dev/zero or a directory is refused without reading (or blocking on) a single byte.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RegularFileRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'not-regular' | 'too-large' | 'unreadable'; message: string };

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 && bytes >= 1024 ? (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`) : `${bytes} bytes`;
}

/**
 * Symlinks are followed (a committed key may be a link), but fstat judges what was opened, so a
 * link to /dev/zero is refused like /dev/zero itself. O_NONBLOCK keeps open() of a FIFO from waiting
 * for a writer. The cap is checked on fstat's size and again while reading, for files that grow.
 */
export function readRegularFile(file: string, maxBytes: number): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: 'no such file' };
    return { ok: false, reason: 'unreadable', message: `cannot open it (${code ?? String(error)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'not-regular', message: `it is ${kind(stats)}, not a regular file` };
    const tooLarge = { ok: false as const, reason: 'too-large' as const, message: `it is larger than the ${formatBytes(maxBytes)} limit` };
    if (stats.size > maxBytes) return tooLarge;
    // Sized by fstat (one byte more shows growth); grown only for a file that grows while read.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return tooLarge;
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'unreadable', message: `cannot read it (${code ?? String(error)})` };
  } finally {
    closeSync(fd);
  }
}
