// Unit tests of the disk queue (src/relay/queue.ts) on a real temp directory, plus an injected fs layer
// for what a test machine cannot do on demand: ENOSPC on write, EIO on fsync (the 503 cases), and a
// count of directory fsyncs to show group commit still syncs after every caller's rename.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { nodeFs, type QueueFs } from '../../src/relay/fsops.js';
import { newJob, parseJob, type Job } from '../../src/relay/job.js';
import { Queue, QueueError } from '../../src/relay/queue.js';

const mail = (n = 0) => ({
  from: { address: 'support@example.com', name: 'Support' },
  to: [`user${n}@example.org`],
  replyTo: null,
  subject: `Subject ${n}`,
  text: 'text',
  html: null,
  returnPath: 'bounces@example.com',
});

let root: string;
const scratch: string[] = [];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'relay-queue-'));
  scratch.push(root);
});
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const files = (dir: string) => readdirSync(path.join(root, dir)).sort();

describe('Queue on disk', () => {
  test('open() creates pending/, processing/ and failed/ with mode 0750 inside an existing root', async () => {
    const queue = new Queue(root, nodeFs);
    expect(await queue.open()).toEqual({ recovered: [], removedTemps: 0, setAside: [] });
    for (const dir of ['pending', 'processing', 'failed']) {
      expect(statSync(path.join(root, dir)).mode & 0o777).toBe(0o750);
    }
    await queue.close();
  });

  test('open() refuses a missing root with what to do', async () => {
    const queue = new Queue(path.join(root, 'missing'), nodeFs);
    await expect(queue.open()).rejects.toThrow(/queue root .*missing does not exist: create it owned by the relay user \(mode 0750\)/);
  });

  test('put writes <id>.json into pending/ with no temp file left; claim moves it to processing/', async () => {
    const queue = new Queue(root, nodeFs);
    await queue.open();
    const job = newJob(mail(1));
    await queue.put('pending', job);
    expect(files('pending')).toEqual([`${job.id}.json`]);
    expect(parseJob(readFileSync(path.join(root, 'pending', `${job.id}.json`)))).toEqual(job);
    expect(statSync(path.join(root, 'pending', `${job.id}.json`)).mode & 0o777).toBe(0o640);
    expect(await queue.pendingIds()).toEqual([job.id]);
    const claimed = await queue.claim(job.id, () => undefined);
    expect(claimed).toEqual(job);
    expect(files('pending')).toEqual([]);
    expect(files('processing')).toEqual([`${job.id}.json`]);
    // A second claim finds nothing.
    expect(await queue.claim(job.id, () => undefined)).toBe(null);
    await queue.complete(job.id);
    expect(files('processing')).toEqual([]);
    await queue.close();
  });

  test('settle() rewrites the job with its new state into pending/ or failed/ and drops the processing copy', async () => {
    const queue = new Queue(root, nodeFs);
    await queue.open();
    const a = newJob(mail(1));
    const b = newJob(mail(2));
    await queue.put('pending', a);
    await queue.put('pending', b);
    await queue.claim(a.id, () => undefined);
    await queue.claim(b.id, () => undefined);
    await queue.settle('pending', { ...a, attempts: 1, nextAttemptAt: 123, lastError: 'exit 75' });
    await queue.settle('failed', { ...b, attempts: 8, lastError: 'exit 69' });
    expect(files('processing')).toEqual([]);
    expect(parseJob(readFileSync(path.join(root, 'pending', `${a.id}.json`)))).toMatchObject({ attempts: 1, nextAttemptAt: 123, lastError: 'exit 75' });
    expect(parseJob(readFileSync(path.join(root, 'failed', `${b.id}.json`)))).toMatchObject({ attempts: 8, lastError: 'exit 69' });
    await queue.close();
  });

  test("a job this process wrote is claimed without reading its file back; removing the file still cancels it, and an earlier run's job is read", async () => {
    const reads: string[] = [];
    const counting: QueueFs = { ...nodeFs, readUntrusted: (file, max) => (reads.push(path.basename(file)), nodeFs.readUntrusted(file, max)) };
    // The job's re-check still runs on the kept bytes, as it would on the file's.
    const checked: string[] = [];
    const queue = new Queue(root, counting, { maxBytes: 1024 * 1024, check: (job) => (checked.push(job.id), job) });
    await queue.open();
    const kept = newJob(mail(1));
    await queue.put('pending', kept);
    expect(await queue.claim(kept.id, () => undefined)).toEqual(kept);
    expect(reads).toEqual([]);
    expect(checked).toEqual([kept.id]);
    // A retry's new state is what the next claim gets, again from memory.
    const retried = { ...kept, attempts: 1, nextAttemptAt: 5, lastError: 'exit 75' };
    await queue.settle('pending', retried);
    expect(await queue.claim(kept.id, () => undefined)).toEqual(retried);
    expect(reads).toEqual([]);
    // Removed by an admin before its claim: the rename fails and the job is not handed off from memory.
    const cancelled = newJob(mail(2));
    await queue.put('pending', cancelled);
    rmSync(path.join(root, 'pending', `${cancelled.id}.json`));
    expect(await queue.claim(cancelled.id, () => undefined)).toBe(null);
    // Written by an earlier run (a restart): read from disk.
    const earlier = newJob(mail(3));
    writeFileSync(path.join(root, 'pending', `${earlier.id}.json`), `${JSON.stringify(earlier)}\n`);
    expect(await queue.claim(earlier.id, () => undefined)).toEqual(earlier);
    expect(reads).toEqual([`${earlier.id}.json`]);
    await queue.close();
  });

  test('past the memory budget a claim reads the file; the budget is freed as jobs are claimed', async () => {
    const reads: string[] = [];
    const counting: QueueFs = { ...nodeFs, readUntrusted: (file, max) => (reads.push(path.basename(file)), nodeFs.readUntrusted(file, max)) };
    const queue = new Queue(root, counting, { maxBytes: 128 * 1024 * 1024, check: (job) => job });
    await queue.open();
    // Two jobs of 40 MB text fit one at a time in the 64 MB budget.
    const big = (n: number) => newJob({ ...mail(n), text: 'x'.repeat(40 * 1024 * 1024) });
    const [a, b] = [big(1), big(2)];
    await queue.put('pending', a);
    await queue.put('pending', b);
    expect((await queue.claim(a.id, () => undefined))?.id).toBe(a.id);
    expect((await queue.claim(b.id, () => undefined))?.id).toBe(b.id);
    expect(reads).toEqual([`${b.id}.json`]);
    const c = big(3);
    await queue.put('pending', c);
    expect((await queue.claim(c.id, () => undefined))?.id).toBe(c.id);
    expect(reads).toEqual([`${b.id}.json`]);
    await queue.close();
  });

  test('a job file that does not parse goes to failed/ as it is, with the reason reported', async () => {
    const queue = new Queue(root, nodeFs);
    await queue.open();
    writeFileSync(path.join(root, 'pending', 'handmade.json'), '{"not": "a job"}');
    const reasons: string[] = [];
    expect(await queue.claim('handmade', (id, reason) => reasons.push(`${id}: ${reason}`))).toBe(null);
    expect(reasons).toEqual(['handmade: unreadable job file: not a relay job (fields missing or of the wrong type)']);
    expect(readFileSync(path.join(root, 'failed', 'handmade.json'), 'utf8')).toBe('{"not": "a job"}');
    await queue.close();
  });

  test('recovery: processing/ goes back to pending/, a newer pending copy wins, temps and staged messages go', async () => {
    const first = new Queue(root, nodeFs);
    await first.open();
    const stranded = newJob(mail(1));
    const retried = newJob(mail(2));
    await first.put('pending', stranded);
    await first.put('pending', retried);
    await first.claim(stranded.id, () => undefined);
    await first.claim(retried.id, () => undefined);
    await first.stageMessage(stranded.id, Buffer.from('From: x\n\nbody\n'));
    // A crash between writing the retry state into pending/ and unlinking processing/:
    await first.put('pending', { ...retried, attempts: 1 });
    writeFileSync(path.join(root, 'pending', '.half-written.json.tmp'), '{"v":1,');
    // (no close: the process "died")
    const second = new Queue(root, nodeFs);
    expect(await second.open()).toEqual({ recovered: [stranded.id], removedTemps: 1, setAside: [] });
    expect(files('processing')).toEqual([]);
    expect(files('pending')).toEqual([stranded.id, retried.id].sort().map((id) => `${id}.json`));
    expect(parseJob(readFileSync(path.join(root, 'pending', `${retried.id}.json`))).attempts).toBe(1);
    await second.close();
  });
});

/** nodeFs with failures injected by operation and path. */
function faultyFs(fail: (op: keyof QueueFs, target: string) => string | null, counts: Record<string, number> = {}): QueueFs {
  const fdPaths = new Map<number, string>();
  const wrap =
    (op: keyof QueueFs) =>
    async (...args: unknown[]) => {
      counts[op] = (counts[op] ?? 0) + 1;
      const target = typeof args[0] === 'number' ? (fdPaths.get(args[0]) ?? '') : String(args[0]);
      const code = fail(op, target);
      if (code) throw Object.assign(new Error(`${code}: injected ${op} ${target}`), { code });
      const result = await (nodeFs[op] as (...a: unknown[]) => Promise<unknown>)(...args);
      if (op === 'open') fdPaths.set(result as number, String(args[0]));
      return result;
    };
  return Object.fromEntries((Object.keys(nodeFs) as (keyof QueueFs)[]).map((op) => [op, wrap(op)])) as unknown as QueueFs;
}

describe('Queue failures: never a durable-looking job that is not', () => {
  test('ENOSPC on write: QueueError, no temp and no job file left', async () => {
    let full = false;
    const queue = new Queue(root, faultyFs((op) => (full && op === 'write' ? 'ENOSPC' : null)));
    await queue.open();
    full = true;
    const job = newJob(mail());
    const error = await queue.put('pending', job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).code).toBe('ENOSPC');
    expect((error as QueueError).message).toBe(`cannot write job ${job.id} to pending/: ENOSPC`);
    expect(readdirSync(path.join(root, 'pending'))).toEqual([]);
    // Space back: the next job goes through.
    full = false;
    await queue.put('pending', newJob(mail()));
    expect(files('pending')).toHaveLength(1);
    await queue.close();
  });

  test('EIO on the file fsync or on the directory fsync: QueueError and the job file removed again', async () => {
    for (const which of ['file', 'dir'] as const) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-queue-'));
      scratch.push(dir);
      let armed = false;
      const queue = new Queue(
        dir,
        faultyFs((op, target) => {
          if (!armed || op !== 'fsync') return null;
          const isDir = target.endsWith('/pending');
          return (which === 'dir') === isDir ? 'EIO' : null;
        }),
      );
      await queue.open();
      armed = true;
      const job = newJob(mail());
      await expect(queue.put('pending', job)).rejects.toMatchObject({ code: 'EIO' });
      expect(readdirSync(path.join(dir, 'pending'))).toEqual([]);
      // Not kept in memory either: a file that later appears under its id is read from disk.
      const other = { ...job, subject: 'written by hand' };
      writeFileSync(path.join(dir, 'pending', `${job.id}.json`), `${JSON.stringify(other)}\n`);
      expect(await queue.claim(job.id, () => undefined)).toEqual(other);
      await queue.close();
    }
  });

  test('EACCES/EROFS on open of the temp file: QueueError carrying the code', async () => {
    for (const code of ['EACCES', 'EROFS']) {
      let armed = false;
      const queue = new Queue(root, faultyFs((op, target) => (armed && op === 'open' && target.endsWith('.tmp') ? code : null)));
      await queue.open();
      armed = true;
      await expect(queue.put('pending', newJob(mail()))).rejects.toMatchObject({ code });
      await queue.close();
    }
  });

  test('directory fsyncs are group-committed: 50 concurrent puts, every one after its rename, fewer than 50', async () => {
    const order: string[] = [];
    const fs = faultyFs((op, target) => {
      if (op === 'rename') order.push(`rename ${path.basename(String(target))}`);
      if (op === 'fsync' && target.endsWith('/pending')) order.push('dirsync');
      return null;
    });
    const queue = new Queue(root, fs);
    await queue.open();
    const settled: string[] = [];
    const jobs: Job[] = Array.from({ length: 50 }, (_, i) => newJob(mail(i)));
    await Promise.all(jobs.map((job) => queue.put('pending', job).then(() => settled.push(job.id))));
    expect(files('pending')).toHaveLength(50);
    const syncs = order.filter((entry) => entry === 'dirsync').length;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(50);
    // Each job's rename is followed by at least one directory fsync in the log.
    for (const job of jobs) {
      const at = order.indexOf(`rename .${job.id}.json.tmp`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('dirsync', at)).toBeGreaterThan(at);
    }
    await queue.close();
  });

  test('staged message files live in processing/ and unstage tolerates a missing file', async () => {
    const queue = new Queue(root, nodeFs);
    await queue.open();
    const file = await queue.stageMessage('abc', Buffer.from('x'));
    expect(file).toBe(path.join(root, 'processing', 'abc.eml'));
    await queue.unstageMessage('abc');
    await queue.unstageMessage('abc');
    expect(existsSync(file)).toBe(false);
    await queue.close();
  });

  test('staging never writes through a symlink planted at the message name: it replaces the link', async () => {
    const queue = new Queue(root, nodeFs);
    await queue.open();
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'untouched');
    const staged = path.join(root, 'processing', 'abc.eml');
    symlinkSync(victim, staged);
    expect(await queue.stageMessage('abc', Buffer.from('the message'))).toBe(staged);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(staged).isFile()).toBe(true);
    expect(readFileSync(staged, 'utf8')).toBe('the message');
    await queue.close();
  });
});
