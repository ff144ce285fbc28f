// The relay's Prometheus metrics (prom-client, bundled into server.js): one registry per relay, every
// name prefixed relayconf_relay_. Counters follow the relay's own JSON log events (log.ts: the event names
// and their fields are a fixed contract), so a metric never disagrees with the journal; queue depth and age
// are read from the queue directories at scrape time (queue-snapshot.ts). Names live in metric-names.ts. Another metric is one more line
// in createRelayMetrics with `registers: [registry]`.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LogFields, Logger, RelayEvent } from './log.js';
import { METRIC_NAMES } from './metric-names.js';
import type { DiskSpace, QueueSnapshot } from './queue-snapshot.js';
import { RELAY_ROUTES } from './routes.js';
import type { HandoffResult } from './sendmail.js';

/** Hand-offs take milliseconds (SMTP on loopback) up to the hand-off timeout (30 s by default). */
const HANDOFF_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A path as the route label: the relay's own routes and /metrics by name, anything else as `other` (bounded). */
export function routeLabel(path: string): string {
  if (path === '/metrics' || RELAY_ROUTES.some((route) => route.path === path)) return path;
  return 'other';
}

export interface RelayMetricsSources {
  /** Queue depth and oldest job, cached briefly (shared with /health). */
  snapshot: () => Promise<QueueSnapshot>;
  /** Hand-off failures in a row (health.ts HandoffStreak). */
  failureStreak: () => number;
  /**
   * The outcome side, known once the queue is open (RelayObservability.watch): entries on the suppression
   * list, events waiting in the webhook outboxes, and whether the Postfix log follower runs (null: none configured).
   */
  outcomes?: () => OutcomeSources | null;
}

export interface OutcomeSources {
  suppressedRecipients: () => number;
  webhookBacklog: () => Promise<number>;
  following: () => boolean | null;
}

export interface RelayMetrics {
  registry: Registry;
  /** One answered request: route label (routeLabel) and HTTP status. */
  answered(route: string, status: number): void;
  /** Wraps the logger: every event still goes to the log; the ones that count are counted. */
  tap(log: Logger): Logger;
  /** Wraps the hand-off so each one is timed under its mode (smtp or sendmail). */
  timed<J>(mode: string, deliver: (job: J) => Promise<HandoffResult>): (job: J) => Promise<HandoffResult>;
}

export function createRelayMetrics(sources: RelayMetricsSources): RelayMetrics {
  const registry = new Registry();
  const registers = [registry];
  const httpRequests = new Counter({ name: METRIC_NAMES.httpRequests, help: 'HTTP requests answered, by route and status.', labelNames: ['route', 'status'], registers });
  const jobsAccepted = new Counter({ name: METRIC_NAMES.jobsAccepted, help: 'Jobs accepted (202) and durably queued.', registers });
  const handoffOutcomes = new Counter({
    name: METRIC_NAMES.handoffOutcomes,
    help: 'Hand-offs to Postfix by outcome: delivered (Postfix took it), retry (will be tried again), failed (moved to failed/, unreadable job files included).',
    labelNames: ['outcome'],
    registers,
  });
  const handoffDuration = new Histogram({ name: METRIC_NAMES.handoffDuration, help: 'Time one hand-off to Postfix took, in seconds, by hand-off mode.', labelNames: ['mode'], buckets: HANDOFF_BUCKETS, registers });
  new Gauge({
    name: METRIC_NAMES.queueJobs,
    help: 'Jobs in the queue directories, by state (pending/, processing/, failed/).',
    labelNames: ['state'],
    registers,
    async collect() {
      const snapshot = await sources.snapshot();
      for (const state of ['pending', 'processing', 'failed'] as const) this.set({ state }, snapshot[state]);
    },
  });
  new Gauge({
    name: METRIC_NAMES.oldestPendingAge,
    help: 'Age in seconds of the oldest job not yet handed to Postfix (pending/ or processing/); 0 when there is none.',
    registers,
    async collect() {
      this.set((await sources.snapshot()).oldestAgeSeconds);
    },
  });
  // No sample when statfs is unavailable (Node before 18.15) or fails: absent, not a made-up zero.
  const diskGauges: [string, string, (disk: DiskSpace) => number][] = [
    [METRIC_NAMES.queueDiskFree, "Bytes the relay's user may still write on the queue's file system (statfs f_bavail).", (disk) => disk.freeBytes],
    [METRIC_NAMES.queueDiskSize, "Size in bytes of the queue's file system.", (disk) => disk.totalBytes],
  ];
  for (const [name, help, pick] of diskGauges) {
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const disk = (await sources.snapshot()).disk;
        if (disk) this.set(pick(disk));
        else this.reset();
      },
    });
  }
  new Gauge({
    name: METRIC_NAMES.handoffFailureStreak,
    help: 'Hand-offs that failed in a row; one success resets it.',
    registers,
    collect() {
      this.set(sources.failureStreak());
    },
  });
  const deliveryOutcomes = new Counter({
    name: METRIC_NAMES.deliveryOutcomes,
    help: "Delivery events from Postfix's log for the relay's messages, per recipient: sent, deferred, bounced; expired per message.",
    labelNames: ['state'],
    registers,
  });
  for (const state of ['sent', 'deferred', 'bounced', 'expired']) deliveryOutcomes.inc({ state }, 0);
  // Absent until the queue is open (the sources are not known before): no made-up zero.
  const outcomeGauges: [string, string, (sources: OutcomeSources) => Promise<number | null> | number | null][] = [
    [METRIC_NAMES.suppressedRecipients, 'Addresses on the suppression list (hard bounces).', (s) => s.suppressedRecipients()],
    [METRIC_NAMES.webhookBacklog, 'Webhook events waiting in the outboxes (all webhooks).', (s) => s.webhookBacklog()],
    [METRIC_NAMES.logFollowerUp, "1 while the Postfix log follower runs, 0 when it stopped; absent when none is configured.", (s) => {
      const following = s.following();
      return following === null ? null : following ? 1 : 0;
    }],
  ];
  for (const [name, help, pick] of outcomeGauges) {
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const outcomeSources = sources.outcomes?.() ?? null;
        const value = outcomeSources ? await pick(outcomeSources) : null;
        if (value === null) this.reset();
        else this.set(value);
      },
    });
  }
  // No collectDefaultMetrics: three of its gauges end in _total (nodejs_active_handles_total ...), which
  // `promtool check metrics` rejects as the exposition format's naming rules say; the unit's memory and CPU
  // are node_exporter's systemd and process figures.
  // Zero from the start, so rate() and increase() see the first one.
  for (const outcome of ['delivered', 'retry', 'failed']) handoffOutcomes.inc({ outcome }, 0);
  const recoveredJobs = new Counter({ name: METRIC_NAMES.recoveredJobs, help: 'Jobs a start-up found left in processing/ by the run before (a crash), each looked up before any hand-off.', registers });
  const foundInLog = new Counter({
    name: METRIC_NAMES.handoffsFoundInLog,
    help: "Jobs completed because Postfix's log (or the outcome record) showed it had taken them, not handed off again: after a crash, or a reply lost after the body went out.",
    registers,
  });

  const counted: Partial<Record<RelayEvent, (fields: LogFields) => void>> = {
    enqueued: () => jobsAccepted.inc(),
    delivered: (fields) => {
      handoffOutcomes.inc({ outcome: 'delivered' });
      if (fields.recovered === true) foundInLog.inc();
    },
    recovered: () => recoveredJobs.inc(),
    retry: () => handoffOutcomes.inc({ outcome: 'retry' }),
    failed: () => handoffOutcomes.inc({ outcome: 'failed' }),
    outcome: (fields) => {
      if (typeof fields.outcome === 'string' && ['sent', 'deferred', 'bounced', 'expired'].includes(fields.outcome)) deliveryOutcomes.inc({ state: fields.outcome });
    },
  };

  return {
    registry,
    answered(route, status) {
      httpRequests.inc({ route, status: String(status) });
    },
    tap(log) {
      return (event, fields = {}) => {
        counted[event]?.(fields);
        log(event, fields);
      };
    },
    timed(mode, deliver) {
      return async (job) => {
        const end = handoffDuration.startTimer({ mode });
        try {
          return await deliver(job);
        } finally {
          end();
        }
      };
    },
  };
}
