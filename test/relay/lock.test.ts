// Unit tests of the queue lock (src/relay/lock.ts): the holder is named, a stale lock (dead pid, or a pid
// now used by a process with another start time) is taken over, a leftover break lock does not wedge the
// next start, release only removes this process's own lock, and a refused attempt leaves no file behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { acquireQueueLock, LockHeld, procStartOf } from '../../src/relay/lock.js';
import { tempDir } from '../helpers/tmp.js';

const alive = new Set<number>([100, 200]);
const starts = new Map<number, string>([
  [100, '5000'],
  [200, '6000'],
]);
const options = (pid: number) => ({ pid, isAlive: (p: number) => alive.has(p), startOf: (p: number) => starts.get(p) ?? null });
const lockOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'relay.lock'), 'utf8'));

test('the first process takes the lock; a second gets LockHeld naming it and leaves no file', () => {
  const root = tempDir('relay-lock-');
  const first = acquireQueueLock(root, options(100));
  expect(lockOf(root)).toEqual({ pid: 100, procStart: '5000' });
  expect(first.tookOverFrom).toBe(null);
  expect(() => acquireQueueLock(root, options(200))).toThrow(LockHeld);
  try {
    acquireQueueLock(root, options(200));
  } catch (error) {
    expect((error as LockHeld).holder).toEqual({ pid: 100, procStart: '5000' });
  }
  expect(readdirSync(root)).toEqual(['relay.lock']);
  first.release();
  expect(readdirSync(root)).toEqual([]);
});

test('stale locks are taken over: dead pid, reused pid, unreadable content, our own pid from an earlier life', () => {
  for (const stale of ['{"pid":300,"procStart":"1"}', '{"pid":200,"procStart":"1"}', 'garbage', '{"pid":100,"procStart":"5000"}']) {
    const root = tempDir('relay-lock-');
    writeFileSync(path.join(root, 'relay.lock'), stale);
    const lock = acquireQueueLock(root, options(100));
    expect(lockOf(root)).toEqual({ pid: 100, procStart: '5000' });
    expect(lock.tookOverFrom).not.toBe(null);
    expect(readdirSync(root)).toEqual(['relay.lock']);
  }
});

test('a live pid whose start time cannot be read still counts as the holder', () => {
  const root = tempDir('relay-lock-');
  writeFileSync(path.join(root, 'relay.lock'), '{"pid":200,"procStart":null}');
  expect(() => acquireQueueLock(root, options(100))).toThrow(/held by pid 200/);
});

test('a break lock left by a dead relay is cleared; one held by a live relay refuses', () => {
  const root = tempDir('relay-lock-');
  writeFileSync(path.join(root, 'relay.lock'), '{"pid":300,"procStart":"1"}');
  writeFileSync(path.join(root, 'relay.lock.break'), '{"pid":301,"procStart":"1"}');
  acquireQueueLock(root, options(100));
  expect(readdirSync(root)).toEqual(['relay.lock']);

  const busy = tempDir('relay-lock-');
  writeFileSync(path.join(busy, 'relay.lock'), '{"pid":300,"procStart":"1"}');
  writeFileSync(path.join(busy, 'relay.lock.break'), '{"pid":200,"procStart":"6000"}');
  expect(() => acquireQueueLock(busy, options(100))).toThrow(/held by pid 200/);
});

test('release leaves a lock that another process has since taken', () => {
  const root = tempDir('relay-lock-');
  const lock = acquireQueueLock(root, options(100));
  writeFileSync(path.join(root, 'relay.lock'), '{"pid":200,"procStart":"6000"}');
  lock.release();
  expect(existsSync(path.join(root, 'relay.lock'))).toBe(true);
});

test('a missing queue root is an ENOENT, not a lock', () => {
  expect(() => acquireQueueLock(path.join(tempDir('relay-lock-'), 'missing'), options(100))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
});

test('procStartOf reads this process start time from /proc', () => {
  expect(procStartOf(process.pid)).toMatch(/^\d+$/);
  expect(procStartOf(process.pid)).toBe(procStartOf(process.pid));
  expect(procStartOf(2 ** 30)).toBe(null);
});
