// The BUILT server.js following a Postfix log file (POSTFIX_LOG=file:...) with a loopback smtpd standing in
// for Postfix: Postfix-format delivery lines for the queue ids the relay handed off turn into each job's
// state at GET /messages/{id}; a hard bounce suppresses the recipient (422 recipient_suppressed on the next
// POST /send, listed by GET /suppressions, removed by DELETE); a deferral suppresses nothing; state and
// the log position survive a restart; the routes need the token and validate ids.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, expect, test } from 'vitest';
import { openApiDocument } from '../../src/outputs/openapi.js';
import { startFakeSmtpd } from './helpers/fake-smtpd.js';
import { deliveryLine, handOffThree } from './helpers/outcome-lines.js';
import { AUTH, buildRelay, newQueueRoot, reap, removeDir, request, send, startRelay, until, validMail, type RelayProcess } from './helpers/relay-process.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});


const get = (port: number, urlPath: string, headers: Record<string, string> = { authorization: AUTH.authorization }) => request(port, { method: 'GET', path: urlPath, headers });

test('outcomes through GET /messages/{id}, suppression on a hard bounce only, both surviving a restart', async () => {
  const smtpd = await startFakeSmtpd();
  cleanups.push(() => smtpd.close());
  const built = buildRelay();
  cleanups.push(() => removeDir(built.dir));
  const queueRoot = newQueueRoot(mkdtempSync(path.join(built.dir, 'q-')));
  const maillog = path.join(built.dir, 'maillog');
  writeFileSync(maillog, 'Nov 30 00:00:00 mail postfix/master[1]: daemon started -- version 3.7.11\n');
  const env = { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${smtpd.port}`, HANDOFF_CONCURRENCY: '2', SENDMAIL_TIMEOUT_MS: '5000', POSTFIX_LOG: `file:${maillog}` };
  let relay: RelayProcess = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  cleanups.push(() => reap(relay));

  const { ids, qid } = await handOffThree(relay, smtpd);
  const handedOff = await get(relay.port, `/messages/${ids.ok}`);
  expect(handedOff.status).toBe(200);
  expect(handedOff.json).toMatchObject({ id: ids.ok, state: 'handed_off', queueId: qid('ok'), recipients: [{ address: 'ok@example.org', state: 'handed_off' }] });
  expect(handedOff.json.events.map((e: { state: string }) => e.state)).toEqual(['accepted', 'handed_off']);
  expect(handedOff.json.events[1].detail).toBe(`250 2.0.0 Ok: queued as ${qid('ok')}`);

  appendFileSync(maillog, deliveryLine(qid('ok'), 'ok@example.org', 'sent', '250 2.0.0 Ok: queued as 9F1E2D3C4B', '2.0.0'));
  appendFileSync(maillog, deliveryLine(qid('hard'), 'hard@example.org', 'bounced', 'host mx.example.org[192.0.2.25] said: 550 5.1.1 <hard@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)', '5.1.1'));
  appendFileSync(maillog, deliveryLine(qid('soft'), 'soft@example.org', 'deferred', 'host mx.example.org[192.0.2.25] said: 450 4.2.1 <soft@example.org>: mailbox busy (in reply to RCPT TO command)', '4.2.1'));
  const stateOf = async (who: string) => (await get(relay.port, `/messages/${ids[who]}`)).json.state;
  for (const [who, state] of [['ok', 'sent'], ['hard', 'bounced'], ['soft', 'deferred']]) {
    for (let i = 0; i < 80 && (await stateOf(who)) !== state; i += 1) await new Promise((r) => setTimeout(r, 50));
  }
  const sent = (await get(relay.port, `/messages/${ids.ok}`)).json;
  expect(sent.state).toBe('sent');
  expect(sent.events[2]).toMatchObject({ state: 'sent', recipient: 'ok@example.org', detail: '250 2.0.0 Ok: queued as 9F1E2D3C4B', relay: 'mx.example.org[192.0.2.25]:25', dsn: '2.0.0' });
  const bounced = (await get(relay.port, `/messages/${ids.hard}`)).json;
  expect(bounced).toMatchObject({ state: 'bounced', recipients: [{ address: 'hard@example.org', state: 'bounced' }] });
  expect(bounced.events[2].detail).toContain('550 5.1.1 <hard@example.org>: Recipient address rejected');
  expect((await get(relay.port, `/messages/${ids.soft}`)).json).toMatchObject({ state: 'deferred', recipients: [{ address: 'soft@example.org', state: 'deferred' }] });
  // Every answer fits the documented Message schema (opt/<name>/openapi.json).
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(openApiDocument(built.model), 'openapi.json');
  const documented = ajv.getSchema('openapi.json#/components/schemas/Message')!;
  for (const id of Object.values(ids)) expect(documented((await get(relay.port, `/messages/${id}`)).json), JSON.stringify(documented.errors)).toBe(true);

  // Each outcome is one relay log line, with the domain and reply code but never the address.
  await until(() => relay.events.filter((e) => e.event === 'outcome').length === 3, 5_000, 'three outcome events');
  expect(relay.events.filter((e) => e.event === 'outcome').map(({ id, outcome, state, domain, dsn, replyCode }) => ({ id, outcome, state, domain, dsn, replyCode }))).toEqual([
    { id: ids.ok, outcome: 'sent', state: 'sent', domain: 'example.org', dsn: '2.0.0', replyCode: undefined },
    { id: ids.hard, outcome: 'bounced', state: 'bounced', domain: 'example.org', dsn: '5.1.1', replyCode: 550 },
    { id: ids.soft, outcome: 'deferred', state: 'deferred', domain: 'example.org', dsn: '4.2.1', replyCode: 450 },
  ]);
  expect(JSON.stringify(relay.events)).not.toContain('hard@example.org');
  // The hard bounce suppresses hard@ (any case); the deferral suppresses nothing.
  await until(() => relay.events.some((e) => e.event === 'suppressed'), 5_000, 'the suppressed event');
  const list = await get(relay.port, '/suppressions');
  expect(list.status).toBe(200);
  expect(list.json.count).toBe(1);
  expect(list.json.suppressions).toEqual([{ address: 'hard@example.org', since: expect.any(String), reason: expect.stringContaining('550 5.1.1'), id: ids.hard }]);
  const refused = await send(relay.port, validMail({ to: ['soft@example.org', 'Hard@EXAMPLE.org'] }));
  expect(refused.status).toBe(422);
  expect(refused.json).toEqual({ ok: false, error: { code: 'recipient_suppressed', field: 'to[1]', message: expect.stringContaining('Hard@EXAMPLE.org is on the suppression list') } });
  expect((await send(relay.port, validMail({ to: ['soft@example.org'] }))).status).toBe(202);

  // Restart: the records, the list and the log position are kept; nothing is read twice.
  await reap(relay);
  relay = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  expect((await get(relay.port, `/messages/${ids.hard}`)).json.events).toHaveLength(3);
  expect((await get(relay.port, '/suppressions')).json.count).toBe(1);
  expect(JSON.parse(readFileSync(path.join(queueRoot, 'log-position.json'), 'utf8'))).toMatchObject({ kind: 'file', offset: readFileSync(maillog).length });

  const removed = await request(relay.port, { method: 'DELETE', path: '/suppressions/HARD%40example.org', headers: { authorization: AUTH.authorization } });
  expect(removed.status).toBe(200);
  expect(removed.json).toEqual({ ok: true, removed: 'hard@example.org' });
  expect((await request(relay.port, { method: 'DELETE', path: '/suppressions/hard%40example.org', headers: { authorization: AUTH.authorization } })).json.error.code).toBe('not_suppressed');
  expect((await send(relay.port, validMail({ to: ['hard@example.org'] }))).status).toBe(202);
});

test('the outcome routes need the token, validate the id and answer 404 and 405 in the error shape', async () => {
  const built = buildRelay();
  cleanups.push(() => removeDir(built.dir));
  const queueRoot = newQueueRoot(mkdtempSync(path.join(built.dir, 'q-')));
  const relay = await startRelay({ built, queueRoot, sendmail: '/bin/false', env: { RELAY_HANDOFF: 'sendmail', POSTFIX_LOG: 'off' } });
  cleanups.push(() => reap(relay));
  const unknown = '0m3k5x2a1-0123456789abcdef0123';
  const noToken = await get(relay.port, `/messages/${unknown}`, {});
  expect(noToken.status).toBe(401);
  expect(noToken.json.error.code).toBe('unauthorized');
  expect((await get(relay.port, '/suppressions', { authorization: 'Bearer wrong-token-wrong-token-wrong-token-wrong' })).status).toBe(401);
  const missing = await get(relay.port, `/messages/${unknown}`);
  expect(missing.status).toBe(404);
  expect(missing.json).toEqual({ ok: false, error: { code: 'message_not_found', field: 'id', message: expect.any(String) } });
  const bad = await get(relay.port, '/messages/..%2F..%2Fetc%2Fpasswd');
  expect(bad.status).toBe(400);
  expect(bad.json.error.code).toBe('invalid_id');
  const post = await request(relay.port, { method: 'POST', path: '/suppressions', headers: { authorization: AUTH.authorization } });
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
  // A job still in the relay's queue: accepted, then failed/ once the hand-off gives up (sendmail /bin/false).
  const queued = await send(relay.port, validMail());
  expect(queued.status).toBe(202);
  const first = await get(relay.port, `/messages/${queued.json.id}`);
  expect(first.status).toBe(200);
  expect(['accepted', 'failed']).toContain(first.json.state);
  expect(first.json).toMatchObject({ id: queued.json.id, queueId: null, recipients: [] });
  expect((await get(relay.port, '/suppressions')).json).toEqual({ count: 0, suppressions: [] });
});
