// Unit tests of the Idempotency-Key records (src/relay/idempotency.ts) on a real directory: replay and
// conflict, the two phases and what start-up does with a record a crash left uncommitted, expiry, the
// record cap, and files that are not what the relay wrote.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { bodyHash, IdempotencyFull, IdempotencyStore } from '../../src/relay/idempotency.js';
import { newJobId } from '../../src/relay/job.js';
import { tempDir } from '../helpers/tmp.js';

const clients = new Set(['billing', 'alerts']);
function store(dir: string, options: { jobs?: Set<string>; now?: () => number; maxRecords?: number } = {}) {
  const jobs = options.jobs ?? new Set<string>();
  return new IdempotencyStore({ fs: nodeFs, dir, jobExists: async (id) => jobs.has(id), now: options.now, maxRecords: options.maxRecords });
}

test('body hash ignores key order, not content', () => {
  expect(bodyHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(bodyHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  expect(bodyHash({ a: 1 })).not.toBe(bodyHash({ a: 2 }));
  expect(bodyHash({ a: [1, 2] })).not.toBe(bodyHash({ a: [2, 1] }));
});

test('reserve then commit: the key answers with the job for the same body, conflict for another, nothing for another client', async () => {
  const dir = path.join(tempDir('idem-'), 'idempotency');
  const s = store(dir);
  await s.open(clients);
  const id = newJobId();
  const hash = bodyHash({ x: 1 });
  expect(await s.lookup('billing', 'k1', hash)).toEqual({ kind: 'none' });
  await s.reserve('billing', 'k1', hash, id);
  // Uncommitted: not yet an answer (the job may not exist).
  expect(await s.lookup('billing', 'k1', hash)).toEqual({ kind: 'none' });
  await s.reserve('billing', 'k1', hash, id);
  await s.commit('billing', 'k1', hash, id);
  expect(await s.lookup('billing', 'k1', hash)).toEqual({ kind: 'replay', jobId: id });
  expect(await s.lookup('billing', 'k1', bodyHash({ x: 2 }))).toEqual({ kind: 'conflict' });
  expect(await s.lookup('alerts', 'k1', hash)).toEqual({ kind: 'none' });
  // The key itself is never written down.
  const [file] = readdirSync(dir);
  expect(readFileSync(path.join(dir, file), 'utf8')).not.toContain('k1');
});

test('start-up keeps an uncommitted record whose job is queued and drops one whose job never got there', async () => {
  const dir = path.join(tempDir('idem-'), 'idempotency');
  const queued = newJobId();
  const lost = newJobId();
  const first = store(dir);
  await first.open(clients);
  await first.reserve('billing', 'queued', bodyHash(1), queued);
  await first.reserve('billing', 'lost', bodyHash(2), lost);
  const second = store(dir, { jobs: new Set([queued]) });
  await second.open(clients);
  expect(await second.lookup('billing', 'queued', bodyHash(1))).toEqual({ kind: 'replay', jobId: queued });
  expect(await second.lookup('billing', 'lost', bodyHash(2))).toEqual({ kind: 'none' });
  expect(second.size).toBe(1);
});

test('records expire after 24 hours; start-up drops expired, unknown-client, unreadable-record and temp files, never other names', async () => {
  let now = Date.UTC(2026, 10, 30);
  const dir = path.join(tempDir('idem-'), 'idempotency');
  const s = store(dir, { now: () => now });
  await s.open(clients);
  const id = newJobId(now);
  await s.reserve('billing', 'k', bodyHash(1), id);
  await s.commit('billing', 'k', bodyHash(1), id);
  now += 24 * 3_600_000 - 1;
  expect((await s.lookup('billing', 'k', bodyHash(1))).kind).toBe('replay');
  now += 1;
  expect(await s.lookup('billing', 'k', bodyHash(1))).toEqual({ kind: 'none' });
  expect(readdirSync(dir)).toEqual([]);
  // Files the relay did not write.
  const keyHash = IdempotencyStore.keyHash('gone-client', 'k');
  writeFileSync(path.join(dir, `${keyHash}.json`), JSON.stringify({ v: 1, client: 'gone-client', keyHash, bodyHash: bodyHash(1), jobId: id, createdAt: now, committed: true }));
  writeFileSync(path.join(dir, `${'a'.repeat(64)}.json`), 'x'.repeat(5000));
  writeFileSync(path.join(dir, '.leftover.tmp'), '');
  writeFileSync(path.join(dir, 'notes.txt'), 'hello');
  const reopened = store(dir, { now: () => now });
  await reopened.open(clients);
  // Only names the store writes are removed; a file under another name is left alone.
  expect(readdirSync(dir)).toEqual(['notes.txt']);
});

test('at the record cap, expired records are swept first; when none is, reserve refuses', async () => {
  let now = Date.UTC(2026, 10, 30);
  const dir = path.join(tempDir('idem-'), 'idempotency');
  const s = store(dir, { now: () => now, maxRecords: 2 });
  await s.open(clients);
  await s.reserve('billing', 'a', bodyHash(1), newJobId(now));
  await s.reserve('billing', 'b', bodyHash(1), newJobId(now));
  await expect(s.reserve('billing', 'c', bodyHash(1), newJobId(now))).rejects.toBeInstanceOf(IdempotencyFull);
  now += 24 * 3_600_000;
  await s.reserve('billing', 'c', bodyHash(1), newJobId(now));
  expect(s.size).toBe(1);
});

test('one turn per key: a second request with the key waits until the first is done', async () => {
  const s = store(path.join(tempDir('idem-'), 'idempotency'));
  const order: string[] = [];
  const release = await s.turn('billing', 'k');
  const waiting = s.turn('billing', 'k').then((done) => {
    order.push('second');
    done();
  });
  const other = await s.turn('billing', 'other');
  order.push('other key');
  other();
  await new Promise((resolve) => setTimeout(resolve, 20));
  order.push('first done');
  release();
  await waiting;
  expect(order).toEqual(['other key', 'first done', 'second']);
});
