// The BUILT server.js with the three operations parts together: Postfix-format delivery lines (a followed
// maillog_file) for the queue ids the relay handed to a loopback smtpd become signed `bounced` and
// `deferred` webhook events about their recipient, counted in GET /metrics beside the suppression list and
// the follower's state; a log read again from the start after a restart (the position lost) re-sends
// those events under the same ids, so a receiver that dedupes by id sees each once.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startFakeSmtpd } from './helpers/fake-smtpd.js';
import { deliveryLine, handOffThree } from './helpers/outcome-lines.js';
import { sample } from './helpers/metrics-text.js';
import { AUTH, buildRelay, loadModel, newQueueRoot, reap, removeDir, request, startRelay, until, type RelayProcess } from './helpers/relay-process.js';
import { SECRET, startReceiver } from './helpers/webhook-receiver.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});



test('delivery lines become signed bounced/deferred webhook events and metrics; re-read lines keep their event ids', async () => {
  const smtpd = await startFakeSmtpd();
  cleanups.push(() => smtpd.close());
  const receiver = await startReceiver(() => 204);
  cleanups.push(receiver.close);
  const built = buildRelay(loadModel((text) => `${text}  webhooks:\n    - { name: app, url: "http://127.0.0.1:${receiver.port}/relay-events" }\n`));
  cleanups.push(() => removeDir(built.dir));
  const queueRoot = newQueueRoot(mkdtempSync(path.join(built.dir, 'q-')));
  const credentials = mkdtempSync(path.join(built.dir, 'creds-'));
  writeFileSync(path.join(credentials, 'test-mail-relay-webhook-secret'), `${SECRET}\n`, { mode: 0o600 });
  const maillog = path.join(built.dir, 'maillog');
  writeFileSync(maillog, 'Nov 30 00:00:00 mail postfix/master[1]: daemon started -- version 3.7.11\n');
  const env = {
    RELAY_HANDOFF: 'smtp',
    HANDOFF_SMTP: `127.0.0.1:${smtpd.port}`,
    SENDMAIL_TIMEOUT_MS: '5000',
    POSTFIX_LOG: `file:${maillog}`,
    CREDENTIALS_DIRECTORY: credentials,
    METRICS_PEERS: '127.0.0.1/32',
  };
  let relay: RelayProcess = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  cleanups.push(() => reap(relay));

  const { ids, qid } = await handOffThree(relay, smtpd);
  appendFileSync(maillog, deliveryLine(qid('ok'), 'ok@example.org', 'sent', '250 2.0.0 Ok: queued as 9F1E2D3C4B', '2.0.0'));
  appendFileSync(maillog, deliveryLine(qid('hard'), 'hard@example.org', 'bounced', 'host mx.example.org[192.0.2.25] said: 550 5.1.1 <hard@example.org>: User unknown (in reply to RCPT TO command)', '5.1.1'));
  appendFileSync(maillog, deliveryLine(qid('soft'), 'soft@example.org', 'deferred', 'host mx.example.org[192.0.2.25] said: 450 4.2.1 <soft@example.org>: mailbox busy (in reply to RCPT TO command)', '4.2.1'));

  const expected = [`${ids.ok}.delivered`, `${ids.hard}.delivered`, `${ids.soft}.delivered`, `${ids.hard}.bounced.1`, `${ids.soft}.deferred.1`].sort();
  const unique = () => [...new Set(receiver.received.map((r) => r.eventId))].sort();
  await until(() => unique().length === expected.length, 10_000, 'five webhook events');
  expect(unique()).toEqual(expected);
  expect(receiver.received.filter((r) => !r.signatureValid)).toEqual([]);
  const event = (eventId: string) => receiver.received.find((r) => r.eventId === eventId)!.body;
  expect(event(`${ids.hard}.bounced.1`)).toMatchObject({
    id: `${ids.hard}.bounced.1`,
    type: 'bounced',
    message: { id: ids.hard, queueId: qid('hard'), recipient: 'hard@example.org' },
    detail: { dsn: '5.1.1', relay: 'mx.example.org[192.0.2.25]:25', reply: expect.stringContaining('550 5.1.1 <hard@example.org>: User unknown') },
  });
  expect(event(`${ids.soft}.deferred.1`)).toMatchObject({ type: 'deferred', message: { id: ids.soft, queueId: qid('soft'), recipient: 'soft@example.org' }, detail: { dsn: '4.2.1' } });

  // The same outcomes in /metrics, with the suppression list, the outbox and the follower.
  await until(() => relay.events.some((e) => e.event === 'suppressed'), 5_000, 'the suppressed event');
  let metrics = '';
  for (let i = 0; i < 100; i += 1) {
    metrics = (await request(relay.port, { method: 'GET', path: '/metrics' })).text;
    if (sample(metrics, 'relayconf_relay_webhook_backlog_events') === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(sample(metrics, 'relayconf_relay_webhook_backlog_events')).toBe(0);
  expect(['sent', 'deferred', 'bounced', 'expired'].map((state) => sample(metrics, 'relayconf_relay_delivery_outcomes_total', { state }))).toEqual([1, 1, 1, 0]);
  expect(sample(metrics, 'relayconf_relay_suppressed_recipients')).toBe(1);
  expect(sample(metrics, 'relayconf_relay_log_follower_up')).toBe(1);
  expect((await request(relay.port, { method: 'GET', path: '/health' })).json.status).toBe('ok');

  // A restart that lost the log position (a crash before it was saved): the lines are read again and the
  // records stay as they were. The still-deferred message's event goes out again under the same id (it was
  // emitted before its record was written, so a crash between the two repeats it, never loses it); the
  // final ones (sent, bounced) are no longer matched and stay quiet.
  await reap(relay);
  const position = JSON.parse(readFileSync(path.join(queueRoot, 'log-position.json'), 'utf8'));
  writeFileSync(path.join(queueRoot, 'log-position.json'), JSON.stringify({ ...position, offset: 0 }));
  const before = receiver.received.length;
  relay = await startRelay({ built, queueRoot, sendmail: '/bin/false', env });
  await until(() => receiver.received.length >= before + 1, 10_000, 'the event of the line read again');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(receiver.received.slice(before).map((r) => r.eventId)).toEqual([`${ids.soft}.deferred.1`]);
  expect(unique()).toEqual(expected);
  const records = (await request(relay.port, { method: 'GET', path: `/messages/${ids.hard}`, headers: { authorization: AUTH.authorization } })).json;
  expect(records.events.map((e: { state: string }) => e.state)).toEqual(['accepted', 'handed_off', 'bounced']);
  const deferred = (await request(relay.port, { method: 'GET', path: `/messages/${ids.soft}`, headers: { authorization: AUTH.authorization } })).json;
  expect(deferred.events.map((e: { state: string }) => e.state)).toEqual(['accepted', 'handed_off', 'deferred']);
});
