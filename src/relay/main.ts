// Entry point of the bundled relay: server.js calls runRelay(RELAY_DATA) with the data compiled from the
// config. Reads settings and token (refusing to start on a bad one), opens and recovers the queue,
// starts the worker and the HTTP server, and on SIGTERM/SIGINT stops accepting, lets the job in hand
// finish and exits 0 (issue 5 items 2-4).
import { readFileSync } from 'node:fs';
import { bearerChecker } from './auth.js';
import type { RelayData } from './data.js';
import { nodeFs } from './fsops.js';
import { createRelayHttp } from './http.js';
import { recheckJob } from './job-check.js';
import { newJob, recipientDomains, type Job } from './job.js';
import { jsonLogger } from './log.js';
import { buildMessage } from './mime.js';
import { Queue, type RecoveryReport } from './queue.js';
import { RateLimiter } from './rate-limit.js';
import { runSendmail, type SendmailResult } from './sendmail.js';
import { readSettings, readToken, StartupError, type RelaySettings, type TokenSource } from './settings.js';
import { Worker } from './worker.js';

export type { RelayData } from './data.js';

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

export async function runRelay(data: RelayData): Promise<void> {
  const log = jsonLogger(data.name, (line) => process.stdout.write(line));
  process.on('uncaughtException', (error) => {
    // Never expected; exit non-zero so systemd restarts it and start-up recovery runs.
    process.stderr.write(`${data.name}: fatal: ${error?.stack ?? String(error)}\n`);
    process.exit(70);
  });
  let settings: RelaySettings;
  let token: TokenSource;
  try {
    settings = readSettings(process.env, data.defaults);
    token = readToken(process.env, data.name, data.tokenMinBytes, (file) => readFileSync(file, 'utf8'));
  } catch (error) {
    refuse(data.name, error instanceof StartupError ? error.message : reasonOf(error));
  }
  // The token must not leak into sendmail's environment (or anything else the relay spawns).
  delete process.env.SMTP_RELAY_TOKEN;
  const childEnv = { ...process.env };

  const queue = new Queue(settings.queueRoot, nodeFs, {
    // A job file holds one request body plus a few hundred bytes of queue fields; twice the body limit
    // leaves room for JSON escaping and is still small enough to read into memory.
    maxBytes: 2 * data.limits.bodyBytes + 64 * 1024,
    check: (job) => recheckJob(job, data),
  });
  let recovery: RecoveryReport;
  try {
    recovery = await queue.open();
  } catch (error) {
    refuse(data.name, reasonOf(error));
  }

  // Builds the MIME, stages it as sendmail's stdin file and runs sendmail; never throws.
  const deliver = async (job: Job): Promise<SendmailResult> => {
    let message: Buffer;
    try {
      message = await buildMessage(job);
    } catch (error) {
      // The same job would fail the same way on every attempt.
      return { ok: false, permanent: true, reason: `cannot build the message: ${reasonOf(error)}` };
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
        messageFile: file,
        timeoutMs: settings.sendmailTimeoutMs,
        env: childEnv,
      });
    } finally {
      await queue.unstageMessage(job.id).catch(() => undefined);
    }
  };

  const worker = new Worker({
    queue,
    maxAttempts: settings.maxAttempts,
    backoffFirstMs: settings.backoffFirstMs,
    backoffMaxMs: settings.backoffMaxMs,
    deliver,
    log,
  });

  const web = createRelayHttp({
    data,
    checkToken: bearerChecker(token.token),
    limiter: new RateLimiter(data.limits.ratePerMinute),
    log,
    async enqueue(mail) {
      const job = newJob(mail);
      try {
        await queue.put('pending', job);
      } catch (error) {
        log('queue_error', { id: job.id, domains: recipientDomains(job.to), reason: reasonOf(error) });
        throw error;
      }
      log('enqueued', { id: job.id, domains: recipientDomains(job.to), from: job.from.address });
      worker.notify(job.id);
      return job;
    },
  });

  for (const id of recovery.recovered) log('recovered', { id, reason: 'left in processing/ by an earlier run' });
  // Listen before the worker starts: a refused start must not leave a job half-handled.
  try {
    await web.listen(settings.host, settings.port);
  } catch (error) {
    refuse(data.name, `cannot listen on ${settings.host}:${settings.port}: ${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}`);
  }
  await worker.start();
  const bound = web.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : settings.port;
  log('started', {
    listen: settings.host.includes(':') ? `[${settings.host}]:${port}` : `${settings.host}:${port}`,
    port,
    queue: settings.queueRoot,
    pending: await queue.count('pending'),
    failed: await queue.count('failed'),
    token: token.from,
    pid: process.pid,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal, inHand: worker.inHand });
    await Promise.all([web.stop(), worker.stop()]);
    await queue.close();
    log('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
