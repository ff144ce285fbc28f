// The relay's webhooks (relay.webhooks): the HMAC secret read at start-up, the outbox and the sender, and
// emit(): what the worker (delivered, failed) and the Postfix log follower (deferred, bounced) call to
// record an event durably for every webhook that takes its type, before they forget its cause.
import path from 'node:path';
import type { RelayData, RelayWebhook, WebhookEventType } from './data.js';
import type { QueueFs } from './fsops.js';
import type { Logger } from './log.js';
import type { OutcomeEvent } from './outcomes.js';
import { integer, StartupError } from './settings.js';
import { newWebhookEvent, type WebhookDetail, type WebhookMessage } from './webhook-event.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WEBHOOK_TIMING, WebhookSender, type WebhookTiming } from './webhook-sender.js';

/** The secret's least length in bytes: `openssl rand -hex 32` writes 64. */
export const WEBHOOK_SECRET_MIN_BYTES = 32;

type Env = Record<string, string | undefined>;

export interface WebhookSetup {
  secret: string;
  timing: WebhookTiming;
}

/**
 * Without webhooks: null (no secret needed). With them: the secret from `$CREDENTIALS_DIRECTORY/<name>-webhook-secret`
 * (systemd LoadCredential=; never an environment variable, which everything the relay spawns would inherit),
 * one trailing newline dropped, at least 32 bytes; and the timing, WEBHOOK_* variables over the defaults.
 */
export function readWebhookSetup(env: Env, data: Pick<RelayData, 'name' | 'webhooks'>, readFile: (file: string) => string): WebhookSetup | null {
  if (!data.webhooks || data.webhooks.length === 0) return null;
  const credential = `${data.name}-webhook-secret`;
  const make = 'make one with: (umask 077; openssl rand -hex 32 > /etc/credstore/' + credential + ')';
  if (!env.CREDENTIALS_DIRECTORY) throw new StartupError(`webhooks are configured but there is no credentials directory: the relay needs the systemd credential ${credential} (LoadCredential=); ${make}`);
  const file = path.join(env.CREDENTIALS_DIRECTORY, credential);
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StartupError(code === 'ENOENT' ? `webhooks are configured but ${file} is missing; ${make}` : `cannot read the webhook secret ${file}: ${code ?? String(error)}`);
  }
  const secret = text.replace(/\r?\n$/, '');
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < WEBHOOK_SECRET_MIN_BYTES) throw new StartupError(`the webhook secret ${file} is ${bytes} bytes; at least ${WEBHOOK_SECRET_MIN_BYTES} are required; ${make}`);
  const retryFirstMs = integer(env, 'WEBHOOK_RETRY_FIRST_MS', WEBHOOK_TIMING.retryFirstMs, 1);
  const timing: WebhookTiming = {
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', WEBHOOK_TIMING.timeoutMs, 1),
    retryFirstMs,
    retryMaxMs: integer(env, 'WEBHOOK_RETRY_MAX_MS', Math.max(WEBHOOK_TIMING.retryMaxMs, retryFirstMs), retryFirstMs),
    maxAgeMs: integer(env, 'WEBHOOK_MAX_AGE_MS', WEBHOOK_TIMING.maxAgeMs, 1),
  };
  return { secret, timing };
}

export type Emit = (type: WebhookEventType, message: WebhookMessage, detail: WebhookDetail, sequence?: number) => Promise<void>;

export class Webhooks {
  private readonly outbox: WebhookOutbox | null;
  private readonly sender: WebhookSender | null;
  private readonly hooks: readonly RelayWebhook[];

  constructor(options: { data: Pick<RelayData, 'webhooks'>; setup: WebhookSetup | null; queueRoot: string; fs: QueueFs; log: Logger; now?: () => number }) {
    this.hooks = options.setup ? (options.data.webhooks ?? []) : [];
    this.now = options.now ?? Date.now;
    this.outbox = this.hooks.length > 0 ? new WebhookOutbox(options.queueRoot, options.fs, this.hooks.map((hook) => hook.name)) : null;
    this.sender =
      this.outbox && options.setup
        ? new WebhookSender({ hooks: this.hooks, outbox: this.outbox, secret: options.setup.secret, log: options.log, timing: options.setup.timing, now: this.now })
        : null;
  }

  private readonly now: () => number;

  /** Opens the outbox (after the queue lock is held); nothing when no webhook is configured. */
  async open(): Promise<void> {
    await this.outbox?.open();
  }

  start(): void {
    this.sender?.start();
  }

  async stop(): Promise<void> {
    await this.sender?.stop();
    await this.outbox?.close();
  }

  /**
   * Records the event in the outbox of every webhook that takes `type`, durably, then wakes the sender.
   * Resolves once it is on disk (call it before the event's cause is forgotten); `sequence` numbers the
   * events a job may have several of (deferred, bounced), so each keeps its own id across a crash.
   */
  readonly emit: Emit = async (type, message, detail, sequence) => {
    if (!this.outbox) return;
    const event = newWebhookEvent(type, message, detail, new Date(this.now()), sequence);
    const hooks = this.hooks.filter((hook) => hook.events.includes(type));
    for (const hook of hooks) await this.outbox.put(hook.name, event);
    for (const hook of hooks) this.sender?.notify(hook.name);
  };

  /** Events waiting in the outboxes (every webhook's), for /health and /metrics. */
  async backlog(): Promise<number> {
    if (!this.outbox) return 0;
    let waiting = 0;
    for (const hook of this.hooks) waiting += (await this.outbox.list(hook.name)).length;
    return waiting;
  }

  /**
   * The log follower's hook (OutcomeStoreOptions.onApplied): a recipient deferred or bounced, or the message
   * expired in Postfix's queue (a bounce to the caller, without a recipient: every one still waiting). Numbered
   * by the event's place in the job's history, so a line read again after a restart keeps its id. A recipient
   * accepted by its server (sent) has no event of its own: `delivered` said Postfix took the message.
   */
  readonly onDelivery = async (jobId: string, queueId: string, event: OutcomeEvent): Promise<void> => {
    if (event.state === 'handed_off' || event.state === 'sent' || event.seq === undefined) return;
    const message: WebhookMessage = { id: jobId, queueId };
    if (event.recipient !== undefined) message.recipient = event.recipient;
    const detail: WebhookDetail = { reply: event.detail, at: event.time };
    if (event.dsn !== undefined) detail.dsn = event.dsn;
    if (event.relay !== undefined) detail.relay = event.relay;
    if (event.state === 'expired') detail.expired = true;
    await this.emit(event.state === 'deferred' ? 'deferred' : 'bounced', message, detail, event.seq);
  };

  /**
   * The worker's hook (WorkerOptions.onOutcome): a job's delivered or failed event. The message carries
   * the ids the caller and Postfix know it by; no recipient addresses (the caller has them under the job
   * id), except the ones Postfix refused (rejectedRecipients), which the caller must act on.
   */
  readonly onOutcome = async (type: 'delivered' | 'failed', job: { id: string; messageId: string }, detail: WebhookDetail & { queueId?: string }): Promise<void> => {
    const { queueId, ...rest } = detail;
    await this.emit(type, { id: job.id, messageId: job.messageId, ...(queueId !== undefined ? { queueId } : {}) }, rest);
  };
}
