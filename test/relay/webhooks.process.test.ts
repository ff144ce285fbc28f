// The BUILT server.js with relay.webhooks against a loopback receiver that checks every signature the way
// the README tells receivers to: each accepted job yields exactly one `delivered` (or `failed`) event after
// dedupe by event id, a 500 is retried with backoff, events in the outbox survive a SIGKILL and go out
// after the restart with the same ids, and the relay refuses to start without a secret of 32 bytes.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SECRET, startReceiver } from './helpers/webhook-receiver.js';
import { buildRelay, FakeSendmail, loadModel, newQueueRoot, reap, removeDir, send, spawnRelay, startRelay, until, validMail, type BuiltRelay, type RelayProcess } from './helpers/relay-process.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function builtFor(port: number): BuiltRelay {
  const model = loadModel((text) => `${text}  webhooks:\n    - { name: app, url: "http://127.0.0.1:${port}/relay-events" }\n`);
  const built = buildRelay(model);
  cleanups.push(() => removeDir(built.dir));
  return built;
}

function credentials(built: BuiltRelay, secret: string | null): string {
  const dir = mkdtempSync(path.join(built.dir, 'creds-'));
  if (secret !== null) writeFileSync(path.join(dir, 'test-mail-relay-webhook-secret'), `${secret}\n`, { mode: 0o600 });
  return dir;
}

const FAST = { WEBHOOK_RETRY_FIRST_MS: '100', WEBHOOK_RETRY_MAX_MS: '400' };

async function start(built: BuiltRelay, sendmail: FakeSendmail, queueRoot: string): Promise<RelayProcess> {
  const relay = await startRelay({ built, queueRoot, sendmail, env: { CREDENTIALS_DIRECTORY: credentials(built, SECRET), ...FAST } });
  cleanups.push(() => reap(relay));
  return relay;
}

const outbox = (queueRoot: string) => readdirSync(path.join(queueRoot, 'webhooks', 'app')).filter((name) => name.endsWith('.json')).sort();

describe('server.js with relay.webhooks', () => {
  test('each job yields exactly one signed delivered or failed event after dedupe; a 500 is retried with backoff', async () => {
    const receiver = await startReceiver((_id, attempt) => (attempt === 1 ? 500 : 200));
    cleanups.push(receiver.close);
    const built = builtFor(receiver.port);
    const sendmail = new FakeSendmail(built.dir);
    const queueRoot = newQueueRoot(built.dir);
    const relay = await start(built, sendmail, queueRoot);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await send(relay.port, validMail({ subject: `hook ${i}` }))).json.id);
    await until(() => ids.every((id) => relay.events.some((e) => e.event === 'webhook_sent' && e.id === id)), 20_000, 'four delivered events sent');
    sendmail.mode('exit-65');
    const failedId = (await send(relay.port, validMail({ subject: 'bad data' }))).json.id as string;
    await until(() => relay.events.some((e) => e.event === 'webhook_sent' && e.id === failedId), 20_000, 'the failed event sent');

    expect(receiver.received.filter((r) => !r.signatureValid)).toEqual([]);
    // After dedupe by event id: one event per job, of the job's outcome, with the job's ids.
    const unique = new Map(receiver.received.map((r) => [r.eventId, r.body]));
    expect([...unique.keys()].sort()).toEqual([...ids.map((id) => `${id}.delivered`), `${failedId}.failed`].sort());
    for (const id of ids) {
      expect(unique.get(`${id}.delivered`)).toMatchObject({ id: `${id}.delivered`, type: 'delivered', message: { id, messageId: `<${id}@example.com>` }, detail: { attempts: 1 } });
    }
    expect(unique.get(`${failedId}.failed`)).toMatchObject({ type: 'failed', message: { id: failedId }, detail: { attempts: 1, permanent: true, exitStatus: 65 } });
    expect(String(unique.get(`${failedId}.failed`)!.detail.reason)).toMatch(/^sendmail exited 65 \(EX_DATAERR\)/);
    // Every event was refused once (500) and taken on the second attempt, after the logged backoff.
    expect([...receiver.attempts.values()]).toEqual([2, 2, 2, 2, 2]);
    const retries = relay.events.filter((e) => e.event === 'webhook_retry');
    expect(retries).toHaveLength(5);
    for (const retry of retries) expect(retry).toMatchObject({ webhook: 'app', attempts: 1, reason: 'HTTP 500' });
    for (const retry of retries) expect(retry.retryInMs as number).toBeGreaterThanOrEqual(50);
    expect(outbox(queueRoot)).toEqual([]);
  }, 60_000);

  test('events waiting in the outbox survive kill -9 and arrive after the restart with the same ids', async () => {
    let up = false;
    const receiver = await startReceiver(() => (up ? 204 : 503));
    cleanups.push(receiver.close);
    const built = builtFor(receiver.port);
    const sendmail = new FakeSendmail(built.dir);
    const queueRoot = newQueueRoot(built.dir);
    const first = await start(built, sendmail, queueRoot);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await send(first.port, validMail({ subject: `kill ${i}` }))).json.id);
    await until(() => ids.every((id) => first.events.some((e) => e.event === 'webhook_retry' && e.id === id)), 20_000, 'three refused events');
    expect(outbox(queueRoot)).toEqual(ids.map((id) => `${id}.delivered.json`).sort());
    first.kill('SIGKILL');
    await first.exited;
    up = true;
    const second = await start(built, sendmail, queueRoot);
    await until(() => ids.every((id) => second.events.some((e) => e.event === 'webhook_sent' && e.id === id)), 20_000, 'the three events after the restart');
    expect(receiver.received.filter((r) => !r.signatureValid)).toEqual([]);
    // Refused before the kill, taken after it: the same ids both times.
    expect([...new Set(receiver.received.map((r) => r.eventId))].sort()).toEqual(ids.map((id) => `${id}.delivered`).sort());
    for (const id of ids) expect(receiver.attempts.get(`${id}.delivered`)).toBeGreaterThanOrEqual(2);
    // Each mail went to sendmail once: the events were on disk, not re-derived from a second hand-off.
    expect(sendmail.deliveredIds().sort()).toEqual([...ids].sort());
    expect(outbox(queueRoot)).toEqual([]);
  }, 60_000);

  test('the relay refuses to start (exit 78) without the secret, or with one under 32 bytes', async () => {
    const built = builtFor(9);
    const sendmail = new FakeSendmail(built.dir);
    for (const [secret, message] of [
      [null, /webhooks are configured but .*test-mail-relay-webhook-secret is missing; make one with: \(umask 077; openssl rand -hex 32 > \/etc\/credstore\/test-mail-relay-webhook-secret\)/],
      ['short-secret', /the webhook secret .*test-mail-relay-webhook-secret is 12 bytes; at least 32 are required/],
    ] as const) {
      const queueRoot = newQueueRoot(mkdtempSync(path.join(built.dir, 'q-')));
      const relay = spawnRelay({ built, queueRoot, sendmail, env: { CREDENTIALS_DIRECTORY: credentials(built, secret) } });
      cleanups.push(() => reap(relay));
      expect((await relay.exited).code).toBe(78);
      expect(relay.stderr()).toMatch(message);
      expect(relay.events).toEqual([]);
    }
  }, 30_000);
});
