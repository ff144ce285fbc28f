// The built server.js with the round-2 API (relay.clients, cc/bcc/attachments/headers, Idempotency-Key):
// per-client tokens from a credentials directory, 403 for another client's sender, the hourly message
// cap answered 429 with Retry-After, bcc only in sendmail's argv after --, and idempotent retries that
// queue one job, survive a restart, and turn into 409 with another body, also when sent concurrently.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildRelay,
  FakeSendmail,
  listQueue,
  loadModel,
  newQueueRoot,
  reap,
  removeDir,
  send,
  sharedRelay,
  startRelay,
  until,
  validMail,
  type BuiltRelay,
  type RelayProcess,
} from './helpers/relay-process.js';

const BILLING = `billing-${'b'.repeat(40)}`;
const ALERTS = `alerts-${'a'.repeat(40)}`;
const CLIENTS = `  clients:
    - name: billing
      senders: [support@example.com]
      limits: { requestsPerMinute: 100, messagesPerHour: 3 }
    - name: alerts
      senders: [hello@other.example, noreply@example.com]
`;
const withClients = (text: string) => text.replace('  token:\n', `${CLIENTS}  token:\n`);
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('relay.clients', () => {
  let built: BuiltRelay;
  let sendmail: FakeSendmail;
  let relay: RelayProcess;
  beforeAll(async () => {
    built = buildRelay(loadModel(withClients));
    sendmail = new FakeSendmail(built.dir);
    const credentials = path.join(built.dir, 'credentials');
    mkdirSync(credentials, { mode: 0o700 });
    writeFileSync(path.join(credentials, 'test-mail-relay-token-billing'), `${BILLING}\n`, { mode: 0o400 });
    writeFileSync(path.join(credentials, 'test-mail-relay-token-alerts'), ALERTS, { mode: 0o400 });
    // The single-token setup's variable must not authenticate anybody once clients are configured.
    relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail, token: 'legacy-token-0123456789abcdef0123456789', env: { CREDENTIALS_DIRECTORY: credentials } });
  });
  afterAll(async () => {
    await reap(relay);
    removeDir(built.dir);
  });

  test('each token authenticates its own client; the old variable does not', async () => {
    expect((await send(relay.port, validMail(), { headers: auth(BILLING) })).status).toBe(202);
    expect((await send(relay.port, validMail({ from: { email: 'hello@other.example' } }), { headers: auth(ALERTS) })).status).toBe(202);
    const legacy = await send(relay.port, validMail(), { headers: auth('legacy-token-0123456789abcdef0123456789') });
    expect([legacy.status, legacy.json]).toEqual([401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong bearer token' } }]);
  });

  test("a client using another client's sender gets 403 naming the field", async () => {
    const response = await send(relay.port, validMail({ from: { email: 'support@example.com' } }), { headers: auth(ALERTS) });
    expect([response.status, response.json]).toEqual([
      403,
      { ok: false, error: { code: 'sender_not_permitted', field: 'from.email', message: 'from.email is on the allowlist, but not among the senders this client may use' } },
    ]);
  });

  test('the hourly message cap answers 429 with Retry-After; refused requests spend none of it', async () => {
    // billing sent one above; a refused request (400) must not count.
    expect((await send(relay.port, validMail({ to: 'not an address' }), { headers: auth(BILLING) })).status).toBe(400);
    expect((await send(relay.port, validMail(), { headers: auth(BILLING) })).status).toBe(202);
    expect((await send(relay.port, validMail(), { headers: auth(BILLING) })).status).toBe(202);
    const over = await send(relay.port, validMail(), { headers: auth(BILLING) });
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe('quota_exceeded');
    expect(over.json.error.message).toMatch(/^client billing has sent its 3 messages per hour; retry in \d+ s$/);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(3500);
    // The other client's budget is its own.
    expect((await send(relay.port, validMail({ from: { email: 'noreply@example.com' } }), { headers: auth(ALERTS) })).status).toBe(202);
  });
});

describe('message fields and Idempotency-Key through the built server', () => {
  const shared = sharedRelay();
  const delivered = () => shared.sendmail.records().filter((r) => r.status === 0);

  test('bcc reaches sendmail after --, never the message; cc and the headers are in it', async () => {
    const before = delivered().length;
    const response = await send(shared.relay.port, validMail({ cc: 'carol@example.org', bcc: ['-secret@example.net'], headers: { 'X-Entity-Ref-ID': 'inv-1' } }));
    expect(response.status).toBe(202);
    await until(() => delivered().length === before + 1, 10_000, 'delivery');
    const record = delivered().at(-1)!;
    expect(record.argv).toEqual(['-t', '-oi', '-f', 'bounces@example.com', '--', '-secret@example.net']);
    expect(record.message).not.toMatch(/secret/i);
    expect(record.message).toMatch(/^Cc: carol@example\.org$/m);
    expect(record.message).toMatch(/^X-Entity-Ref-ID: inv-1$/m);
  });

  test('same key and body: the first 202 again, marked replayed, one job; another body: 409', async () => {
    const before = delivered().length;
    const key = { 'idempotency-key': 'order-1001-receipt' };
    const first = await send(shared.relay.port, validMail({ subject: 'Receipt 1001' }), { headers: key });
    expect(first.status).toBe(202);
    // Same content, keys in another order: the same body.
    const reordered = Object.fromEntries(Object.entries(validMail({ subject: 'Receipt 1001' })).reverse());
    const again = await send(shared.relay.port, JSON.stringify(reordered), { headers: key });
    expect([again.status, again.json, again.headers['idempotent-replayed']]).toEqual([202, first.json, 'true']);
    const other = await send(shared.relay.port, validMail({ subject: 'Receipt 1002' }), { headers: key });
    expect([other.status, other.json]).toEqual([
      409,
      { ok: false, error: { code: 'idempotency_conflict', field: 'Idempotency-Key', message: 'this Idempotency-Key was used with a different body within the last 24 hours; use a new key for a new message' } },
    ]);
    await until(() => delivered().length === before + 1, 10_000, 'delivery');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(delivered().length).toBe(before + 1);
  });

  test('ten concurrent requests with one key yield one job and one id', async () => {
    const before = delivered().length;
    const key = { 'idempotency-key': 'race-1' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(shared.relay.port, validMail({ subject: 'Race' }), { headers: key })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    await until(() => delivered().length === before + 1, 10_000, 'delivery');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(delivered().length).toBe(before + 1);
  });

  test('a malformed key is 400 before the body is read', async () => {
    const response = await send(shared.relay.port, validMail(), { headers: { 'idempotency-key': 'ü'.repeat(3) } });
    expect([response.status, response.json.error.code, response.json.error.field]).toEqual([400, 'invalid_idempotency_key', 'Idempotency-Key']);
  });

  test('the record survives a restart: the retry is answered from disk and nothing is queued again', async () => {
    const key = { 'idempotency-key': 'restart-1' };
    const first = await send(shared.relay.port, validMail({ subject: 'Before restart' }), { headers: key });
    expect(first.status).toBe(202);
    await until(() => listQueue(shared.queueRoot, 'pending').length === 0 && listQueue(shared.queueRoot, 'processing').length === 0, 10_000, 'drained');
    const before = delivered().length;
    shared.relay.kill('SIGTERM');
    await shared.relay.exited;
    // A record nobody wrote (foreign content) is dropped at start-up, not trusted.
    writeFileSync(path.join(shared.queueRoot, 'idempotency', `${'0'.repeat(64)}.json`), '{"v":1}');
    shared.relay = await startRelay({ built: shared.built, queueRoot: shared.queueRoot, sendmail: shared.sendmail });
    const again = await send(shared.relay.port, validMail({ subject: 'Before restart' }), { headers: key });
    expect([again.status, again.json]).toEqual([202, first.json]);
    expect(readdirSync(path.join(shared.queueRoot, 'idempotency')).filter((n) => n.startsWith('0000'))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(delivered().length).toBe(before);
  });
});
