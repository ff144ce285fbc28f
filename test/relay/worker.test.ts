// Unit tests of the worker (src/relay/worker.ts) over a real temp queue with a scripted deliver():
// order, retry with doubling capped backoff, failed/ after the last attempt, stop() finishing the job in
// hand, and pending/ re-read for jobs an admin moves back by hand.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { newJob, parseJob, serializeJob, type Job } from '../../src/relay/job.js';
import type { LogFields, RelayEvent } from '../../src/relay/log.js';
import { Queue } from '../../src/relay/queue.js';
import type { SendmailResult } from '../../src/relay/sendmail.js';
import { backoffDelay, Worker, type WorkerOptions } from '../../src/relay/worker.js';
import { until } from './helpers/relay-process.js';

const mail = (n: number) => ({
  from: { address: 'support@example.com', name: null },
  to: [`user${n}@example.org`, `other${n}@mail.example.net`],
  replyTo: null,
  subject: `S${n}`,
  text: 't',
  html: null,
  returnPath: 'bounces@example.com',
});

let root: string;
let queue: Queue;
let logs: ({ event: RelayEvent } & LogFields)[];
let worker: Worker | null;
const log = (event: RelayEvent, fields: LogFields = {}) => logs.push({ event, ...fields });

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'relay-worker-'));
  queue = new Queue(root, nodeFs);
  await queue.open();
  logs = [];
  worker = null;
});
afterEach(async () => {
  await worker?.stop();
  await queue.close();
  rmSync(root, { recursive: true, force: true });
});

async function enqueue(n: number): Promise<Job> {
  // Distinct acceptance times keep the id order equal to n's order.
  const job = newJob(mail(n), Date.UTC(2026, 0, 1) + n);
  await queue.put('pending', job);
  worker?.notify(job.id);
  return job;
}

const events = (name: string) => logs.filter((entry) => entry.event === name);

/** A worker on the test queue with three attempts and 10 ms backoff, plus the given options. */
const quickWorker = (options: Pick<WorkerOptions, 'deliver'> & Partial<WorkerOptions>) =>
  new Worker({ queue, maxAttempts: 3, backoffFirstMs: 10, backoffMaxMs: 10, log, ...options });

/** The queue, whose first complete() fails with EIO (the job stays in processing/). */
function completeFailingOnce(): Queue {
  let first = true;
  const flaky = Object.create(queue) as Queue;
  flaky.complete = async (id: string) => {
    if (first) {
      first = false;
      throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    }
    return queue.complete(id);
  };
  return flaky;
}

test('backoffDelay: first, doubling, capped', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, 30_000, 3_600_000))).toEqual([
    30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000,
  ]);
  expect(backoffDelay(500, 1, 10)).toBe(10);
});

describe('Worker', () => {
  test('drains serially in acceptance order and deletes delivered jobs', async () => {
    const seen: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const jobs = [await enqueue(1), await enqueue(2), await enqueue(3)];
    worker = new Worker({
      queue,
      maxAttempts: 3,
      backoffFirstMs: 10,
      backoffMaxMs: 10,
      log,
      deliver: async (job): Promise<SendmailResult> => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        seen.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return { ok: true };
      },
    });
    await worker.start();
    const late = await enqueue(4);
    await until(() => events('delivered').length === 4, 5000, 'four deliveries');
    expect(seen).toEqual([...jobs.map((job) => job.id), late.id]);
    expect(maxRunning).toBe(1);
    expect(events('delivered')[0]).toMatchObject({ id: jobs[0].id, domains: ['example.org', 'mail.example.net'], attempts: 1 });
    expect(readdirSync(path.join(root, 'pending'))).toEqual([]);
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
  });

  test('a failure goes back to pending/ with attempts and nextAttemptAt; it is retried after the backoff', async () => {
    const attemptsAt: number[] = [];
    const job = await enqueue(1);
    worker = new Worker({
      queue,
      maxAttempts: 5,
      // Delays long enough that the pending copy is still there to read on a loaded machine.
      backoffFirstMs: 400,
      backoffMaxMs: 600,
      log,
      deliver: async () => {
        attemptsAt.push(Date.now());
        return attemptsAt.length < 4 ? { ok: false, reason: 'sendmail exited 75 (EX_TEMPFAIL)' } : { ok: true };
      },
    });
    await worker.start();
    await until(() => events('retry').length === 1, 5000, 'first retry');
    const pendingCopy = parseJob(readFileSync(path.join(root, 'pending', `${job.id}.json`)));
    expect(pendingCopy).toMatchObject({ attempts: 1, lastError: 'sendmail exited 75 (EX_TEMPFAIL)' });
    expect(pendingCopy.nextAttemptAt).toBeGreaterThan(Date.now() - 400);
    await until(() => events('delivered').length === 1, 5000, 'delivery');
    expect(events('retry').map((entry) => entry.retryInMs)).toEqual([400, 600, 600]);
    expect(events('retry').map((entry) => entry.attempts)).toEqual([1, 2, 3]);
    expect(events('delivered')[0]).toMatchObject({ id: job.id, attempts: 4 });
    // Each retry waited at least its delay (timers may fire late, never early).
    expect(attemptsAt[1] - attemptsAt[0]).toBeGreaterThanOrEqual(398);
    expect(attemptsAt[2] - attemptsAt[1]).toBeGreaterThanOrEqual(598);
    expect(readdirSync(path.join(root, 'pending'))).toEqual([]);
  });

  test('after maxAttempts failures the job lands in failed/ with the last reason', async () => {
    const job = await enqueue(1);
    worker = new Worker({ queue, maxAttempts: 2, backoffFirstMs: 5, backoffMaxMs: 5, log, deliver: async () => ({ ok: false, reason: 'exit 69' }) });
    await worker.start();
    await until(() => events('failed').length === 1, 5000, 'failed');
    expect(events('failed')[0]).toMatchObject({ id: job.id, attempts: 2, reason: 'exit 69', domains: ['example.org', 'mail.example.net'] });
    expect(parseJob(readFileSync(path.join(root, 'failed', `${job.id}.json`)))).toMatchObject({ attempts: 2, lastError: 'exit 69' });
    expect(readdirSync(path.join(root, 'pending'))).toEqual([]);
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
  });

  test('a permanent failure goes to failed/ at the first attempt, with its exit status', async () => {
    const job = await enqueue(1);
    let calls = 0;
    const reason = 'sendmail exited 67 (EX_NOUSER): sendmail: fatal: no such user';
    worker = new Worker({
      queue,
      maxAttempts: 5,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      log,
      deliver: async () => {
        calls += 1;
        return { ok: false, reason, permanent: true, exitStatus: 67 };
      },
    });
    await worker.start();
    await until(() => events('failed').length === 1, 5000, 'failed');
    expect(events('failed')[0]).toMatchObject({ id: job.id, attempts: 1, permanent: true, exitStatus: 67, reason });
    expect(events('retry')).toEqual([]);
    expect(calls).toBe(1);
    expect(parseJob(readFileSync(path.join(root, 'failed', `${job.id}.json`)))).toMatchObject({ attempts: 1, lastError: reason });
  });

  test('stop() lets the job in hand finish and leaves the rest in pending/', async () => {
    let release!: () => void;
    const jobs = [await enqueue(1), await enqueue(2)];
    worker = new Worker({
      queue,
      maxAttempts: 3,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      log,
      deliver: () => new Promise((resolve) => (release = () => resolve({ ok: true }))),
    });
    await worker.start();
    await until(() => worker!.inHand === jobs[0].id, 5000, 'job in hand');
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(events('delivered').map((entry) => entry.id)).toEqual([jobs[0].id]);
    expect(readdirSync(path.join(root, 'pending'))).toEqual([`${jobs[1].id}.json`]);
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
    worker = null;
  });

  test('concurrency: up to N jobs in hand at once, in acceptance order; a finished one makes room; stop() waits for all', async () => {
    const releases = new Map<string, (result: SendmailResult) => void>();
    const jobs = [];
    for (let n = 1; n <= 5; n++) jobs.push(await enqueue(n));
    worker = new Worker({
      queue,
      maxAttempts: 3,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      log,
      concurrency: 3,
      deliver: (job) => new Promise((resolve) => releases.set(job.id, resolve)),
    });
    await worker.start();
    await until(() => releases.size === 3, 5000, 'three in hand');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(worker.inHandIds).toEqual(jobs.slice(0, 3).map((j) => j.id));
    expect(readdirSync(path.join(root, 'processing')).sort()).toEqual(jobs.slice(0, 3).map((j) => `${j.id}.json`));
    // The second finishes first: the fourth takes its place, the fifth still waits.
    releases.get(jobs[1].id)!({ ok: true, queueId: '4ABC', reply: '250 2.0.0 Ok: queued as 4ABC' });
    await until(() => releases.size === 4, 5000, 'the fourth in hand');
    expect(worker.inHandIds).toEqual([jobs[0].id, jobs[2].id, jobs[3].id]);
    expect(events('delivered')).toEqual([expect.objectContaining({ id: jobs[1].id, queueId: '4ABC', reply: '250 2.0.0 Ok: queued as 4ABC' })]);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    for (const id of [jobs[0].id, jobs[2].id]) releases.get(id)!({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    releases.get(jobs[3].id)!({ ok: false, reason: 'Postfix deferred the message: 451 4.3.0 later', replyCode: 451 });
    await stopping;
    expect(events('delivered').map((e) => e.id).sort()).toEqual([jobs[0].id, jobs[1].id, jobs[2].id].sort());
    expect(events('retry')).toEqual([expect.objectContaining({ id: jobs[3].id, attempts: 1, replyCode: 451 })]);
    expect(releases.has(jobs[4].id)).toBe(false);
    expect(readdirSync(path.join(root, 'pending')).sort()).toEqual([`${jobs[3].id}.json`, `${jobs[4].id}.json`].sort());
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
    worker = null;
  });

  test('a job put into pending/ by hand is found by the idle re-read; a due time in the future is respected', async () => {
    worker = new Worker({ queue, maxAttempts: 3, backoffFirstMs: 5, backoffMaxMs: 5, log, rescanMs: 30, deliver: async () => ({ ok: true }) });
    await worker.start();
    const later = { ...newJob(mail(2)), nextAttemptAt: Date.now() + 300 };
    const now = newJob(mail(1));
    writeFileSync(path.join(root, 'pending', `${now.id}.json`), serializeJob(now));
    writeFileSync(path.join(root, 'pending', `${later.id}.json`), serializeJob(later));
    await until(() => events('delivered').length === 1, 5000, 'hand-placed job');
    expect(events('delivered')[0].id).toBe(now.id);
    await until(() => events('delivered').length === 2, 5000, 'deferred job');
    expect(Date.now()).toBeGreaterThanOrEqual(later.nextAttemptAt);
  });

  test('a local failure before sendmail ran (message not staged: disk full) is not an attempt', async () => {
    const job = await enqueue(1);
    let calls = 0;
    worker = new Worker({
      queue,
      maxAttempts: 1,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      errorPauseMs: 20,
      log,
      deliver: async () => {
        calls += 1;
        return calls < 3 ? { ok: false, local: true, reason: 'cannot stage the message for sendmail: ENOSPC' } : { ok: true };
      },
    });
    await worker.start();
    await until(() => events('delivered').length === 1, 5000, 'delivery after the disk came back');
    // maxAttempts is 1, yet two local failures did not send it to failed/.
    expect(events('failed')).toEqual([]);
    expect(events('queue_error').map((entry) => entry.reason)).toEqual([
      'cannot stage the message for sendmail: ENOSPC',
      'cannot stage the message for sendmail: ENOSPC',
    ]);
    expect(events('delivered')[0]).toMatchObject({ id: job.id, attempts: 1 });
  });

  test('a queue failure while recording the outcome is logged and the job is released for another try', async () => {
    const job = await enqueue(1);
    const flaky = completeFailingOnce();
    worker = new Worker({ queue: flaky, maxAttempts: 3, backoffFirstMs: 5, backoffMaxMs: 5, errorPauseMs: 20, log, deliver: async () => ({ ok: true }) });
    await worker.start();
    await until(() => events('delivered').length === 1, 5000, 'delivery after the queue error');
    expect(events('queue_error')[0]).toMatchObject({ id: job.id, reason: 'EIO: injected' });
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
  });

  test('a queue failure after Postfix took the job: the next try asks recover() first, and the message is not handed off again', async () => {
    const job = await enqueue(1);
    const flaky = completeFailingOnce();
    const order: string[] = [];
    worker = new Worker({
      queue: flaky,
      maxAttempts: 3,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      errorPauseMs: 20,
      log,
      // As main.ts's: the outcome record written after the 250 proves the hand-off.
      recover: async () => (order.push('recover'), { ok: true, queueId: 'DDDDDD0001', reply: 'queued as DDDDDD0001' }),
      deliver: async () => (order.push('deliver'), { ok: true, queueId: 'DDDDDD0001', reply: '250 2.0.0 Ok: queued as DDDDDD0001' }),
    });
    await worker.start();
    await until(() => events('delivered').length === 1, 5000, 'completed after the queue error');
    expect(order).toEqual(['deliver', 'recover']);
    expect(events('queue_error')[0]).toMatchObject({ id: job.id, reason: 'EIO: injected' });
    expect(events('delivered')[0]).toMatchObject({ id: job.id, queueId: 'DDDDDD0001', recovered: true });
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
  });

  test('onOutcome records delivered and failed while the job is still in processing/; a failure to record is logged, the job still completes', async () => {
    const seen: string[] = [];
    let breakNext = false;
    worker = new Worker({
      queue,
      maxAttempts: 1,
      backoffFirstMs: 5,
      backoffMaxMs: 5,
      log,
      deliver: async (job) => (job.subject === 'S2' ? { ok: false, permanent: true, reason: 'exit 65', exitStatus: 65 } : { ok: true, queueId: '4ABC', reply: '250 2.0.0 Ok: queued as 4ABC' }),
      onOutcome: async (type, job, detail) => {
        seen.push(`${type} ${job.id} ${readdirSync(path.join(root, 'processing')).join(',')} failed/:${readdirSync(path.join(root, 'failed')).length} ${JSON.stringify(detail)}`);
        if (breakNext) throw new Error('ENOSPC');
      },
    });
    const [one, two] = [await enqueue(1), await enqueue(2)];
    await worker.start();
    await until(() => events('delivered').length === 1 && events('failed').length === 1, 5000, 'both outcomes');
    expect(seen).toEqual([
      `delivered ${one.id} ${one.id}.json failed/:0 {"attempts":1,"queueId":"4ABC","reply":"250 2.0.0 Ok: queued as 4ABC"}`,
      `failed ${two.id} ${two.id}.json failed/:0 {"attempts":1,"permanent":true,"exitStatus":65,"reason":"exit 65"}`,
    ]);
    expect(events('delivered')[0]).toMatchObject({ id: one.id, attempts: 1, queueId: '4ABC' });
    breakNext = true;
    const three = await enqueue(3);
    await until(() => events('delivered').length === 2, 5000, 'the third delivered');
    expect(events('webhook_error')).toEqual([{ event: 'webhook_error', id: three.id, type: 'delivered', reason: 'cannot record the delivered event: ENOSPC' }]);
    expect(readdirSync(path.join(root, 'processing'))).toEqual([]);
  });

  test('a job the last run left in processing/ is first offered to recover(): taken, it completes without a hand-off; not taken, it is handed off; recover() is asked once', async () => {
    const [taken, notTaken] = [await enqueue(1), await enqueue(2)];
    const recovered: string[] = [];
    const delivered: string[] = [];
    const onOutcome: string[] = [];
    worker = quickWorker({
      onOutcome: async (type, job, detail) => void onOutcome.push(`${type} ${job.id} ${detail.queueId} ${detail.recovered}`),
      recover: async (job) => {
        recovered.push(job.id);
        return job.id === taken.id ? { ok: true, queueId: 'AAAAAA0001', reply: 'queued as AAAAAA0001 (found)' } : null;
      },
      // The first hand-off of the job not taken fails, so it is tried again: recover() is not asked then.
      deliver: async (job) => (delivered.push(job.id), delivered.length === 1 ? { ok: false, reason: '451 try later' } : { ok: true, queueId: 'BBBBBB0001' }),
    });
    await worker.start([taken.id, notTaken.id]);
    await until(() => events('delivered').length === 2, 5000, 'both completed');
    expect(recovered).toEqual([taken.id, notTaken.id]);
    expect(delivered).toEqual([notTaken.id, notTaken.id]);
    expect(events('delivered')[0]).toMatchObject({ id: taken.id, queueId: 'AAAAAA0001', reply: 'queued as AAAAAA0001 (found)', recovered: true, attempts: 1 });
    expect(events('delivered')[1]).toMatchObject({ id: notTaken.id, queueId: 'BBBBBB0001', attempts: 2 });
    expect(events('delivered')[1].recovered).toBeUndefined();
    expect(onOutcome).toEqual([`delivered ${taken.id} AAAAAA0001 true`, `delivered ${notTaken.id} BBBBBB0001 undefined`]);
    expect(readdirSync(path.join(root, 'pending'))).toEqual([]);
  });

  test('a hand-off whose outcome is uncertain (body sent, no reply) asks recover() with the attempt\'s start before anything else: found, it completes; not found, it is retried', async () => {
    const [found, notFound] = [await enqueue(1), await enqueue(2)];
    const asked: [string, number | undefined][] = [];
    const delivered: string[] = [];
    worker = quickWorker({
      recover: async (job, attemptStartedAt) => {
        asked.push([job.id, attemptStartedAt]);
        return job.id === found.id ? { ok: true, queueId: 'CCCCCC0001', reply: 'queued as CCCCCC0001 (found)' } : null;
      },
      deliver: async (job) => {
        delivered.push(job.id);
        return delivered.length <= 2 ? { ok: false, uncertain: true, reason: 'SMTP hand-off took longer than 500 ms' } : { ok: true, queueId: 'DDDDDD0001' };
      },
    });
    const before = Date.now();
    await worker.start();
    await until(() => events('delivered').length === 2, 5000, 'both completed');
    // Each uncertain failure was looked up once, with the time its attempt started; a start-up recovery was not asked for.
    expect(asked.map(([id]) => id)).toEqual([found.id, notFound.id]);
    for (const [, at] of asked) expect(at).toBeGreaterThanOrEqual(before);
    expect(asked[1][1]).toBeGreaterThanOrEqual(asked[0][1]!);
    expect(delivered).toEqual([found.id, notFound.id, notFound.id]);
    expect(events('delivered')[0]).toMatchObject({ id: found.id, queueId: 'CCCCCC0001', recovered: true, attempts: 1 });
    expect(events('retry')).toHaveLength(1);
    expect(events('retry')[0]).toMatchObject({ id: notFound.id, reason: 'SMTP hand-off took longer than 500 ms' });
    expect(events('delivered')[1]).toMatchObject({ id: notFound.id, queueId: 'DDDDDD0001', attempts: 2 });
  });

  test('jobs the last run left in processing/ are taken before any other: waiting in pending/ behind a backlog, a second crash would forget they were in hand', async () => {
    const backlog = [await enqueue(1), await enqueue(2), await enqueue(3)];
    // A retry (its due time passed) that was in hand at the crash; the backlog is due since acceptance (0).
    const inHand = { ...newJob(mail(4), Date.UTC(2026, 0, 1) + 4), attempts: 1, nextAttemptAt: Date.now() - 1000 };
    await queue.put('pending', inHand);
    const order: string[] = [];
    worker = quickWorker({
      recover: async (job) => (order.push(`recover ${job.id}`), null),
      deliver: async (job) => (order.push(`deliver ${job.id}`), { ok: true, queueId: 'CCCCCC0001' }),
    });
    await worker.start([inHand.id]);
    await until(() => events('delivered').length === 4, 5000, 'all four delivered');
    expect(order).toEqual([`recover ${inHand.id}`, `deliver ${inHand.id}`, ...backlog.map((job) => `deliver ${job.id}`)]);
  });
});
