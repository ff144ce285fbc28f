// Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): one file per client and key in
// QUEUE_ROOT/idempotency/, named by SHA-256 of both (the key itself is never stored), holding the hash of
// the request body and the id of the job it queued. A retry with the same key and body within the
// lifetime (24 h) is answered with the first 202 and queues nothing; another body with the same key is a
// 409. Two-phase, so a crash never turns a retry into a second mail or a 202 into a lost one: the record
// is written (fsynced) before the job, marked committed (fsynced) after it, and start-up keeps an
// uncommitted record only when its job is in the queue. The files are data from whoever can write the
// queue: each is read capped, parsed strictly and dropped when it is not exactly what this module writes.
// Bounded: at most maxRecords files of at most RECORD_MAX_BYTES each; expired records are swept.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ensureOwnDir } from './own-dir.js';
import type { QueueFs } from './fsops.js';
import { CREATE_EXCLUSIVE } from './fsops.js';
import { JOB_ID } from './job.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Records kept at once; with per-client daily message caps this is rarely near. */
export const DEFAULT_MAX_RECORDS = 100_000;
const RECORD_MAX_BYTES = 1024;
const HEX64 = /^[0-9a-f]{64}$/;
const RECORD_NAME = /^[0-9a-f]{64}\.json$/;
const TEMP_NAME = /^\.[^/]*\.tmp$/;
/** The header's value: 1-255 printable ASCII characters (an sf-string's characters, quotes included). */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

interface StoredRecord {
  v: 1;
  client: string;
  keyHash: string;
  bodyHash: string;
  jobId: string;
  createdAt: number;
  committed: boolean;
}

export type Lookup = { kind: 'none' } | { kind: 'replay'; jobId: string } | { kind: 'conflict' };

export interface IdempotencyOptions {
  fs: QueueFs;
  /** Where the records live: QUEUE_ROOT/idempotency. */
  dir: string;
  /** Whether a job id is still in the queue (pending/, processing/ or failed/). */
  jobExists: (id: string) => Promise<boolean>;
  ttlMs?: number;
  maxRecords?: number;
  now?: () => number;
}

export class IdempotencyFull extends Error {}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The body's identity: its JSON with object keys sorted, so a retry that orders keys differently is the same body. */
export function bodyHash(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    }
    return value;
  };
  return sha256(JSON.stringify(canonical(body)));
}

function parseRecord(bytes: Buffer): StoredRecord | null {
  let value: StoredRecord;
  try {
    value = JSON.parse(bytes.toString('utf8')) as StoredRecord;
  } catch {
    return null;
  }
  const ok =
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length === 7 &&
    value.v === 1 &&
    typeof value.client === 'string' &&
    typeof value.keyHash === 'string' &&
    HEX64.test(value.keyHash) &&
    typeof value.bodyHash === 'string' &&
    HEX64.test(value.bodyHash) &&
    typeof value.jobId === 'string' &&
    JOB_ID.test(value.jobId) &&
    Number.isSafeInteger(value.createdAt) &&
    typeof value.committed === 'boolean';
  return ok ? value : null;
}

export class IdempotencyStore {
  /** keyHash -> createdAt of every record on disk (so the count and expiry need no directory scan). */
  private readonly known = new Map<string, number>();
  /** Per-key turn: a request with a key waits for an earlier one with the same key to finish. */
  private readonly turns = new Map<string, Promise<void>>();
  /** keyHash -> job id of records whose job is durable but whose commit has not reached the disk. */
  private readonly durable = new Map<string, string>();
  private readonly ttlMs: number;
  private readonly maxRecords: number;
  private readonly now: () => number;

  constructor(private readonly options: IdempotencyOptions) {
    this.ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.now = options.now ?? Date.now;
  }

  static keyHash(client: string, key: string): string {
    return sha256(`${client}\0${key}`);
  }

  /**
   * Creates the directory, drops expired, foreign and unreadable files, and settles the records a crash
   * left uncommitted: kept (and committed) when their job is in the queue, removed when it never got there.
   * Runs after queue recovery and before the worker, so a job found here has not been sent and deleted yet.
   */
  async open(knownClients: ReadonlySet<string>): Promise<void> {
    const { fs, dir } = this.options;
    // The directory is data from whoever can write the queue root too: a symbolic link (or another user's
    // directory) there would have start-up delete files elsewhere. Refused, like the queue's other checks.
    await ensureOwnDir(fs, dir, 0o750);
    for (const name of await fs.readdir(dir)) {
      const file = path.join(dir, name);
      // Only names this module writes are ever removed: <sha256>.json records and .<...>.tmp temp files.
      if (TEMP_NAME.test(name)) {
        await fs.unlink(file).catch(() => undefined);
        continue;
      }
      if (!RECORD_NAME.test(name)) continue;
      const keyHash = name.slice(0, -5);
      let record: StoredRecord | null = null;
      if (HEX64.test(keyHash)) {
        try {
          record = parseRecord(await fs.readUntrusted(file, RECORD_MAX_BYTES));
        } catch {
          record = null;
        }
      }
      const valid = record !== null && record.keyHash === keyHash && knownClients.has(record.client) && !this.expired(record.createdAt);
      if (!valid || record === null) {
        await fs.unlink(file).catch(() => undefined);
        continue;
      }
      if (!record.committed) {
        if (!(await this.options.jobExists(record.jobId))) {
          await fs.unlink(file).catch(() => undefined);
          continue;
        }
        await this.write({ ...record, committed: true });
      }
      this.known.set(keyHash, record.createdAt);
    }
  }

  /** Waits for this key's turn; call the returned function when done (always). */
  async turn(client: string, key: string): Promise<() => void> {
    const keyHash = IdempotencyStore.keyHash(client, key);
    const before = this.turns.get(keyHash) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const chained = before.then(() => mine);
    this.turns.set(keyHash, chained);
    await before;
    return () => {
      done();
      if (this.turns.get(keyHash) === chained) this.turns.delete(keyHash);
    };
  }

  /** What an earlier request with this key says about a request with this body. */
  async lookup(client: string, key: string, hash: string): Promise<Lookup> {
    const keyHash = IdempotencyStore.keyHash(client, key);
    const createdAt = this.known.get(keyHash);
    if (createdAt === undefined) return { kind: 'none' };
    if (this.expired(createdAt)) {
      await this.remove(keyHash);
      return { kind: 'none' };
    }
    let record: StoredRecord | null = null;
    try {
      record = parseRecord(await this.options.fs.readUntrusted(this.file(keyHash), RECORD_MAX_BYTES));
    } catch {
      record = null;
    }
    // Gone or altered on disk since: nothing trustworthy to answer from.
    if (record === null || record.keyHash !== keyHash || record.client !== client) {
      await this.remove(keyHash);
      return { kind: 'none' };
    }
    // Uncommitted: its commit failed after the job was durable (http.ts still answered 202, which stays
    // true: the job is on disk), or a crash came between. Whose job is known durable (this process saw it
    // written, since delivered or not) or still in the queue is this key's one job: answered from it, and
    // committed again (best effort). Deleting it would let a retry queue the mail a second time.
    if (!record.committed) {
      const durable = this.durable.get(keyHash) === record.jobId || (await this.options.jobExists(record.jobId));
      if (!durable) {
        await this.remove(keyHash);
        return { kind: 'none' };
      }
      await this.write({ ...record, committed: true }).then(
        () => this.durable.delete(keyHash),
        () => undefined,
      );
    }
    return record.bodyHash === hash ? { kind: 'replay', jobId: record.jobId } : { kind: 'conflict' };
  }

  /** Phase one, before the job is written: the record, uncommitted, durably on disk. */
  async reserve(client: string, key: string, hash: string, jobId: string): Promise<void> {
    const keyHash = IdempotencyStore.keyHash(client, key);
    if (this.known.size >= this.maxRecords) await this.sweep();
    if (this.known.size >= this.maxRecords) throw new IdempotencyFull(`${this.maxRecords} idempotency records are held`);
    const createdAt = this.now();
    await this.write({ v: 1, client, keyHash, bodyHash: hash, jobId, createdAt, committed: false });
    this.known.set(keyHash, createdAt);
  }

  /** Phase two, once the job is durable: from now on the key answers with this job. */
  async commit(client: string, key: string, hash: string, jobId: string): Promise<void> {
    const keyHash = IdempotencyStore.keyHash(client, key);
    const createdAt = this.known.get(keyHash) ?? this.now();
    // Remembered until the record says so on disk: lookup() answers from it even if this write fails.
    this.durable.set(keyHash, jobId);
    await this.write({ v: 1, client, keyHash, bodyHash: hash, jobId, createdAt, committed: true });
    this.durable.delete(keyHash);
  }

  /** The job was not written: the reservation goes. */
  async abandon(client: string, key: string): Promise<void> {
    await this.remove(IdempotencyStore.keyHash(client, key));
  }

  get size(): number {
    return this.known.size;
  }

  /** Removes every expired record. */
  async sweep(): Promise<void> {
    for (const [keyHash, createdAt] of [...this.known]) if (this.expired(createdAt)) await this.remove(keyHash);
  }

  private expired(createdAt: number): boolean {
    return createdAt + this.ttlMs <= this.now() || createdAt > this.now() + 60_000;
  }

  private file(keyHash: string): string {
    return path.join(this.options.dir, `${keyHash}.json`);
  }

  private async remove(keyHash: string): Promise<void> {
    this.known.delete(keyHash);
    this.durable.delete(keyHash);
    await this.options.fs.unlink(this.file(keyHash)).catch(() => undefined);
  }

  /** Temp file, fsync, rename over the record, fsync the directory: durable before the caller answers. */
  private async write(record: StoredRecord): Promise<void> {
    const { fs } = this.options;
    const target = this.file(record.keyHash);
    const temp = path.join(this.options.dir, `.${record.keyHash}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    const fd = await fs.open(temp, CREATE_EXCLUSIVE, 0o640);
    try {
      await fs.write(fd, Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'));
      await fs.fsync(fd);
    } catch (error) {
      await fs.close(fd).catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    await fs.close(fd);
    try {
      await fs.rename(temp, target);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    const dirFd = await fs.open(this.options.dir, 'r');
    try {
      await fs.fsync(dirFd);
    } finally {
      await fs.close(dirFd).catch(() => undefined);
    }
  }
}
