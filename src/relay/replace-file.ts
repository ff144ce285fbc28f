// Replaces a small file in the queue root whole: a new temp file (O_EXCL, never following a link), write,
// optional fsync, rename over the target, optional directory fsync (of `dirFd` when the caller holds the
// directory open, as the webhook outbox does per hook). Readers see the old file or the new one.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CREATE_EXCLUSIVE, type QueueFs } from './fsops.js';

export async function replaceFile(fs: QueueFs, file: string, content: Buffer, durable: { file: boolean; dir: boolean; dirFd?: number }): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = await fs.open(temp, CREATE_EXCLUSIVE, 0o640);
  try {
    try {
      await fs.write(fd, content);
      if (durable.file) await fs.fsync(fd);
    } finally {
      await fs.close(fd);
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  if (!durable.dir) return;
  if (durable.dirFd !== undefined) {
    await fs.fsync(durable.dirFd);
    return;
  }
  const dirFd = await fs.open(dir, 'r');
  try {
    await fs.fsync(dirFd);
  } finally {
    await fs.close(dirFd);
  }
}
