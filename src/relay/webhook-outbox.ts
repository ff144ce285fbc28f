// The webhook outbox: QUEUE_ROOT/webhooks/<webhook>/<event id>.json, one file per event still to be POSTed.
// Written like a queue job (temp -> write -> fsync -> rename -> fsync the directory) before the event's
// cause is forgotten, so a SIGKILL never loses one; read back like a queue job (no-follow, non-blocking,
// regular file, size cap, shape check); a file that fails is moved to <webhook>/quarantine/ and skipped.
import path from 'node:path';
import { UntrustedFileError, type QueueFs } from './fsops.js';
import { ensureOwnDir } from './own-dir.js';
import { replaceFile } from './replace-file.js';
import { MAX_EVENT_BYTES, parseEvent, serializeEvent, type WebhookEvent } from './webhook-event.js';

const DIR_MODE = 0o750;
const QUARANTINE = 'quarantine';

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** Why an outbox file was set aside: the relay's own words and an errno code, never file content. */
function unusableReason(error: unknown): string {
  if (error instanceof UntrustedFileError) return error.message;
  return errno(error) ?? (error instanceof Error ? error.message : 'unknown error');
}

export class WebhookOutbox {
  readonly root: string;
  private readonly dirFds = new Map<string, number>();

  constructor(
    queueRoot: string,
    private readonly fs: QueueFs,
    private readonly hooks: readonly string[],
  ) {
    this.root = path.join(queueRoot, 'webhooks');
  }

  dir(hook: string): string {
    return path.join(this.root, hook);
  }

  /** Creates webhooks/<hook>/ and its quarantine/ when missing and removes temp files of writes a crash cut short. */
  async open(): Promise<void> {
    for (const dir of [this.root, ...this.hooks.flatMap((hook) => [this.dir(hook), path.join(this.dir(hook), QUARANTINE)])]) {
      await ensureOwnDir(this.fs, dir, DIR_MODE);
    }
    for (const hook of this.hooks) {
      for (const name of await this.fs.readdir(this.dir(hook))) {
        if (name.startsWith('.') && name.endsWith('.tmp')) await this.fs.unlink(path.join(this.dir(hook), name)).catch(() => undefined);
      }
      this.dirFds.set(hook, await this.fs.open(this.dir(hook), 'r'));
    }
  }

  async close(): Promise<void> {
    for (const fd of this.dirFds.values()) await this.fs.close(fd).catch(() => undefined);
    this.dirFds.clear();
  }

  /** Writes `event` durably into the hook's outbox; the same event again replaces the file (same id, same content). */
  async put(hook: string, event: WebhookEvent): Promise<void> {
    const body = Buffer.from(serializeEvent(event), 'utf8');
    if (body.length > MAX_EVENT_BYTES) throw new Error(`webhook event ${event.id} is ${body.length} bytes, over the ${MAX_EVENT_BYTES} byte cap`);
    const dirFd = this.dirFds.get(hook);
    if (dirFd === undefined) throw new Error(`webhook ${hook} has no open outbox`);
    await replaceFile(this.fs, path.join(this.dir(hook), `${event.id}.json`), body, { file: true, dir: true, dirFd });
  }

  /** Event file names waiting in the hook's outbox, oldest job first (event ids start with the job id). */
  async list(hook: string): Promise<string[]> {
    const names = await this.fs.readdir(this.dir(hook));
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  }

  /**
   * Reads one event file. Anything that is not an event this relay wrote (a symlink, a FIFO, an oversize
   * or edited file) is moved to quarantine/ as it is, reported through `onBad`, and read as null.
   */
  async read(hook: string, name: string, onBad: (reason: string) => void): Promise<WebhookEvent | null> {
    const file = path.join(this.dir(hook), name);
    try {
      return parseEvent(await this.fs.readUntrusted(file, MAX_EVENT_BYTES), name.slice(0, -'.json'.length));
    } catch (error) {
      if (errno(error) === 'ENOENT') return null;
      const reason = unusableReason(error);
      // rename(2) moves the name itself: a symlink is not followed, a FIFO not opened.
      await this.fs.rename(file, path.join(this.dir(hook), QUARANTINE, name)).catch(() => this.fs.unlink(file).catch(() => undefined));
      onBad(reason);
      return null;
    }
  }

  /** The receiver took it. A crash before this unlink sends it again, with the same id (at least once). */
  async remove(hook: string, name: string): Promise<void> {
    await this.fs.unlink(path.join(this.dir(hook), name)).catch((error) => {
      if (errno(error) !== 'ENOENT') throw error;
    });
  }
}
