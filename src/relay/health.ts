// What GET /health answers: 200 {"status":"ok"} while the relay can do its job, 503 {"status":"degraded",
// "reasons":[...]} when mail is piling up or cannot leave: a pending backlog over a threshold, the oldest
// job waiting too long, hand-offs to Postfix failing in a row, or the queue's disk nearly full. Thresholds
// come from the environment (HEALTH_*), with defaults an on-call engineer would start from. Reasons name
// numbers and thresholds only: no path, address or message content.
import type { LogFields, Logger } from './log.js';
import type { QueueSnapshot } from './queue-snapshot.js';
import { integer, type Env } from './settings.js';

export interface HealthThresholds {
  /** Jobs in pending/ above which the relay is degraded. */
  maxPending: number;
  /** Seconds the oldest job may wait for its hand-off. */
  maxOldestSeconds: number;
  /** Hand-off failures in a row that make the relay degraded. */
  maxHandoffFailures: number;
  /** Free space on the queue's file system below this percentage of its size... */
  minDiskFreePercent: number;
  /** ...or below this many MiB is degraded. */
  minDiskFreeMiB: number;
}

/**
 * Defaults: a backlog of 10000 is minutes of a busy relay's mail stuck; 30 minutes is past the first
 * few retries (30 s first, doubling) of a job that should have left in milliseconds; 5 failures in a row
 * is no longer one unlucky message; 5 % or 256 MiB free leaves room for the journal and Postfix's own
 * queue before writes fail. The generated alert rules use the same numbers.
 */
export const HEALTH_DEFAULTS: HealthThresholds = {
  maxPending: 10_000,
  maxOldestSeconds: 1800,
  maxHandoffFailures: 5,
  minDiskFreePercent: 5,
  minDiskFreeMiB: 256,
};

export function readHealthThresholds(env: Env): HealthThresholds {
  return {
    maxPending: integer(env, 'HEALTH_MAX_PENDING', HEALTH_DEFAULTS.maxPending, 1),
    maxOldestSeconds: integer(env, 'HEALTH_MAX_OLDEST_PENDING_SECONDS', HEALTH_DEFAULTS.maxOldestSeconds, 1),
    maxHandoffFailures: integer(env, 'HEALTH_MAX_HANDOFF_FAILURES', HEALTH_DEFAULTS.maxHandoffFailures, 1),
    minDiskFreePercent: integer(env, 'HEALTH_MIN_DISK_FREE_PERCENT', HEALTH_DEFAULTS.minDiskFreePercent, 0),
    minDiskFreeMiB: integer(env, 'HEALTH_MIN_DISK_FREE_MIB', HEALTH_DEFAULTS.minDiskFreeMiB, 0),
  };
}

/** Hand-off failures in a row, fed by the worker's log events: retry and failed count, delivered resets. */
export class HandoffStreak {
  private failures = 0;

  get current(): number {
    return this.failures;
  }

  /** Wraps the logger: every event still goes to the log. */
  tap(log: Logger): Logger {
    return (event, fields: LogFields = {}) => {
      if (event === 'delivered') this.failures = 0;
      // A job file that could not be read fails with attempts 0: nothing was handed to Postfix.
      else if ((event === 'retry' || event === 'failed') && Number(fields.attempts) > 0) this.failures++;
      log(event, fields);
    };
  }
}

/** Every reason /health may give (openapi.json documents the same list). */
export const HEALTH_REASON_CODES = ['backlog', 'oldest_job', 'handoff_failing', 'disk_low', 'queue_unreadable', 'log_follower_stopped', 'starting'] as const;

export interface HealthReason {
  code: (typeof HEALTH_REASON_CODES)[number];
  message: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  reasons?: HealthReason[];
  pending: number;
  processing: number;
  failed: number;
  oldestPendingSeconds: number;
  handoffFailuresInARow: number;
}

/**
 * `followerStopped`: the Postfix log follower is configured (POSTFIX_LOG) but not running, so delivery
 * outcomes, bounces and the suppression list stop updating while mail still flows.
 */
export function assessHealth(snapshot: QueueSnapshot, handoffFailures: number, limits: HealthThresholds, followerStopped = false): HealthReport {
  const reasons: HealthReason[] = [];
  if (snapshot.pending > limits.maxPending) {
    reasons.push({ code: 'backlog', message: `${snapshot.pending} jobs pending, over the threshold of ${limits.maxPending}` });
  }
  if (snapshot.oldestAgeSeconds > limits.maxOldestSeconds) {
    reasons.push({ code: 'oldest_job', message: `the oldest job has waited ${snapshot.oldestAgeSeconds} s, over the threshold of ${limits.maxOldestSeconds} s` });
  }
  if (handoffFailures >= limits.maxHandoffFailures) {
    reasons.push({ code: 'handoff_failing', message: `the last ${handoffFailures} hand-offs to Postfix failed (threshold ${limits.maxHandoffFailures}); see the relay's retry and failed log lines` });
  }
  const disk = snapshot.disk;
  if (disk && disk.totalBytes > 0) {
    const freeMiB = Math.floor(disk.freeBytes / 2 ** 20);
    const freePercent = (100 * disk.freeBytes) / disk.totalBytes;
    if (freePercent < limits.minDiskFreePercent || freeMiB < limits.minDiskFreeMiB) {
      reasons.push({
        code: 'disk_low',
        message: `the queue's file system has ${freeMiB} MiB (${freePercent.toFixed(1)} %) free, under ${limits.minDiskFreeMiB} MiB or ${limits.minDiskFreePercent} %`,
      });
    }
  }
  if (followerStopped) {
    reasons.push({ code: 'log_follower_stopped', message: "the Postfix log follower is not running: delivery outcomes, bounces and suppressions are not updated; see the relay's outcome_error log lines" });
  }
  const report: HealthReport = {
    status: reasons.length === 0 ? 'ok' : 'degraded',
    pending: snapshot.pending,
    processing: snapshot.processing,
    failed: snapshot.failed,
    oldestPendingSeconds: snapshot.oldestAgeSeconds,
    handoffFailuresInARow: handoffFailures,
  };
  if (reasons.length > 0) report.reasons = reasons;
  return report;
}
