// Entry point of the bundled relay: server.js calls runRelay(RELAY_DATA) with the data compiled from the
// config. Reads settings and token (refusing to start on a bad one), locks the queue root, binds the port,
// only then opens and recovers the queue and starts the worker; on SIGTERM/SIGINT it stops accepting,
// lets the job in hand finish, releases the lock and exits 0. The same file is the
// html-to-text worker thread's script (html-worker.ts): there it serves conversions and starts nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clientAuthenticator } from './auth.js';
import type { RelayData } from './data.js';
import { nodeFs } from './fsops.js';
import { createRelayHttp } from './http.js';
import { IdempotencyStore } from './idempotency.js';
import { HTML_TO_TEXT_BUDGET_MS, HtmlToText, isHtmlWorker, serveHtmlToText } from './html-worker.js';
import { recheckJob } from './job-check.js';
import { envelopeRecipients, newJob, recipientDomains, type Job } from './job.js';
import { acquireQueueLock, LockHeld, type QueueLock } from './lock.js';
import { jsonLogger } from './log.js';
import { buildMessage } from './mime.js';
import { findTakenJobs, scanOf, type RecoveredJob, type TakenJob } from './handoff-lookup.js';
import { openOutcomeTracking, type OutcomeTracking } from './outcome-tracking.js';
import { RelayObservability } from './observability.js';
import { Queue, type RecoveryReport } from './queue.js';
import { AUTH_FAILURES_PER_MINUTE, ClientRateLimits, RateLimiter } from './rate-limit.js';
import { runSendmail, type HandoffResult } from './sendmail.js';
import { readClientTokens, readSettings, StartupError, type ClientToken, type RelaySettings } from './settings.js';
import { isVisiblyEmpty } from './visible.js';
import { SmtpHandoff, smtpEnvelope } from './smtp-handoff.js';
import { Worker } from './worker.js';
import { readWebhookSetup, Webhooks, type WebhookSetup } from './webhooks.js';

export type { RelayData } from './data.js';

// Loaded as the conversion worker's script (server.js or the bare bundle in tests).
if (isHtmlWorker()) serveHtmlToText();

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Exit status of a refused start (bad token, settings or queue root): sysexits' EX_CONFIG, so the unit
 * can say RestartPreventExitStatus=78 and not restart a misconfiguration every two seconds.
 */
export const EXIT_CONFIG = 78;

function refuse(name: string, message: string): never {
  process.stderr.write(`${name}: refusing to start: ${message}\n`);
  process.exit(EXIT_CONFIG);
}

/** Why the queue lock could not be taken, in words an admin can act on. */
function lockRefusal(root: string, error: unknown): string {
  if (error instanceof LockHeld) {
    return (
      `the queue ${root} is in use by pid ${error.holder.pid} (${error.lockFile}); one relay per queue. ` +
      'Stop that relay first; if that pid is not a relay, remove the lock file'
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `queue root ${root} does not exist: create it owned by the relay user (mode 0750)`;
  return `cannot lock the queue root ${root}: ${code ?? reasonOf(error)}`;
}

export async function runRelay(data: RelayData): Promise<void> {
  // server.js ends by calling runRelay; in the conversion worker that call must start nothing.
  if (isHtmlWorker()) return;
  // /metrics and /health read the log events (observability.ts): every part logs through the tap.
  const ops = new RelayObservability();
  const log = ops.tap(jsonLogger(data.name, (line) => process.stdout.write(line)));
  process.on('uncaughtException', (error) => {
    // Never expected; exit non-zero so systemd restarts it and start-up recovery runs.
    process.stderr.write(`${data.name}: fatal: ${error?.stack ?? String(error)}\n`);
    process.exit(70);
  });
  let settings: RelaySettings;
  let tokens: ClientToken[];
  let webhookSetup: WebhookSetup | null;
  try {
    settings = readSettings(process.env, data.defaults);
    tokens = readClientTokens(process.env, data, (file) => readFileSync(file, 'utf8'));
    webhookSetup = readWebhookSetup(process.env, data, (file) => readFileSync(file, 'utf8'));
    ops.configure(process.env, settings);
  } catch (error) {
    refuse(data.name, error instanceof StartupError ? error.message : reasonOf(error));
  }
  // The token must not leak into sendmail's environment (or anything else the relay spawns).
  delete process.env.SMTP_RELAY_TOKEN;
  const childEnv = { ...process.env };
  // The worker runs this very file (server.js); started after the token left the environment.
  const htmlToText = new HtmlToText({ script: __filename, budgetMs: HTML_TO_TEXT_BUDGET_MS });

  const queue = new Queue(settings.queueRoot, nodeFs, {
    // A job file holds one request body plus a few hundred bytes of queue fields; twice the body limit
    // leaves room for JSON escaping and is still small enough to read into memory.
    maxBytes: 2 * data.limits.bodyBytes + 64 * 1024,
    check: (job) => recheckJob(job, data),
  });
  // One relay per queue: without the lock, a second start would move the first one's job in hand from
  // processing/ back to pending/ and it would be sent twice. Taken before anything else touches the queue.
  let lock: QueueLock;
  try {
    lock = acquireQueueLock(settings.queueRoot);
  } catch (error) {
    refuse(data.name, lockRefusal(settings.queueRoot, error));
  }
  // Runs on every exit, including a refused start below: a refused start leaves the disk as it found it.
  process.on('exit', () => lock.release());
  if (lock.tookOverFrom) {
    log('stale_lock', { pid: lock.tookOverFrom.pid, reason: 'the process that held the queue lock is gone; taken over' });
  }

  // Opened only once the port is bound (openQueue); requests wait for it. The stores beside the queue
  // first, the queue (directories made, recovery run) last: a start refused while opening a store leaves the
  // jobs a crash left in hand in processing/, where the next start looks them up (handoff-lookup.ts) again.
  let openQueue!: () => void;
  const portBound = new Promise<void>((resolve) => (openQueue = resolve));

  // relay.handoff smtp: a pool of persistent connections to Postfix's smtpd, one job in hand per connection.
  const smtp =
    settings.handoff === 'smtp'
      ? new SmtpHandoff({ host: settings.smtpHost, port: settings.smtpPort, connections: settings.handoffConcurrency, timeoutMs: settings.sendmailTimeoutMs })
      : null;

  // Builds the MIME and hands it to Postfix: over SMTP, or staged as sendmail's stdin file; never throws.
  const deliver = ops.timed(async (job: Job): Promise<HandoffResult> => {
    let message: Buffer;
    try {
      // Jobs accepted since the text part is made at request time carry it; a job queued by an older
      // relay may still be HTML-only and is converted here, off the event loop too.
      const text = job.text ?? (job.html !== null ? await htmlToText.convert(job.html) : null);
      message = await buildMessage({ ...job, text: text === null || isVisiblyEmpty(text) ? null : text });
    } catch (error) {
      // The same job would fail the same way on every attempt.
      return { ok: false, permanent: true, reason: `cannot build the message: ${reasonOf(error)}` };
    }
    if (smtp) {
      const envelope = smtpEnvelope(job);
      const result = await smtp.send(envelope, message, job.messageId);
      // Recorded before the job leaves the queue, so the log follower can match Postfix's lines to it. A job
      // never tried before has no record: a crash after an earlier hand-off would have made it a recovered
      // job, whose record recover() read, and an uncertain attempt counts as a failed one.
      const first = job.attempts === 0;
      if (result.ok && result.queueId !== undefined) await tracking?.handedOff(job.id, result.queueId, envelope.to.filter((r) => !result.rejected?.includes(r)), result.reply ?? '', first);
      return result;
    }
    let file: string;
    try {
      file = await queue.stageMessage(job.id, message);
    } catch (error) {
      return { ok: false, local: true, reason: `cannot stage the message for sendmail: ${reasonOf(error)}` };
    }
    try {
      return await runSendmail({
        path: settings.sendmailPath,
        returnPath: job.returnPath,
        bcc: job.bcc,
        messageFile: file,
        timeoutMs: settings.sendmailTimeoutMs,
        env: childEnv,
      });
    } finally {
      await queue.unstageMessage(job.id).catch(() => undefined);
    }
  });

  // Idempotency-Key records live beside the queue; opened before the worker starts.
  const idempotency = new IdempotencyStore({
    fs: nodeFs,
    dir: path.join(settings.queueRoot, 'idempotency'),
    jobExists: async (id) => {
      for (const dir of ['pending', 'processing', 'failed']) if (await nodeFs.exists(path.join(settings.queueRoot, dir, `${id}.json`))) return true;
      return false;
    },
  });
  // Delivery outcomes and the suppression list (outcome-tracking.ts); the log is followed only for the SMTP
  // hand-off, the one that learns Postfix's queue ids.
  // relay.webhooks: the outbox in QUEUE_ROOT/webhooks/ (opened before the log follower
  // starts: its deferred and bounced events go there) and its sender.
  const webhooks = new Webhooks({ data, setup: webhookSetup, queueRoot: settings.queueRoot, fs: nodeFs, log });
  let tracking: OutcomeTracking | null = null;
  const storesOpened = portBound
    .then(() => idempotency.open(new Set(data.clients.map((c) => c.name))))
    .then(() => webhooks.open())
    .then(async () => {
      tracking = await openOutcomeTracking({
        fs: nodeFs,
        queueRoot: settings.queueRoot,
        source: smtp ? settings.postfixLog : null,
        log,
        onDeliveryEvent: webhooks.onDelivery,
      });
      const opened = tracking;
      const followed = smtp !== null && settings.postfixLog !== null;
      ops.watch({
        suppressedRecipients: () => opened.suppressions.size,
        webhookBacklog: () => webhooks.backlog(),
        following: () => (followed ? opened.following : null),
      });
    });
  const opening: Promise<RecoveryReport> = storesOpened.then(() => queue.open());
  const opened: Promise<void> = opening.then(() => undefined);
  // A failed open refuses the start below; requests that waited on it get a 503 meanwhile.
  opened.catch(() => undefined);

  // Exactly once across a crash (handoff-lookup.ts): the jobs the last run left in processing/ are looked up
  // in Postfix's log before any is handed off again. Only with the SMTP hand-off and a followed log: the
  // sendmail hand-off and POSTFIX_LOG=off stay at least once across a crash.
  let takenBeforeCrash: Promise<Map<string, TakenJob> | null> = Promise.resolve(null);
  const lookUp = async (jobs: RecoveredJob[], when: string): Promise<Map<string, TakenJob> | null> => {
    const source = settings.postfixLog;
    if (!smtp || source === null || jobs.length === 0) return null;
    try {
      return await findTakenJobs(jobs, scanOf(source, (reason) => log('outcome_error', { reason })));
    } catch (error) {
      log('outcome_error', { reason: `cannot read Postfix's log to find the jobs it took ${when} (${reasonOf(error)}); handing them off again` });
      return null;
    }
  };
  /** The recovered jobs as pending/ holds them: read before the worker starts, which claims them at once. */
  const readRecovered = async (ids: string[]): Promise<RecoveredJob[]> => {
    const jobs: RecoveredJob[] = [];
    if (!smtp || settings.postfixLog === null) return jobs;
    for (const id of ids) {
      const job = await queue.peek(id).catch(() => null);
      // Its last hand-off started after its acceptance and after the retry time it waited for.
      const since = new Date(Math.max(Date.parse(job?.acceptedAt ?? ''), job?.nextAttemptAt ?? 0));
      if (job && Number.isFinite(since.getTime())) jobs.push({ id, messageId: job.messageId, since });
    }
    return jobs;
  };
  /**
   * A job Postfix already has (left in hand by a crash, or its body sent and no reply read): its hand-off is
   * recorded (and its outcome followed) as if the 250 had just arrived.
   */
  const recover = async (job: Job, attemptStartedAt?: number): Promise<(HandoffResult & { ok: true }) | null> => {
    // The outcome record is written right after the 250: a job that has one was taken.
    const record = await tracking?.outcomes.read(job.id).catch(() => null);
    if (record && record.queueId !== '') {
      return { ok: true, queueId: record.queueId, reply: record.events.filter((e) => e.state === 'handed_off').at(-1)?.detail ?? '' };
    }
    const taken =
      attemptStartedAt === undefined
        ? (await takenBeforeCrash)?.get(job.id)
        : (await lookUp([{ id: job.id, messageId: job.messageId, since: new Date(attemptStartedAt) }], 'when its reply was lost'))?.get(job.id);
    if (!taken) return null;
    const reply = `queued as ${taken.queueId} (found in Postfix's log ${attemptStartedAt === undefined ? 'after a restart' : 'after its reply was lost'})`;
    await tracking?.handedOff(job.id, taken.queueId, smtpEnvelope(job).to, reply);
    for (const seen of taken.lines) await tracking?.outcomes.record(seen.line, seen.time).catch(() => undefined);
    return { ok: true, queueId: taken.queueId, reply };
  };

  const worker = new Worker({
    onOutcome: webhooks.onOutcome,
    recover,
    queue,
    maxAttempts: settings.maxAttempts,
    backoffFirstMs: settings.backoffFirstMs,
    backoffMaxMs: settings.backoffMaxMs,
    deliver,
    log,
    concurrency: settings.handoffConcurrency,
  });

  const web = createRelayHttp({
    data,
    authenticate: clientAuthenticator(tokens),
    limiter: new ClientRateLimits(data.clients),
    authFailures: new RateLimiter(AUTH_FAILURES_PER_MINUTE),
    htmlToText,
    log,
    // A request that arrives between bind and the end of recovery waits for the queue.
    async queueReady() {
      await opened;
    },
    idempotency,
    async outcomeApi(method, urlPath) {
      await opened;
      return tracking!.api(method, urlPath);
    },
    suppressed: (address) => tracking?.suppressions.get(address) !== undefined,
    ...ops.http,
    async enqueue(mail, client, beforeWrite) {
      // Settled by now (the HTTP front waits on queueReady first); kept so no write ever precedes the open.
      await opening;
      const job = newJob(mail);
      try {
        await beforeWrite?.(job);
        await queue.put('pending', job);
      } catch (error) {
        log('queue_error', { id: job.id, domains: recipientDomains(envelopeRecipients(job)), reason: reasonOf(error) });
        throw error;
      }
      log('enqueued', { id: job.id, domains: recipientDomains(envelopeRecipients(job)), from: job.from.address, client: client.name });
      worker.notify(job.id);
      return job;
    },
  });

  // Bind before recovery: a start that cannot listen must exit before it has moved any job.
  try {
    await web.listen(settings.host, settings.port);
  } catch (error) {
    refuse(data.name, `cannot listen on ${settings.host}:${settings.port}: ${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}`);
  }
  openQueue();
  htmlToText.warmUp();
  let recovery: RecoveryReport;
  try {
    recovery = await opening;
    await opened;
  } catch (error) {
    refuse(data.name, reasonOf(error));
  }
  for (const id of recovery.recovered) log('recovered', { id, reason: 'left in processing/ by an earlier run' });
  for (const entry of recovery.setAside) {
    log('queue_error', { reason: `recovery moved ${entry} to failed/: a directory where the relay keeps files` });
  }
  takenBeforeCrash = lookUp(await readRecovered(recovery.recovered), 'before the restart');
  await worker.start(recovery.recovered);
  webhooks.start();
  // Expired idempotency records go within the hour even when no new key arrives to push them out.
  setInterval(() => void idempotency.sweep().catch(() => undefined), 3_600_000).unref();
  const bound = web.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : settings.port;
  log('started', {
    listen: settings.host.includes(':') ? `[${settings.host}]:${port}` : `${settings.host}:${port}`,
    port,
    queue: settings.queueRoot,
    pending: await queue.count('pending'),
    failed: await queue.count('failed'),
    token: tokens.map((t) => (t.client.implicit ? t.from : `${t.client.name}: ${t.from}`)).join(', '),
    pid: process.pid,
  });
  // After the started line: a deploy check that saw /health answer 200 finds that line in the journal.
  ops.markStarted();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal, inHand: worker.inHandIds });
    await Promise.all([web.stop(), worker.stop()]);
    await webhooks.stop();
    smtp?.close();
    await tracking?.stop();
    await htmlToText.close();
    await queue.close();
    lock.release();
    log('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
