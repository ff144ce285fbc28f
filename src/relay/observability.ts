// Wires /health and /metrics into the relay: one object that taps the log (counters, hand-off streak),
// times hand-offs, reads the queue snapshot and hands the HTTP front its health and metrics hooks, so
// main.ts needs only a few lines. Created before the settings are read (the logger exists first);
// configure() reads its own environment variables and throws StartupError like readSettings.
import { assessHealth, HandoffStreak, readHealthThresholds, type HealthReport, type HealthThresholds } from './health.js';
import type { HttpOptions } from './http.js';
import type { Logger } from './log.js';
import { createRelayMetrics, routeLabel, type OutcomeSources, type RelayMetrics } from './metrics.js';
import { readMetricsPeers, type PeerRule } from './metrics-access.js';
import { QueueSnapshots } from './queue-snapshot.js';
import type { HandoffResult } from './sendmail.js';
import type { Env, RelaySettings } from './settings.js';

const EMPTY = { pending: 0, processing: 0, failed: 0, oldestPendingSeconds: 0 };

export class RelayObservability {
  readonly streak = new HandoffStreak();
  readonly metrics: RelayMetrics;
  private snapshots: QueueSnapshots | null = null;
  private thresholds: HealthThresholds | null = null;
  private peers: PeerRule = () => false;
  private mode = 'unknown';
  private outcomeSources: OutcomeSources | null = null;
  private started = false;

  constructor() {
    this.metrics = createRelayMetrics({
      snapshot: () => this.snapshot().get(),
      failureStreak: () => this.streak.current,
      outcomes: () => this.outcomeSources,
    });
  }

  configure(env: Env, settings: Pick<RelaySettings, 'queueRoot' | 'handoff'>): void {
    this.thresholds = readHealthThresholds(env);
    this.peers = readMetricsPeers(env);
    this.snapshots = new QueueSnapshots(settings.queueRoot);
    this.mode = settings.handoff;
  }

  /** The outcome side (suppressions, webhook outbox, log follower), once the queue is open. */
  watch(sources: OutcomeSources): void {
    this.outcomeSources = sources;
  }

  /** The logger every part of the relay uses: counted, streak kept, then written. */
  tap(log: Logger): Logger {
    return this.metrics.tap(this.streak.tap(log));
  }

  timed<J>(deliver: (job: J) => Promise<HandoffResult>): (job: J) => Promise<HandoffResult> {
    return this.metrics.timed(this.mode, deliver);
  }

  /** Start-up is over (queue recovered, stores open, worker running): /health may answer ok. */
  markStarted(): void {
    this.started = true;
  }

  async health(): Promise<HealthReport> {
    if (!this.thresholds) throw new Error('observability used before configure()');
    // The port is bound before the queue is recovered (a start that cannot listen must exit first); until
    // then the relay takes no job, and a 200 would tell a deploy check or a load balancer it was ready.
    if (!this.started) {
      return { ...EMPTY, status: 'degraded', reasons: [{ code: 'starting', message: 'the relay is starting: recovering its queue and opening its stores' }], handoffFailuresInARow: 0 };
    }
    let snapshot;
    try {
      snapshot = await this.snapshot().get();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { ...EMPTY, status: 'degraded', reasons: [{ code: 'queue_unreadable', message: `cannot read the queue directories (${code})` }], handoffFailuresInARow: this.streak.current };
    }
    return assessHealth(snapshot, this.streak.current, this.thresholds, this.outcomeSources?.following() === false);
  }

  /** The HTTP front's hooks (http.ts HttpOptions). */
  get http(): Pick<HttpOptions, 'health' | 'metrics' | 'answered'> {
    const registry = this.metrics.registry;
    return {
      health: () => this.health(),
      metrics: {
        allows: (peer) => this.peers(peer),
        render: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
      },
      answered: (path, status) => this.metrics.answered(routeLabel(path), status),
    };
  }

  private snapshot(): QueueSnapshots {
    if (!this.snapshots) throw new Error('observability used before configure()');
    return this.snapshots;
  }
}
