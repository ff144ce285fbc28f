// The lock beside an output directory: who holds it, and that taking over a stale lock never
// removes a live one that another process made in the meantime.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LockBusyError, acquireLock, processStart } from '../../src/outputs/tree-lock.js';
import { tempDir } from '../helpers/tmp.js';

const holderText = (pid: number, start: string | null) => `${JSON.stringify({ pid, host: os.hostname(), start })}\n`;

describe('processStart', () => {
  it("reads this process's start time, and null for a pid that does not run", () => {
    expect(processStart(process.pid)).toMatch(/^\d+$/);
    expect(processStart(process.pid)).toBe(processStart(process.pid));
    expect(processStart(spawnSync('true').pid!)).toBeNull();
  });
});

describe('acquireLock', () => {
  it('writes the holder (pid, host, start) and removes only its own lock on release', async () => {
    const lockPath = path.join(tempDir('relayconf-lock-'), '.out.lock');
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual({ pid: process.pid, host: os.hostname(), start: processStart(process.pid) });
    expect(lock.stillHeld()).toBe(true);
    // Someone else's lock now stands there (ours was broken): release leaves it.
    writeFileSync(`${lockPath}.other`, holderText(process.pid, 'other'));
    renameSync(`${lockPath}.other`, lockPath);
    expect(lock.stillHeld()).toBe(false);
    lock.release();
    expect(readFileSync(lockPath, 'utf8')).toBe(holderText(process.pid, 'other'));
  });

  it('an unreadable lock is waited for, not broken, while it is fresh (its maker may be writing it)', async () => {
    const lockPath = path.join(tempDir('relayconf-lock-'), '.out.lock');
    writeFileSync(lockPath, '');
    const error = await acquireLock(lockPath, { waitMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).holder).toBeNull();
  });

  it('taking over a stale lock puts back a live one that replaced it meanwhile', async () => {
    const lockPath = path.join(tempDir('relayconf-lock-'), '.out.lock');
    const dead = spawnSync('true').pid!;
    writeFileSync(lockPath, holderText(dead, null));
    const live = holderText(process.pid, processStart(process.pid));
    const error = await acquireLock(lockPath, {
      waitMs: 0,
      // Between judging the lock stale and moving it aside, another build broke it and took its own.
      onStale: () => {
        writeFileSync(`${lockPath}.theirs`, live);
        renameSync(`${lockPath}.theirs`, lockPath);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).holder).toEqual({ pid: process.pid, host: os.hostname(), start: processStart(process.pid) });
    expect(readFileSync(lockPath, 'utf8')).toBe(live);
  });
});
