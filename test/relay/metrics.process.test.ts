// Runs the BUILT server.js with a fake sendmail and checks GET /metrics (values after real traffic, who may
// read it) and GET /health (200 ok, 503 with the backlog, oldest-job and hand-off reasons, back to 200).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { newJob, serializeJob } from '../../src/relay/job.js';
import {
  buildRelay,
  FakeSendmail,
  listQueue,
  newQueueRoot,
  reap,
  removeDir,
  request,
  send,
  sharedRelay,
  spawnRelay,
  startRelay,
  until,
  validMail,
  type BuiltRelay,
  type RelayProcess,
} from './helpers/relay-process.js';
import { sample } from './helpers/metrics-text.js';

const scrape = async (port: number, localAddress?: string) => request(port, { method: 'GET', path: '/metrics', localAddress });
/** Queue snapshots are reused for one second (queue-snapshot.ts): wait that out before reading new figures. */
const pastSnapshotCache = () => new Promise((resolve) => setTimeout(resolve, 1100));
const health = (port: number) => request(port, { method: 'GET', path: '/health' });

describe('GET /metrics after real traffic', () => {
  // Only 127.0.0.1 may scrape: the test connects from 127.0.0.2 as the outsider, loopback traffic only.
  const shared = sharedRelay({ METRICS_PEERS: '127.0.0.1/32', HEALTH_MAX_PENDING: '2' });

  test('counts accepted jobs, hand-offs, their durations and the requests by route and status', async () => {
    const { relay } = shared;
    for (let i = 0; i < 3; i++) expect((await send(relay.port, validMail({ subject: `metrics ${i}` }))).status).toBe(202);
    expect((await send(relay.port, validMail({ to: 'not an address' }))).status).toBe(400);
    await until(() => relay.events.filter((e) => e.event === 'delivered').length === 3, 10_000, 'three hand-offs');
    const response = await scrape(relay.port);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.text;
    expect(sample(text, 'relayconf_relay_jobs_accepted_total')).toBe(3);
    expect(sample(text, 'relayconf_relay_handoff_outcomes_total', { outcome: 'delivered' })).toBe(3);
    expect(sample(text, 'relayconf_relay_handoff_outcomes_total', { outcome: 'retry' })).toBe(0);
    expect(sample(text, 'relayconf_relay_handoff_outcomes_total', { outcome: 'failed' })).toBe(0);
    expect(sample(text, 'relayconf_relay_handoff_duration_seconds_count', { mode: 'sendmail' })).toBe(3);
    expect(sample(text, 'relayconf_relay_handoff_duration_seconds_bucket', { mode: 'sendmail', le: '+Inf' })).toBe(3);
    expect(sample(text, 'relayconf_relay_handoff_duration_seconds_sum', { mode: 'sendmail' })).toBeGreaterThan(0);
    expect(sample(text, 'relayconf_relay_http_requests_total', { route: '/send', status: '202' })).toBe(3);
    expect(sample(text, 'relayconf_relay_http_requests_total', { route: '/send', status: '400' })).toBe(1);
    for (const state of ['pending', 'processing', 'failed']) expect(sample(text, 'relayconf_relay_queue_jobs', { state })).toBe(0);
    expect(sample(text, 'relayconf_relay_oldest_pending_job_age_seconds')).toBe(0);
    expect(sample(text, 'relayconf_relay_handoff_consecutive_failures')).toBe(0);
    // statfs of the queue root (Node 18.15+): free space is positive and within the file system's size.
    const free = sample(text, 'relayconf_relay_queue_disk_free_bytes')!;
    expect(free).toBeGreaterThan(0);
    expect(sample(text, 'relayconf_relay_queue_disk_size_bytes')).toBeGreaterThanOrEqual(free);
    expect(text).toContain('# TYPE relayconf_relay_handoff_duration_seconds histogram');
    // Only the relay's own metrics: every sample is prefixed.
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('relayconf_relay_'))).toEqual([]);
  });

  test('unknown paths share one route label; the scrape itself is counted', async () => {
    const { relay } = shared;
    for (const where of ['/a', '/b?x=1', '/metricsx']) expect((await request(relay.port, { method: 'GET', path: where })).status).toBe(404);
    await scrape(relay.port);
    const text = (await scrape(relay.port)).text;
    expect(sample(text, 'relayconf_relay_http_requests_total', { route: 'other', status: '404' })).toBe(3);
    expect(sample(text, 'relayconf_relay_http_requests_total', { route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/route="\/(?:a|b|metricsx)"/);
  });

  test('a peer outside METRICS_PEERS gets 403 with a JSON error and no figures; HEAD works, POST is 405', async () => {
    const { relay } = shared;
    const outsider = await scrape(relay.port, '127.0.0.2');
    expect([outsider.status, outsider.json?.error?.code]).toEqual([403, 'forbidden']);
    expect(outsider.text).not.toContain('relayconf_relay_');
    const head = await request(relay.port, { method: 'HEAD', path: '/metrics' });
    expect([head.status, head.text]).toEqual([200, '']);
    const post = await request(relay.port, { method: 'POST', path: '/metrics' });
    expect([post.status, post.json?.error?.code, post.headers.allow]).toEqual([405, 'method_not_allowed', 'GET, HEAD']);
    // /health stays open to everybody, as before.
    expect((await request(relay.port, { method: 'GET', path: '/health', localAddress: '127.0.0.2' })).status).toBe(200);
  });

  test('a parked worker: queue depth per state, /health 503 with the backlog reason, 200 again once drained', async () => {
    const { relay, sendmail, queueRoot } = shared;
    const before = relay.events.filter((e) => e.event === 'delivered').length;
    // The first job holds the only hand-off slot for 10 s; the next three wait in pending/.
    sendmail.mode('sleep-10');
    expect((await send(relay.port, validMail({ subject: 'parks the worker' }))).status).toBe(202);
    // Jobs only: sendmail's staged message (<id>.eml) sits beside the job in processing/ while sendmail runs.
    await until(() => listQueue(queueRoot, 'processing').filter((name) => name.endsWith('.json')).length === 1, 8000, 'the job in hand');
    for (let i = 0; i < 3; i++) expect((await send(relay.port, validMail({ subject: `waits ${i}` }))).status).toBe(202);
    sendmail.mode('ok');
    await until(() => listQueue(queueRoot, 'pending').length === 3, 5000, 'three pending');
    await pastSnapshotCache();
    let text = (await scrape(relay.port)).text;
    expect(sample(text, 'relayconf_relay_queue_jobs', { state: 'pending' })).toBe(3);
    expect(sample(text, 'relayconf_relay_queue_jobs', { state: 'processing' })).toBe(1);
    expect(sample(text, 'relayconf_relay_queue_jobs', { state: 'failed' })).toBe(0);
    expect(sample(text, 'relayconf_relay_oldest_pending_job_age_seconds')).toBeLessThan(60);
    const degraded = await health(relay.port);
    expect(degraded.status).toBe(503);
    expect(degraded.json).toEqual({
      status: 'degraded',
      pending: 3,
      processing: 1,
      failed: 0,
      oldestPendingSeconds: expect.any(Number),
      handoffFailuresInARow: 0,
      reasons: [{ code: 'backlog', message: '3 jobs pending, over the threshold of 2' }],
    });
    await until(() => relay.events.filter((e) => e.event === 'delivered').length === before + 4, 30_000, 'the queue to drain');
    await pastSnapshotCache();
    const healthy = await health(relay.port);
    expect([healthy.status, healthy.json]).toEqual([200, { status: 'ok', pending: 0, processing: 0, failed: 0, oldestPendingSeconds: 0, handoffFailuresInARow: 0 }]);
    text = (await scrape(relay.port)).text;
    expect(sample(text, 'relayconf_relay_jobs_accepted_total')).toBe(7);
    expect(sample(text, 'relayconf_relay_handoff_duration_seconds_count', { mode: 'sendmail' })).toBe(7);
    expect(sample(text, 'relayconf_relay_http_requests_total', { route: '/health', status: '503' })).toBe(1);
  });
});

describe('GET /health when hand-offs fail and a job is old', () => {
  let built: BuiltRelay;
  let relay: RelayProcess;
  afterAll(async () => {
    await reap(relay);
    removeDir(built.dir);
  });

  test('503 with handoff_failing and oldest_job, the streak and age in /metrics; 200 after one success', async () => {
    built = buildRelay();
    const sendmail = new FakeSendmail(built.dir);
    const queueRoot = newQueueRoot(built.dir);
    sendmail.mode('fail-always');
    // A job accepted an hour ago (written by hand before the start, as a restored queue would hold it).
    const job = newJob(
      { from: { address: 'support@example.com', name: null }, to: ['alice@example.org'], replyTo: null, subject: 'old', text: 'hello', html: null, returnPath: 'bounces@example.com' },
      Date.now() - 3600_000,
    );
    mkdirSync(path.join(queueRoot, 'pending'), { mode: 0o750 });
    writeFileSync(path.join(queueRoot, 'pending', `${job.id}.json`), serializeJob(job), { mode: 0o640 });
    relay = await startRelay({
      built,
      queueRoot,
      sendmail,
      env: { HEALTH_MAX_HANDOFF_FAILURES: '3', HEALTH_MAX_OLDEST_PENDING_SECONDS: '600', QUEUE_MAX_ATTEMPTS: '1000' },
    });
    await until(() => relay.events.filter((e) => e.event === 'retry').length >= 3, 10_000, 'three failed hand-offs');
    await pastSnapshotCache();
    const degraded = await health(relay.port);
    expect(degraded.status).toBe(503);
    expect(degraded.json.status).toBe('degraded');
    expect(degraded.json.reasons.map((r: { code: string }) => r.code)).toEqual(['oldest_job', 'handoff_failing']);
    expect(degraded.json.reasons[0].message).toMatch(/^the oldest job has waited 36\d\d s, over the threshold of 600 s$/);
    expect(degraded.json.reasons[1].message).toMatch(/^the last \d+ hand-offs to Postfix failed \(threshold 3\)/);
    expect(degraded.text).not.toContain(queueRoot);
    const text = (await scrape(relay.port)).text;
    expect(sample(text, 'relayconf_relay_handoff_consecutive_failures')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'relayconf_relay_handoff_outcomes_total', { outcome: 'retry' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'relayconf_relay_oldest_pending_job_age_seconds')).toBeGreaterThanOrEqual(3600);
    expect(sample(text, 'relayconf_relay_jobs_accepted_total')).toBe(0);
    sendmail.mode('ok');
    await relay.waitFor((e) => e.event === 'delivered' && e.id === job.id, 10_000, 'the old job delivered');
    await pastSnapshotCache();
    const healthy = await health(relay.port);
    expect([healthy.status, healthy.json.status, healthy.json.handoffFailuresInARow]).toEqual([200, 'ok', 0]);
    expect(sample((await scrape(relay.port)).text, 'relayconf_relay_handoff_consecutive_failures')).toBe(0);
  });

  test('a malformed METRICS_PEERS refuses the start with exit 78 and says which value', async () => {
    const dir = buildRelay();
    try {
      const child = spawnRelay({
        built: dir,
        queueRoot: newQueueRoot(dir.dir),
        sendmail: new FakeSendmail(dir.dir),
        env: { METRICS_PEERS: '127.0.0.1/33' },
      });
      expect((await child.exited).code).toBe(78);
      expect(child.stderr()).toContain('METRICS_PEERS: "127.0.0.1/33" is not an address prefix');
    } finally {
      removeDir(dir.dir);
    }
  });
});
