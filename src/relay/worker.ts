// The delivery worker (the self-hosted HTTP relay build guide, step 7): up to `concurrency` jobs in hand, each pending/ -> processing/ ->
// hand-off to Postfix -> delete, or back to pending/ with attempts and nextAttemptAt (first delay,
// doubling, capped), or to failed/ after the last attempt, or at once when the hand-off says no retry can
// help. stop() lets every job in hand finish (SIGTERM).
// Due times live in memory; the HTTP side notifies new ids, and pending/ is re-read when idle so jobs
// an admin moves back by hand (the self-hosted HTTP relay build guide "Rollback") are picked up without a restart.
import { DueJobs } from './due-jobs.js';
import { recipientDomains, type Job } from './job.js';
import type { LogFields, Logger } from './log.js';
import type { Queue } from './queue.js';
import type { HandoffResult } from './sendmail.js';

export interface WorkerOptions {
  queue: Queue;
  maxAttempts: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
  /** Builds one job's message and hands it to Postfix; never throws. */
  deliver: (job: Job) => Promise<HandoffResult>;
  /** Jobs handed off at once (default 1): the SMTP pool's size, or sendmail processes. */
  concurrency?: number;
  log: Logger;
  now?: () => number;
  /** How often an idle worker re-reads pending/ (ms). */
  rescanMs?: number;
  /** Pause after a queue (file-system) error before touching the queue again (ms). */
  errorPauseMs?: number;
  /**
   * Records a job's final event (webhooks.ts emit) before the job leaves processing/, so a SIGKILL in
   * between sends the event again with the same id rather than never. Resolves once it is on disk.
   */
  onOutcome?: (type: 'delivered' | 'failed', job: Job, detail: LogFields & { queueId?: string }) => Promise<void>;
  /**
   * Asked instead of a hand-off, once, for a job start() was told the last run left in processing/, and
   * after a hand-off whose outcome is uncertain (`attemptStartedAt`: when that attempt began): the success
   * Postfix's log shows it already had, or null (hand it off again / handle the failure). Never throws.
   */
  recover?: (job: Job, attemptStartedAt?: number) => Promise<(HandoffResult & { ok: true }) | null>;
}

/** Delay after the `attempts`-th failure: first, 2x first, 4x first ... capped at max. */
export function backoffDelay(attempts: number, firstMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  return Math.min(firstMs * 2 ** exponent, maxMs);
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Worker {
  private readonly due = new DueJobs();
  private readonly now: () => number;
  private readonly rescanMs: number;
  private readonly errorPauseMs: number;
  private stopping = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private lastScan = 0;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly concurrency: number;

  constructor(private readonly options: WorkerOptions) {
    this.now = options.now ?? Date.now;
    this.rescanMs = options.rescanMs ?? 10_000;
    this.errorPauseMs = options.errorPauseMs ?? 1_000;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Jobs the last run left in processing/ (start-up recovery), not yet looked at: recover() is asked first. */
  private readonly recovered = new Set<string>();

  /** Reads pending/ and starts draining; `recovered`: the ids queue recovery moved back from processing/. */
  async start(recovered: readonly string[] = []): Promise<void> {
    for (const id of recovered) {
      this.recovered.add(id);
      // Before every other job, whatever its due time: only the in-memory mark says it was in hand, so one
      // left waiting in pending/ behind a backlog would, after another crash, be handed off unlooked-up.
      this.due.set(id, Number.NEGATIVE_INFINITY);
    }
    await this.scan();
    this.loopDone = this.loop();
  }

  /** A job was just written to pending/. */
  notify(id: string, dueAt = 0): void {
    this.due.set(id, dueAt);
    this.wake?.();
  }

  /** Takes no new job, finishes every job in hand and stops; resolves when the worker is idle for good. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }

  /** The oldest job in hand, or null. */
  get inHand(): string | null {
    return this.inHandIds[0] ?? null;
  }

  /** Every job in hand, in id (acceptance) order. */
  get inHandIds(): string[] {
    return [...this.inFlight.keys()].sort();
  }

  get known(): number {
    return this.due.size;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const now = this.now();
      // Earliest due first; equal due times in id order, i.e. acceptance order.
      const next = this.due.peek();
      const nextAt = next?.at ?? Infinity;
      const room = this.inFlight.size < this.concurrency;
      if (room && next !== null && next.at <= now) {
        this.due.delete(next.id);
        this.start1(next.id);
        continue;
      }
      const scanAt = this.lastScan + this.rescanMs;
      // Full: a finishing job wakes the loop; otherwise the next due time or the rescan does.
      await this.sleep(room ? Math.min(nextAt, scanAt) - now : scanAt - now);
      if (!this.stopping && this.now() >= scanAt) await this.scan();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** Learns the due time of every pending job it does not know yet. */
  private async scan(): Promise<void> {
    this.lastScan = this.now();
    try {
      for (const id of await this.options.queue.pendingIds()) {
        if (this.due.has(id) || this.inFlight.has(id)) continue;
        try {
          const job = await this.options.queue.peek(id);
          if (job) this.due.set(id, job.nextAttemptAt);
        } catch {
          // Unparsable: claim it now so it lands in failed/ with the reason logged.
          this.due.set(id, 0);
        }
      }
    } catch (error) {
      this.options.log('queue_error', { reason: `cannot read pending/: ${reasonOf(error)}` });
    }
  }

  /** Hands one job off in the background; its end makes room and wakes the loop. */
  private start1(id: string): void {
    const done = this.process(id).finally(() => {
      this.inFlight.delete(id);
      this.wake?.();
    });
    this.inFlight.set(id, done);
  }

  /**
   * The outcome's webhook event, on disk before the job moves on. A failure to record it (the disk is
   * full) is logged and the job still completes: handing the message to Postfix a second time would
   * send a duplicate to the recipient, which is worse than one missing event.
   */
  private async recordOutcome(type: 'delivered' | 'failed', job: Job, detail: LogFields & { queueId?: string }): Promise<void> {
    if (!this.options.onOutcome) return;
    try {
      await this.options.onOutcome(type, job, detail);
    } catch (error) {
      this.options.log('webhook_error', { id: job.id, type, reason: `cannot record the ${type} event: ${reasonOf(error)}` });
    }
  }

  private async process(id: string): Promise<void> {
    const { queue, log } = this.options;
    let job: Job | null;
    try {
      job = await queue.claim(id, (corruptId, reason) => log('failed', { id: corruptId, domains: [], attempts: 0, permanent: true, reason }));
    } catch (error) {
      log('queue_error', { id, reason: reasonOf(error) });
      this.due.set(id, this.now() + this.errorPauseMs);
      return;
    }
    if (!job) return;
    const domains = recipientDomains(job.to);
    let handedOff = false;
    try {
      const started = this.now();
      // A recovered job Postfix already has is not handed off again: it completes as it would have.
      let found = this.recovered.delete(id) && this.options.recover ? await this.options.recover(job) : null;
      let result = found ?? (await this.options.deliver(job));
      // The body went out and no reply came back: Postfix may have it. Its log says, before any retry.
      if (!result.ok && result.uncertain && this.options.recover) {
        found = await this.options.recover(job, started);
        result = found ?? result;
      }
      const attempts = job.attempts + 1;
      if (result.ok) {
        handedOff = true;
        const ms = this.now() - started;
        const outcome: LogFields & { queueId?: string } = { attempts };
        if (found) outcome.recovered = true;
        // Postfix's queue id (SMTP hand-off): what `grep <id> /var/log/mail.log` follows from here on.
        if (result.queueId !== undefined) outcome.queueId = result.queueId;
        if (result.reply !== undefined) outcome.reply = result.reply;
        if (result.rejected !== undefined) outcome.rejectedRecipients = result.rejected;
        await this.recordOutcome('delivered', job, outcome);
        await queue.complete(id);
        log('delivered', { id, domains, attempts, ms, ...outcome });
      } else if (result.local) {
        // Nothing reached Postfix (e.g. the disk is full): not an attempt; put it back and pause.
        log('queue_error', { id, domains, reason: result.reason });
        await queue.release(id);
        this.due.set(id, this.now() + this.errorPauseMs);
      } else if (result.permanent || attempts >= this.options.maxAttempts) {
        // A permanent refusal (e.g. EX_DATAERR, EX_NOUSER) would be refused again: no retry.
        const outcome: LogFields = { attempts, permanent: result.permanent === true };
        if (result.exitStatus !== undefined) outcome.exitStatus = result.exitStatus;
        if (result.replyCode !== undefined) outcome.replyCode = result.replyCode;
        await this.recordOutcome('failed', job, { ...outcome, reason: result.reason });
        await queue.settle('failed', { ...job, attempts, nextAttemptAt: 0, lastError: result.reason });
        log('failed', { id, domains, ...outcome, reason: result.reason });
      } else {
        const delay = backoffDelay(attempts, this.options.backoffFirstMs, this.options.backoffMaxMs);
        const nextAttemptAt = this.now() + delay;
        await queue.settle('pending', { ...job, attempts, nextAttemptAt, lastError: result.reason });
        this.due.set(id, nextAttemptAt);
        const retry: LogFields = { id, domains, attempts, retryInMs: delay, nextAttemptAt: new Date(nextAttemptAt).toISOString() };
        if (result.exitStatus !== undefined) retry.exitStatus = result.exitStatus;
        if (result.replyCode !== undefined) retry.replyCode = result.replyCode;
        log('retry', { ...retry, reason: result.reason });
      }
    } catch (error) {
      // The queue itself failed (disk full, EIO) while recording the outcome. The job is still in
      // processing/; a restart recovers it, and so does the next attempt here once the disk is back.
      log('queue_error', { id, domains, reason: reasonOf(error) });
      // Postfix has it already: the next try asks recover() (the outcome record) before handing it off again.
      if (handedOff) this.recovered.add(id);
      await queue.release(id).then(
        () => this.due.set(id, this.now() + this.errorPauseMs),
        () => undefined,
      );
    }
  }
}
