// The BUILT server.js with relay.handoff smtp (the default) against a loopback smtpd standing in for
// Postfix: a job leaves the queue only on the 250 reply to DATA and its `delivered` event carries the
// queue id; 4xx = retry with backoff, 5xx = failed/ with the reply; a connection dropped mid-DATA leaves
// the job queued and it goes out once on a later attempt; SIGTERM finishes every job in hand and exits 0.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startFakeSmtpd, type FakeSmtpd } from './helpers/fake-smtpd.js';
import { buildRelay, listQueue, newQueueRoot, reap, removeDir, request, send, startRelay, until, validMail, type BuiltRelay, type RelayProcess } from './helpers/relay-process.js';
import { sample } from './helpers/metrics-text.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let built: BuiltRelay | undefined;
function shared(): BuiltRelay {
  if (!built) {
    built = buildRelay();
    const dir = built.dir;
    cleanups.push(() => removeDir(dir));
  }
  return built;
}

async function setUp(connections = 4, env: Record<string, string> = {}): Promise<{ smtpd: FakeSmtpd; relay: RelayProcess; queueRoot: string }> {
  const smtpd = await startFakeSmtpd();
  cleanups.push(() => smtpd.close());
  const b = shared();
  const queueRoot = newQueueRoot(await import('node:fs').then((fs) => fs.mkdtempSync(path.join(b.dir, 'q-'))));
  const relay = await startRelay({
    built: b,
    queueRoot,
    sendmail: '/bin/false',
    env: { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${smtpd.port}`, HANDOFF_CONCURRENCY: String(connections), SENDMAIL_TIMEOUT_MS: '5000', ...env },
  });
  cleanups.push(() => reap(relay));
  return { smtpd, relay, queueRoot };
}

const eventsOf = (relay: RelayProcess, event: string, id: string) => relay.events.filter((e) => e.event === event && e.id === id);

describe('server.js, relay.handoff smtp', () => {
  test('the env file generated for the default config selects the SMTP hand-off to 127.0.0.1:25', () => {
    expect(shared().envFile).toMatchObject({ RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: '127.0.0.1:25', HANDOFF_CONCURRENCY: '16' });
  });

  test("250: the job leaves the queue and its delivered event carries Postfix's queue id; envelope and headers as sent", async () => {
    const { smtpd, relay, queueRoot } = await setUp();
    const response = await send(relay.port, validMail({ subject: 'Queue id please', to: ['alice@example.org', 'bob@example.net'] }));
    expect(response.status).toBe(202);
    const id = response.json.id as string;
    await relay.waitFor((e) => e.event === 'delivered' && e.id === id, 10_000, 'delivered');
    expect(smtpd.accepted).toHaveLength(1);
    const [got] = smtpd.accepted;
    expect(eventsOf(relay, 'delivered', id)).toEqual([
      expect.objectContaining({ id, attempts: 1, domains: ['example.net', 'example.org'], queueId: got.queueId, reply: `250 2.0.0 Ok: queued as ${got.queueId}` }),
    ]);
    expect(got.rcptTo).toEqual(['alice@example.org', 'bob@example.net']);
    expect(got.mailFrom).toBe(shared().model.domains[0].returnPath);
    expect(got.raw).toMatch(new RegExp(`^Message-ID: <${id}@example\\.com>\\r$`, 'm'));
    expect(got.raw).toMatch(/^Subject: Queue id please\r$/m);
    expect([listQueue(queueRoot, 'pending'), listQueue(queueRoot, 'processing'), listQueue(queueRoot, 'failed')]).toEqual([[], [], []]);
  }, 30_000);

  test('4xx: retried with backoff until Postfix takes it; 5xx: failed/ at once with the reply', async () => {
    const { smtpd, relay, queueRoot } = await setUp(1);
    smtpd.decide = (n, raw) =>
      /Subject: refuse me/.test(raw) ? { reply: 'refuse', text: '5.7.1 Sender address rejected' } : n < 2 ? { reply: 'defer', text: '4.3.0 Error: queue file write error' } : { reply: 'ok' };
    const deferred = (await send(relay.port, validMail({ subject: 'defer me' }))).json.id as string;
    await relay.waitFor((e) => e.event === 'delivered' && e.id === deferred, 10_000, 'the deferred job delivered');
    const retries = eventsOf(relay, 'retry', deferred);
    expect(retries.map((e) => [e.attempts, e.replyCode, e.reason])).toEqual([
      [1, 451, 'Postfix deferred the message: 451 4.3.0 Error: queue file write error'],
      [2, 451, 'Postfix deferred the message: 451 4.3.0 Error: queue file write error'],
    ]);
    expect(eventsOf(relay, 'delivered', deferred)).toEqual([expect.objectContaining({ attempts: 3, queueId: smtpd.accepted[0].queueId })]);

    const refused = (await send(relay.port, validMail({ subject: 'refuse me' }))).json.id as string;
    const failed = await relay.waitFor((e) => e.event === 'failed' && e.id === refused, 10_000, 'the refused job failed');
    expect(failed).toMatchObject({ attempts: 1, permanent: true, replyCode: 554, reason: 'Postfix refused the message: 554 5.7.1 Sender address rejected' });
    expect(listQueue(queueRoot, 'failed')).toEqual([`${refused}.json`]);
    const job = JSON.parse(readFileSync(path.join(queueRoot, 'failed', `${refused}.json`), 'utf8'));
    expect(job).toMatchObject({ id: refused, attempts: 1, lastError: 'Postfix refused the message: 554 5.7.1 Sender address rejected' });
    expect(smtpd.accepted).toHaveLength(1);
    // /metrics saw the same four SMTP hand-offs: two deferred, one taken, one refused (the last of them a failure in a row).
    const metrics = (await request(relay.port, { method: 'GET', path: '/metrics' })).text;
    expect(['delivered', 'retry', 'failed'].map((outcome) => sample(metrics, 'relayconf_relay_handoff_outcomes_total', { outcome }))).toEqual([1, 2, 1]);
    expect(sample(metrics, 'relayconf_relay_handoff_duration_seconds_count', { mode: 'smtp' })).toBe(4);
    expect(sample(metrics, 'relayconf_relay_handoff_duration_seconds_count', { mode: 'sendmail' })).toBeUndefined();
    expect(sample(metrics, 'relayconf_relay_handoff_consecutive_failures')).toBe(1);
  }, 30_000);

  test('a connection dropped in the middle of DATA: the job stays queued, is retried, and Postfix gets it once', async () => {
    // A backoff long enough to look at the queue between the attempts.
    const { smtpd, relay, queueRoot } = await setUp(1, { QUEUE_BACKOFF_FIRST_MS: '1500', QUEUE_BACKOFF_MAX_MS: '1500' });
    smtpd.decide = (n) => (n === 0 ? { reply: 'drop' } : { reply: 'ok' });
    // The smtpd drops the connection on the message's first bytes, before any reply to DATA.
    const sent = await send(relay.port, validMail({ subject: 'drop me', text: `${'x'.repeat(70)}\n`.repeat(40) }));
    expect(sent.status).toBe(202);
    const id = sent.json.id as string;
    const retry = await relay.waitFor((e) => e.event === 'retry' && e.id === id, 10_000, 'retry');
    expect(retry).toMatchObject({ attempts: 1, reason: expect.stringMatching(/^SMTP hand-off failed \((ECONNECTION|ESOCKET)\): /) });
    expect(retry).not.toHaveProperty('replyCode');
    // Between the attempts the job is back in pending/ with its attempt counted.
    const queued = JSON.parse(readFileSync(path.join(queueRoot, 'pending', `${id}.json`), 'utf8'));
    expect(queued).toMatchObject({ id, attempts: 1, lastError: retry.reason });
    await relay.waitFor((e) => e.event === 'delivered' && e.id === id, 10_000, 'delivered');
    expect(smtpd.attempts).toBe(2);
    expect(smtpd.accepted.map((a) => a.raw.match(/^Message-ID: (\S+)\r$/m)![1])).toEqual([`<${id}@example.com>`]);
    expect([listQueue(queueRoot, 'pending'), listQueue(queueRoot, 'processing')]).toEqual([[], []]);
  }, 30_000);

  test('SIGTERM: every job in hand gets its 250 before the relay exits 0; the rest waits in pending/', async () => {
    const { smtpd, relay, queueRoot } = await setUp(3);
    // Postfix is slow to answer: 3 jobs are in hand when SIGTERM arrives.
    smtpd.decide = () => ({ reply: 'ok', delayMs: 800 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await send(relay.port, validMail({ subject: `term ${i}` }))).json.id as string);
    await until(() => smtpd.attempts === 3, 5000, 'three messages in DATA');
    relay.kill('SIGTERM');
    expect(await relay.exited).toEqual({ code: 0, signal: null });
    const stopping = relay.events.find((e) => e.event === 'stopping');
    expect(stopping).toMatchObject({ signal: 'SIGTERM', inHand: ids.slice(0, 3) });
    const delivered = relay.events.filter((e) => e.event === 'delivered');
    expect(delivered.map((e) => e.id).sort()).toEqual(ids.slice(0, 3));
    expect(delivered.map((e) => e.queueId).sort()).toEqual(smtpd.accepted.map((a) => a.queueId).sort());
    expect(smtpd.accepted).toHaveLength(3);
    expect(relay.events.at(-1)).toMatchObject({ event: 'stopped' });
    expect(listQueue(queueRoot, 'processing')).toEqual([]);
    expect(listQueue(queueRoot, 'pending')).toEqual(ids.slice(3).map((id) => `${id}.json`));
  }, 30_000);
});
