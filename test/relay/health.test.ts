// Tests health.ts: which snapshot is degraded and why, the hand-off streak fed by log events, and the
// HEALTH_* variables (a bad value refuses the start like every other setting).
import { describe, expect, it } from 'vitest';
import { assessHealth, HandoffStreak, HEALTH_DEFAULTS, readHealthThresholds } from '../../src/relay/health.js';
import type { RelayEvent, LogFields } from '../../src/relay/log.js';
import type { QueueSnapshot } from '../../src/relay/queue-snapshot.js';
import { StartupError } from '../../src/relay/settings.js';

const GIB = 2 ** 30;
const quiet: QueueSnapshot = { pending: 0, processing: 0, failed: 2, oldestAgeSeconds: 0, disk: { freeBytes: 50 * GIB, totalBytes: 100 * GIB } };

describe('assessHealth', () => {
  it('is ok with figures and no reasons when nothing is over its threshold (failed/ alone is not degraded)', () => {
    expect(assessHealth(quiet, 4, HEALTH_DEFAULTS)).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 2, oldestPendingSeconds: 0, handoffFailuresInARow: 4 });
  });

  it('names each threshold crossed, with the numbers, at the boundaries', () => {
    const limits = { ...HEALTH_DEFAULTS, maxPending: 10, maxOldestSeconds: 60, maxHandoffFailures: 3 };
    expect(assessHealth({ ...quiet, pending: 10, oldestAgeSeconds: 60 }, 2, limits).status).toBe('ok');
    const report = assessHealth({ ...quiet, pending: 11, oldestAgeSeconds: 61 }, 3, limits);
    expect(report.status).toBe('degraded');
    expect(report.reasons).toEqual([
      { code: 'backlog', message: '11 jobs pending, over the threshold of 10' },
      { code: 'oldest_job', message: 'the oldest job has waited 61 s, over the threshold of 60 s' },
      { code: 'handoff_failing', message: "the last 3 hand-offs to Postfix failed (threshold 3); see the relay's retry and failed log lines" },
    ]);
  });

  it('is degraded when free space is under the percentage or under the MiB floor, and says neither when statfs is unknown', () => {
    const disk = (freeBytes: number, totalBytes: number) => assessHealth({ ...quiet, disk: { freeBytes, totalBytes } }, 0, HEALTH_DEFAULTS).reasons;
    expect(disk(4 * GIB, 100 * GIB)).toEqual([{ code: 'disk_low', message: "the queue's file system has 4096 MiB (4.0 %) free, under 256 MiB or 5 %" }]);
    expect(disk(200 * 2 ** 20, 2 * GIB)![0].code).toBe('disk_low'); // 9.8 % free but under 256 MiB
    expect(disk(6 * GIB, 100 * GIB)).toBeUndefined();
    expect(assessHealth({ ...quiet, disk: null }, 0, HEALTH_DEFAULTS).status).toBe('ok');
  });
});

describe('HandoffStreak', () => {
  it('counts retry and failed with attempts, resets on delivered, ignores unreadable job files, and logs everything', () => {
    const seen: RelayEvent[] = [];
    const streak = new HandoffStreak();
    const log = streak.tap((event: RelayEvent, _fields?: LogFields) => seen.push(event));
    log('retry', { attempts: 1 });
    log('failed', { attempts: 3 });
    log('failed', { attempts: 0, reason: 'unreadable job file' });
    log('enqueued', {});
    expect(streak.current).toBe(2);
    log('delivered', { attempts: 1 });
    expect(streak.current).toBe(0);
    expect(seen).toEqual(['retry', 'failed', 'failed', 'enqueued', 'delivered']);
  });
});

describe('readHealthThresholds', () => {
  it('takes the defaults, or whole numbers from HEALTH_*', () => {
    expect(readHealthThresholds({})).toEqual(HEALTH_DEFAULTS);
    expect(readHealthThresholds({ HEALTH_MAX_PENDING: '5', HEALTH_MAX_OLDEST_PENDING_SECONDS: '90', HEALTH_MAX_HANDOFF_FAILURES: '2', HEALTH_MIN_DISK_FREE_PERCENT: '0', HEALTH_MIN_DISK_FREE_MIB: '0' })).toEqual({
      maxPending: 5,
      maxOldestSeconds: 90,
      maxHandoffFailures: 2,
      minDiskFreePercent: 0,
      minDiskFreeMiB: 0,
    });
  });

  it('refuses what is not a whole number, or zero where zero would make the relay always degraded', () => {
    expect(() => readHealthThresholds({ HEALTH_MAX_PENDING: '1e4' })).toThrow(new StartupError('HEALTH_MAX_PENDING="1e4" is not a whole number'));
    expect(() => readHealthThresholds({ HEALTH_MAX_HANDOFF_FAILURES: '0' })).toThrow(new StartupError('HEALTH_MAX_HANDOFF_FAILURES=0 is below the minimum 1'));
  });
});
