// How full the queue is, for /metrics and /health: jobs per directory and the age of the oldest job not
// yet handed off, read from the directories themselves (not counters kept beside them), because jobs also
// move by hand (an admin moving failed/ back to pending/, the self-hosted HTTP relay build guide
// "Rollback"), and in-memory counts would drift from the disk. Each directory is streamed (opendir), so
// memory stays flat however many files it holds; a result is reused for `maxAgeMs`, so a burst of
// scrapes and health probes costs one pass per interval. Disk space comes from statfs(2) of the queue root.
import fs from 'node:fs';
import path from 'node:path';
import { JOB_ID } from './job.js';

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export interface QueueSnapshot {
  pending: number;
  processing: number;
  failed: number;
  /** Seconds since the oldest job in pending/ or processing/ was accepted; 0 when both are empty. */
  oldestAgeSeconds: number;
  /** Space left for the relay's user on the queue's file system; null where statfs is missing (Node < 18.15) or fails. */
  disk: DiskSpace | null;
}

/** Accepted-at time (epoch ms) encoded in a job id (job.ts newJobId: base36 ms, fixed width). */
export function acceptedAtOf(id: string): number | null {
  return JOB_ID.test(id) ? parseInt(id.slice(0, 9), 36) : null;
}

interface DirScan {
  count: number;
  oldestId: string | null;
}

async function scanDir(dir: string): Promise<DirScan> {
  let count = 0;
  let oldestId: string | null = null;
  let handle: fs.Dir;
  try {
    handle = await fs.promises.opendir(dir, { bufferSize: 256 });
  } catch (error) {
    // Before the queue's first open (start-up recovery still running) the directory may not exist yet.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { count: 0, oldestId: null };
    throw error;
  }
  for await (const entry of handle) {
    // The queue's own names only: temp files are dot-files, staged messages are not .json.
    if (entry.name.startsWith('.') || !entry.name.endsWith('.json')) continue;
    count++;
    const id = entry.name.slice(0, -'.json'.length);
    if (JOB_ID.test(id) && (oldestId === null || id < oldestId)) oldestId = id;
  }
  return { count, oldestId };
}

async function diskSpace(root: string): Promise<DiskSpace | null> {
  // fs.statfs arrived in Node 18.15; Debian 12's Node 18.19 has it.
  const statfs = (fs.promises as { statfs?: typeof fs.promises.statfs }).statfs;
  if (typeof statfs !== 'function') return null;
  try {
    const stats = await statfs(root);
    // bavail: blocks an unprivileged user (the relay) may still use; bfree includes root's reserve.
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return null;
  }
}

export class QueueSnapshots {
  private cached: { at: number; value: Promise<QueueSnapshot> } | null = null;

  constructor(
    private readonly root: string,
    private readonly maxAgeMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A snapshot at most maxAgeMs old; concurrent callers share one pass. A failed pass is not reused. */
  get(): Promise<QueueSnapshot> {
    const now = this.now();
    if (this.cached && now - this.cached.at < this.maxAgeMs) return this.cached.value;
    const value = this.read(now);
    this.cached = { at: now, value };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = null;
    });
    return value;
  }

  private async read(now: number): Promise<QueueSnapshot> {
    const [pending, processing, failed, disk] = await Promise.all([
      scanDir(path.join(this.root, 'pending')),
      scanDir(path.join(this.root, 'processing')),
      scanDir(path.join(this.root, 'failed')),
      diskSpace(this.root),
    ]);
    const oldest = [pending.oldestId, processing.oldestId].filter((id): id is string => id !== null).sort()[0];
    const acceptedAt = oldest === undefined ? null : acceptedAtOf(oldest);
    return {
      pending: pending.count,
      processing: processing.count,
      failed: failed.count,
      oldestAgeSeconds: acceptedAt === null ? 0 : Math.max(0, Math.floor((now - acceptedAt) / 1000)),
      disk,
    };
  }
}
