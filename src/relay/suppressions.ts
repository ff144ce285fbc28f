// The suppression list: recipients whose server refused them for good (a hard bounce), kept in
// QUEUE_ROOT/suppressions.json so POST /send can refuse them before they hurt the sending reputation.
// One file, replaced whole (temp file, fsync, rename, directory fsync); changes made while a write runs
// share the next one (a burst of bounces against a list of 100,000 is a few writes, not one per bounce).
// Read with the queue's care. Addresses compare case-insensitively as a whole: see normalizeAddress.
import path from 'node:path';
import type { QueueFs } from './fsops.js';
import { replaceFile } from './replace-file.js';
import { remoteReplyCode, type DeliveryLine } from './postfix-log.js';

export interface Suppression {
  address: string;
  /** ISO time of the bounce. */
  since: string;
  /** The remote's reply (or Postfix's reason) that caused it. */
  reason: string;
  /** The job whose bounce added it. */
  id: string;
}

/** Entries kept at most; at the cap the oldest entry makes room (and the log says so). */
export const MAX_SUPPRESSIONS = 100_000;
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const LONGEST_REASON = 300;

/**
 * The comparison key of an address. The domain is case-insensitive (RFC 5321 section 2.4); the local part
 * may be case-sensitive there, but hosts SHOULD NOT rely on it and practically none do, so it is folded
 * too: a bounce of Bob@ then also suppresses bob@. The cost of that choice is one DELETE; the opposite
 * choice would keep mailing a mailbox known not to exist.
 */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Whether a bounced line is a hard bounce of the recipient: the remote answered 5xx to RCPT TO (or
 * earlier), or Postfix itself says the address cannot exist (DSN 5.1.x, RFC 3463 section 3.2: bad
 * mailbox or domain). A 5xx to the end of DATA judges the message (content, spam score), not the
 * address, and suppresses nothing; neither does any deferral.
 */
export function isHardBounce(line: DeliveryLine): boolean {
  if (line.status !== 'bounced' || line.recipient === null) return false;
  if (line.dsn?.startsWith('5.1.')) return true;
  const code = remoteReplyCode(line.detail);
  return code !== null && code >= 500 && !/\(in reply to end of DATA command\)/.test(line.detail);
}

function parseEntries(bytes: Buffer): Suppression[] {
  const value = JSON.parse(bytes.toString('utf8')) as { v: number; entries: Suppression[] };
  const ok = (e: Suppression) => e !== null && typeof e === 'object' && [e.address, e.since, e.reason, e.id].every((x) => typeof x === 'string');
  if (value === null || typeof value !== 'object' || value.v !== 1 || !Array.isArray(value.entries) || !value.entries.every(ok)) {
    throw new Error('not a suppression list this relay wrote');
  }
  return value.entries;
}

export class SuppressionList {
  private readonly entries = new Map<string, Suppression>();
  /** The write running now, if any. */
  private writing: Promise<void> = Promise.resolve();
  /** The write that starts once `writing` ends: every change made meanwhile waits for it. */
  private nextWrite: Promise<void> | null = null;
  private readonly file: string;

  constructor(
    private readonly fs: QueueFs,
    private readonly root: string,
    private readonly onEvicted: (address: string) => void = () => undefined,
  ) {
    this.file = path.join(root, 'suppressions.json');
  }

  /** Loads the file when present; a file that is not the relay's refuses the start (the list is a safety net). */
  async load(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readUntrusted(this.file, MAX_FILE_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new Error(`cannot read ${this.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let entries: Suppression[];
    try {
      entries = parseEntries(bytes);
    } catch {
      throw new Error(`${this.file} is not a suppression list this relay wrote; move it aside to start with an empty list`);
    }
    for (const entry of entries) this.entries.set(normalizeAddress(entry.address), entry);
  }

  get size(): number {
    return this.entries.size;
  }

  get(address: string): Suppression | undefined {
    return this.entries.get(normalizeAddress(address));
  }

  /** Every entry, oldest first. */
  list(): Suppression[] {
    return [...this.entries.values()];
  }

  /** Adds (or refreshes) an entry at once (POST /send sees it); resolves once it is on disk. */
  add(address: string, reason: string, id: string, since: Date): Promise<void> {
    return this.change(() => {
      const key = normalizeAddress(address);
      this.entries.delete(key);
      this.entries.set(key, { address: key, since: since.toISOString(), reason: reason.slice(0, LONGEST_REASON), id });
      while (this.entries.size > MAX_SUPPRESSIONS) {
        const oldest = this.entries.keys().next().value as string;
        this.entries.delete(oldest);
        this.onEvicted(oldest);
      }
      return true;
    });
  }

  /** Removes an entry durably; false when there was none. */
  async remove(address: string): Promise<boolean> {
    let found = false;
    await this.change(() => (found = this.entries.delete(normalizeAddress(address))));
    return found;
  }

  private change(apply: () => boolean): Promise<void> {
    return apply() ? this.saved() : Promise.resolve();
  }

  /**
   * Resolves once a write that started after this call has finished (group commit): the file is written
   * from the entries as they are when that write starts, so it holds every change made before.
   */
  private saved(): Promise<void> {
    this.nextWrite ??= this.writing.then(
      () => this.startWrite(),
      () => this.startWrite(),
    );
    return this.nextWrite;
  }

  private startWrite(): Promise<void> {
    // From here on, a change needs the write after this one.
    this.nextWrite = null;
    const content = Buffer.from(`${JSON.stringify({ v: 1, entries: this.list() })}\n`, 'utf8');
    this.writing = replaceFile(this.fs, this.file, content, { file: true, dir: true });
    return this.writing;
  }
}
