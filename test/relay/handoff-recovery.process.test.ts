// The BUILT server.js after a crash with the SMTP hand-off and a Postfix log file: the jobs left in
// processing/ are looked up in the log (handoff-lookup.ts, wired in main.ts) before the worker, which takes
// them first, can move them; every one Postfix took completes as recovered and none reaches the smtpd again.
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { serializeJob } from '../../src/relay/job.js';
import { startFakeSmtpd } from './helpers/fake-smtpd.js';
import { stamp } from './helpers/outcome-lines.js';
import { sample } from './helpers/metrics-text.js';
import { buildRelay, listQueue, newQueueRoot, queuedJob, reap, removeDir, request, spawnRelay, startRelay, until, type RelayProcess } from './helpers/relay-process.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A built relay, its queue's directories (a crash's jobs are written into processing/ by each test) and a loopback smtpd standing in for Postfix. */
async function afterCrash() {
  const smtpd = await startFakeSmtpd();
  cleanups.push(() => smtpd.close());
  const built = buildRelay();
  cleanups.push(() => removeDir(built.dir));
  const queueRoot = newQueueRoot(built.dir);
  for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(queueRoot, dir), { mode: 0o750 });
  return { smtpd, built, queueRoot };
}

test('four jobs in hand at a crash, all four in Postfix\'s log as queued: each completes as recovered, none is handed off again', async () => {
  const { smtpd, built, queueRoot } = await afterCrash();
  const jobs = [1, 2, 3, 4].map((n) => queuedJob({ subject: `in hand ${n}` }));
  const lines: string[] = [];
  jobs.forEach((job, n) => {
    const qid = `ABCDEF00${n}`;
    writeFileSync(path.join(queueRoot, 'processing', `${job.id}.json`), serializeJob(job));
    lines.push(
      `${stamp()} mail postfix/smtpd[41]: ${qid}: client=localhost[127.0.0.1]`,
      `${stamp()} mail postfix/cleanup[42]: ${qid}: message-id=${job.messageId}`,
      `${stamp()} mail postfix/qmgr[43]: ${qid}: from=<bounces@example.com>, size=900, nrcpt=1 (queue active)`,
    );
  });
  const maillog = path.join(built.dir, 'maillog');
  writeFileSync(maillog, `${lines.join('\n')}\n`);
  const env = { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${smtpd.port}`, HANDOFF_CONCURRENCY: '4', SENDMAIL_TIMEOUT_MS: '5000', POSTFIX_LOG: `file:${maillog}` };
  const relay: RelayProcess = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  cleanups.push(() => reap(relay));
  for (const [n, job] of jobs.entries()) {
    const delivered = await relay.waitFor((event) => event.event === 'delivered' && event.id === job.id, 15_000, `job ${n} completed`);
    expect(delivered).toMatchObject({ recovered: true, queueId: `ABCDEF00${n}` });
  }
  expect(smtpd.attempts).toBe(0);
  expect(listQueue(queueRoot, 'processing')).toEqual([]);
  expect(listQueue(queueRoot, 'pending')).toEqual([]);
  // /metrics: four recovered, four completed from the log, none handed off.
  const metrics = (await request(relay.port, { method: 'GET', path: '/metrics' })).text;
  expect(sample(metrics, 'relayconf_relay_recovered_jobs_total')).toBe(4);
  expect(sample(metrics, 'relayconf_relay_handoffs_found_in_log_total')).toBe(4);
  expect(sample(metrics, 'relayconf_relay_handoff_outcomes_total', { outcome: 'delivered' })).toBe(4);
});

test('a start refused after a crash (a store beside the queue cannot be opened) leaves the jobs in processing/, so the next start still looks them up', async () => {
  const { built, queueRoot } = await afterCrash();
  const job = queuedJob();
  writeFileSync(path.join(queueRoot, 'processing', `${job.id}.json`), serializeJob(job));
  // A symbolic link where the Idempotency-Key records live: refused (idempotency.ts), after queue recovery until now.
  mkdirSync(path.join(built.dir, 'elsewhere'));
  symlinkSync(path.join(built.dir, 'elsewhere'), path.join(queueRoot, 'idempotency'));
  const relay = spawnRelay({ built, queueRoot, sendmail: '/bin/false' });
  cleanups.push(() => reap(relay));
  expect((await relay.exited).code).toBe(78);
  expect(relay.stderr()).toContain('refusing to start');
  expect(listQueue(queueRoot, 'processing')).toEqual([`${job.id}.json`]);
  expect(listQueue(queueRoot, 'pending')).toEqual([]);
});

test('killed again while it looks a job up (cleanup\'s line seen, qmgr\'s awaited): the job stays in processing/ and the next start finds it taken', async () => {
  const { smtpd, built, queueRoot } = await afterCrash();
  const job = queuedJob();
  writeFileSync(path.join(queueRoot, 'processing', `${job.id}.json`), serializeJob(job));
  const maillog = path.join(built.dir, 'maillog');
  writeFileSync(maillog, `${stamp()} mail postfix/smtpd[41]: ABCDEF009: client=localhost[127.0.0.1]\n${stamp()} mail postfix/cleanup[42]: ABCDEF009: message-id=${job.messageId}\n`);
  const env = { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${smtpd.port}`, HANDOFF_CONCURRENCY: '2', SENDMAIL_TIMEOUT_MS: '5000', POSTFIX_LOG: `file:${maillog}` };
  const first = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  cleanups.push(() => reap(first));
  // Claimed and waiting for qmgr's line (up to 10 s): nothing handed off, nothing completed.
  await until(() => listQueue(queueRoot, 'processing').length === 1, 5_000, 'the job claimed again');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(listQueue(queueRoot, 'processing')).toEqual([`${job.id}.json`]);
  first.kill('SIGKILL');
  await first.exited;
  expect(smtpd.attempts).toBe(0);
  expect(first.events.some((event) => event.event === 'delivered')).toBe(false);
  appendFileSync(maillog, `${stamp()} mail postfix/qmgr[43]: ABCDEF009: from=<bounces@example.com>, size=900, nrcpt=1 (queue active)\n`);
  const second = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  cleanups.push(() => reap(second));
  expect(await second.waitFor((event) => event.event === 'delivered' && event.id === job.id, 15_000, 'the job completed')).toMatchObject({ recovered: true, queueId: 'ABCDEF009' });
  expect(smtpd.attempts).toBe(0);
  expect(listQueue(queueRoot, 'processing')).toEqual([]);
});
