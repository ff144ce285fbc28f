// A directory the relay keeps inside the queue root (idempotency/, outcomes/, webhooks/...): created when
// missing, refused when the name is a symbolic link, not a directory, or another user's. The queue root is
// data from whoever can write it: a link there would have start-up clean-ups delete or move files elsewhere.
import type { QueueFs } from './fsops.js';

export async function ensureOwnDir(fs: QueueFs, dir: string, mode: number): Promise<void> {
  let info = await fs.lstat(dir);
  if (info === null) {
    await fs.mkdir(dir, mode).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    info = await fs.lstat(dir);
  }
  if (info === null || !info.isDirectory) throw new Error(`${dir} is not a directory (a symbolic link?): remove it and restart, the relay creates it`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) throw new Error(`${dir} is owned by uid ${info.uid}, not the relay's uid ${uid}: fix its owner and restart`);
}
