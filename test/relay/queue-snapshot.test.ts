// Tests queue-snapshot.ts on a real directory: counts per state, the oldest job's age from its id, the
// names that are not jobs, the one-second reuse and a queue whose directories do not exist yet.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newJobId } from '../../src/relay/job.js';
import { acceptedAtOf, QueueSnapshots } from '../../src/relay/queue-snapshot.js';
import { tempDir } from '../helpers/tmp.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

function queue(files: Record<'pending' | 'processing' | 'failed', string[]>): string {
  const root = tempDir('relayconf-snapshot-');
  for (const [dir, names] of Object.entries(files)) {
    mkdirSync(path.join(root, dir));
    for (const name of names) writeFileSync(path.join(root, dir, name), '{}');
  }
  return root;
}

describe('QueueSnapshots', () => {
  it('counts job files per state and ages the oldest in pending/ or processing/ by its id', async () => {
    const old = newJobId(NOW - 90_000);
    const root = queue({
      pending: [`${newJobId(NOW - 5000)}.json`, `${newJobId(NOW - 1000)}.json`, '.tmp-x.json', `${old}.eml`, 'notes.txt'],
      processing: [`${old}.json`],
      failed: [`${newJobId(NOW - 999_000)}.json`, 'hand-written.json'],
    });
    const snapshot = await new QueueSnapshots(root, 1000, () => NOW).get();
    expect({ ...snapshot, disk: null }).toEqual({ pending: 2, processing: 1, failed: 2, oldestAgeSeconds: 90, disk: null });
    expect(snapshot.disk!.totalBytes).toBeGreaterThanOrEqual(snapshot.disk!.freeBytes);
    expect(acceptedAtOf(old)).toBe(NOW - 90_000);
    expect(acceptedAtOf('hand-written')).toBeNull();
  });

  it('reuses a snapshot for maxAgeMs, then reads the disk again', async () => {
    const root = queue({ pending: [], processing: [], failed: [] });
    let now = NOW;
    const snapshots = new QueueSnapshots(root, 1000, () => now);
    expect((await snapshots.get()).pending).toBe(0);
    writeFileSync(path.join(root, 'pending', `${newJobId(NOW)}.json`), '{}');
    now += 999;
    expect((await snapshots.get()).pending).toBe(0);
    now += 1;
    expect((await snapshots.get()).pending).toBe(1);
  });

  it('reads an empty queue before its directories exist (start-up recovery still running)', async () => {
    const root = tempDir('relayconf-snapshot-');
    expect({ ...(await new QueueSnapshots(root, 0, () => NOW).get()), disk: null }).toEqual({ pending: 0, processing: 0, failed: 0, oldestAgeSeconds: 0, disk: null });
  });
});
