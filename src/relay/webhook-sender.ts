// The webhook sender: one loop per webhook POSTs each event in its outbox, signed, and deletes it on a 2xx;
// any other answer or a network error retries it later with exponential backoff and jitter, until the
// event is older than the give-up age (logged as webhook_dropped). Retry state lives in memory: after a
// restart every waiting event is tried once at once, then backs off again.
import type { RelayWebhook } from './data.js';
import type { Logger } from './log.js';
import type { WebhookOutbox } from './webhook-outbox.js';
import { postWebhook, type Post } from './webhook-post.js';
import { webhookSignature } from './webhook-sign.js';
import { serializeEvent } from './webhook-event.js';

export interface WebhookTiming {
  /** One POST, connect to the end of the answer. */
  timeoutMs: number;
  /** Delay after the first failed attempt; doubles up to retryMaxMs. */
  retryFirstMs: number;
  retryMaxMs: number;
  /** An event still not taken this long after it was created is dropped. */
  maxAgeMs: number;
}

export const WEBHOOK_TIMING: WebhookTiming = { timeoutMs: 10_000, retryFirstMs: 10_000, retryMaxMs: 3_600_000, maxAgeMs: 3 * 24 * 3_600_000 };

/**
 * Delay before the next attempt after `attempts` failed ones: first, 2x, 4x ... capped at max, then
 * "equal jitter" (half fixed, half random) so the events of one outage do not all come back at once.
 */
export function webhookRetryDelay(attempts: number, firstMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(firstMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40), maxMs);
  return Math.round(base / 2 + (base / 2) * random());
}

export interface WebhookSenderOptions {
  hooks: readonly RelayWebhook[];
  outbox: WebhookOutbox;
  secret: string;
  log: Logger;
  timing?: WebhookTiming;
  post?: Post;
  now?: () => number;
  random?: () => number;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class WebhookSender {
  private stopping = false;
  private readonly wakes = new Map<string, () => void>();
  /** Hooks notified since their loop last listed the outbox: the next sleep returns at once. */
  private readonly dirty = new Set<string>();
  private readonly loops: Promise<void>[] = [];
  private readonly aborts = new Set<() => void>();
  private readonly timing: WebhookTiming;
  private readonly now: () => number;
  private readonly post: Post;

  constructor(private readonly options: WebhookSenderOptions) {
    this.timing = options.timing ?? WEBHOOK_TIMING;
    this.now = options.now ?? Date.now;
    this.post = options.post ?? postWebhook;
  }

  start(): void {
    for (const hook of this.options.hooks) this.loops.push(this.loop(hook));
  }

  /** An event was just written to `hook`'s outbox. */
  notify(hook: string): void {
    this.dirty.add(hook);
    this.wakes.get(hook)?.();
  }

  /** Cuts every POST in flight short (the event stays in the outbox and goes out after the restart) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const abort of this.aborts) abort();
    for (const wake of this.wakes.values()) wake();
    await Promise.all(this.loops);
  }

  private async loop(hook: RelayWebhook): Promise<void> {
    const { outbox, log } = this.options;
    // Per event file: failed attempts so far and when the next may start.
    const retry = new Map<string, { attempts: number; dueAt: number }>();
    while (!this.stopping) {
      let names: string[] = [];
      this.dirty.delete(hook.name);
      try {
        names = await outbox.list(hook.name);
      } catch (error) {
        log('webhook_error', { webhook: hook.name, reason: `cannot read the outbox: ${reasonOf(error)}` });
      }
      for (const name of retry.keys()) if (!names.includes(name)) retry.delete(name);
      let nextAt = this.now() + 30_000;
      for (const name of names) {
        if (this.stopping) break;
        const state = retry.get(name);
        if (state && state.dueAt > this.now()) {
          nextAt = Math.min(nextAt, state.dueAt);
          continue;
        }
        const dueAt = await this.attempt(hook, name, state?.attempts ?? 0).catch((error) => {
          log('webhook_error', { webhook: hook.name, reason: reasonOf(error) });
          return this.now() + this.timing.retryFirstMs;
        });
        if (dueAt === null) retry.delete(name);
        else {
          retry.set(name, { attempts: (state?.attempts ?? 0) + 1, dueAt });
          nextAt = Math.min(nextAt, dueAt);
        }
      }
      if (!this.stopping) await this.sleep(hook.name, nextAt - this.now());
    }
  }

  /** One attempt at one event file: null when it is done with (sent, dropped, quarantined), else when to try again. */
  private async attempt(hook: RelayWebhook, name: string, failedBefore: number): Promise<number | null> {
    const { outbox, log, secret } = this.options;
    const event = await outbox.read(hook.name, name, (reason) => log('webhook_error', { webhook: hook.name, file: name, reason: `quarantined: ${reason}` }));
    if (!event) return null;
    const age = this.now() - Date.parse(event.createdAt);
    if (age > this.timing.maxAgeMs) {
      await outbox.remove(hook.name, name);
      log('webhook_dropped', { webhook: hook.name, eventId: event.id, type: event.type, id: event.message.id, attempts: failedBefore, ageMs: age, reason: `not taken within ${this.timing.maxAgeMs} ms` });
      return null;
    }
    const body = serializeEvent(event);
    const timestamp = Math.floor(this.now() / 1000);
    const headers = {
      'x-relayconf-event-id': event.id,
      'x-relayconf-timestamp': String(timestamp),
      'x-relayconf-signature': webhookSignature(secret, timestamp, body),
    };
    const { done, abort } = this.post(hook.url, headers, body, this.timing.timeoutMs);
    this.aborts.add(abort);
    const result = await done.finally(() => this.aborts.delete(abort));
    const attempts = failedBefore + 1;
    if (result.ok) {
      await outbox.remove(hook.name, name);
      log('webhook_sent', { webhook: hook.name, eventId: event.id, type: event.type, id: event.message.id, attempts, status: result.status ?? 0 });
      return null;
    }
    const delay = webhookRetryDelay(attempts, this.timing.retryFirstMs, this.timing.retryMaxMs, this.options.random);
    log('webhook_retry', { webhook: hook.name, eventId: event.id, type: event.type, id: event.message.id, attempts, retryInMs: delay, reason: result.reason });
    return this.now() + delay;
  }

  private sleep(hook: string, ms: number): Promise<void> {
    if (this.dirty.has(hook)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
      const wakes = this.wakes;
      function done() {
        clearTimeout(timer);
        wakes.delete(hook);
        resolve();
      }
      this.wakes.set(hook, done);
    });
  }
}
