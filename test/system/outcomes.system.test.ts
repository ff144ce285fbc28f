// System test of delivery outcomes (the relay's GET /messages/{id} and suppression list) against a real
// Postfix: the relay bench's private Postfix on loopback (test/bench/relay-chain.mjs: own config, spool and
// ports, OpenDKIM signing, maillog_file) relays to the chain sink, which answers RCPT TO with 250, 450 or
// 550 by recipient. The built server.js hands jobs to that Postfix over SMTP and follows its maillog_file
// (POSTFIX_LOG=file:...). Every id's state is asserted through the API: sent, deferred (and kept deferred,
// never suppressed), bounced (suppressed: the next POST /send to it is 422 until DELETE removes it), and a
// job with all three recipients. A webhook receiver on loopback gets each outcome once (after dedupe by
// event id), signed; /metrics counts the outcomes and the suppression list. Needs root (Postfix), like the
// chain test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startChain } from '../bench/relay-chain.mjs';
import { sample } from '../relay/helpers/metrics-text.js';
import { AUTH, buildRelay, loadModel, newQueueRoot, reap, removeDir, request, send, startRelay, validMail, type BuiltRelay, type RelayProcess } from '../relay/helpers/relay-process.js';
import { SECRET, startReceiver } from '../relay/helpers/webhook-receiver.js';
import { startSink, type Sink } from './chain/sink.js';

const root = process.getuid?.() === 0;
let sink: Sink | undefined;
let chain: Awaited<ReturnType<typeof startChain>> | undefined;
let built: BuiltRelay | undefined;
let relay: RelayProcess | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
/** Recipients the sink refused, by address: how many RCPT TOs it answered so. */
const refusals = new Map<string, number>();

beforeAll(async () => {
  if (!root) return;
  sink = await startSink((address) => {
    const local = address.split('@')[0];
    if (local.startsWith('soft')) {
      refusals.set(address, (refusals.get(address) ?? 0) + 1);
      return { code: 450, text: `4.2.1 <${address}>: mailbox busy, try again later` };
    }
    if (local.startsWith('hard')) {
      refusals.set(address, (refusals.get(address) ?? 0) + 1);
      return { code: 550, text: `5.1.1 <${address}>: Recipient address rejected: User unknown` };
    }
    return { code: 250 };
  });
  // The relay's sender domain is signed, as the generated milter setup would sign it.
  chain = await startChain({ signDomains: ['example.com'], nextHopPort: sink.port });
  if ('skipped' in chain) throw new Error(`the Postfix chain did not start: ${chain.skipped}`);
  receiver = await startReceiver(() => 204);
  const hook = `  webhooks:\n    - { name: app, url: "http://127.0.0.1:${receiver.port}/relay-events" }\n`;
  built = buildRelay(loadModel((text) => `${text}${hook}`));
  const queueRoot = newQueueRoot(path.join(built.dir));
  const credentials = mkdtempSync(path.join(built.dir, 'creds-'));
  writeFileSync(path.join(credentials, 'test-mail-relay-webhook-secret'), `${SECRET}\n`, { mode: 0o600 });
  relay = await startRelay({
    built,
    queueRoot,
    sendmail: '/bin/false',
    env: { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${chain.smtpPort}`, HANDOFF_CONCURRENCY: '2', SENDMAIL_TIMEOUT_MS: '10000', POSTFIX_LOG: `file:${chain.maillog}`, CREDENTIALS_DIRECTORY: credentials },
  });
});

afterAll(async () => {
  await reap(relay);
  if (chain && !('skipped' in chain)) await chain.stop();
  await sink?.close();
  await receiver?.close();
  if (built) removeDir(built.dir);
});

const authorized = { authorization: AUTH.authorization };
const message = async (id: string) => (await request(relay!.port, { method: 'GET', path: `/messages/${id}`, headers: authorized })).json;

/** Polls GET /messages/{id} until `done` holds for its answer (Postfix delivers within a second or two). */
async function settled(id: string, done: (m: { state: string }) => boolean, what: string) {
  const end = Date.now() + 30_000;
  for (;;) {
    const answer = await message(id);
    if (done(answer)) return answer;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(answer)}; maillog:\n${readFileSync(chain!.maillog, 'utf8').split('\n').slice(-20).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.runIf(root)('each id reaches its state through GET /messages/{id}; the 550 recipient is suppressed, the 450 one is not', async () => {
  const ids: Record<string, string> = {};
  for (const [name, to] of [['ok', ['ok1@example.org']], ['soft', ['soft1@example.org']], ['hard', ['hard1@example.org']], ['mixed', ['ok2@example.org', 'soft2@example.org', 'hard2@example.org']]] as const) {
    const response = await send(relay!.port, validMail({ to: [...to], subject: `outcome ${name}` }));
    expect(response.status, response.text).toBe(202);
    ids[name] = response.json.id;
  }

  const sent = await settled(ids.ok, (m) => m.state === 'sent', 'ok1');
  expect(sent.queueId).toMatch(/^[0-9A-F]{6,}$/);
  expect(sent.recipients).toEqual([{ address: 'ok1@example.org', state: 'sent' }]);
  expect(sent.events.map((e: { state: string }) => e.state)).toEqual(['accepted', 'handed_off', 'sent']);
  expect(sent.events[1].detail).toBe(`250 2.0.0 Ok: queued as ${sent.queueId}`);
  expect(sent.events[2]).toMatchObject({ recipient: 'ok1@example.org', dsn: '2.0.0', relay: `127.0.0.1[127.0.0.1]:${sink!.port}` });
  expect(sent.events[2].detail).toMatch(/^250 /);
  // The sink got it, signed by the chain's OpenDKIM.
  const delivered = sink!.messages.find((m) => m.rcptTo.includes('ok1@example.org'))!;
  expect(delivered.raw).toMatch(/^DKIM-Signature: /m);

  const bounced = await settled(ids.hard, (m) => m.state === 'bounced', 'hard1');
  expect(bounced.recipients).toEqual([{ address: 'hard1@example.org', state: 'bounced' }]);
  expect(bounced.events[2]).toMatchObject({ state: 'bounced', recipient: 'hard1@example.org', dsn: '5.1.1' });
  expect(bounced.events[2].detail).toBe(`host 127.0.0.1[127.0.0.1] said: 550 5.1.1 <hard1@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)`);

  const deferred = await settled(ids.soft, (m) => m.state === 'deferred', 'soft1');
  expect(deferred.recipients).toEqual([{ address: 'soft1@example.org', state: 'deferred' }]);
  expect(deferred.events[2]).toMatchObject({ state: 'deferred', recipient: 'soft1@example.org', dsn: '4.2.1' });
  expect(deferred.events[2].detail).toContain('said: 450 4.2.1 <soft1@example.org>: mailbox busy');

  // One message, three recipients: each its own state; the job stays deferred while one recipient is.
  const mixed = await settled(ids.mixed, (m) => (m as unknown as { recipients: { state: string }[] }).recipients.every((r) => r.state !== 'handed_off'), 'mixed');
  expect(mixed.state).toBe('deferred');
  expect(mixed.recipients).toEqual([
    { address: 'ok2@example.org', state: 'sent' },
    { address: 'soft2@example.org', state: 'deferred' },
    { address: 'hard2@example.org', state: 'bounced' },
  ]);

  // Suppressed: both 550 recipients, nothing of the 450 ones.
  const list = (await request(relay!.port, { method: 'GET', path: '/suppressions', headers: authorized })).json;
  expect(list.suppressions.map((s: { address: string }) => s.address).sort()).toEqual(['hard1@example.org', 'hard2@example.org']);
  expect(list.suppressions.find((s: { address: string }) => s.address === 'hard1@example.org')).toMatchObject({ id: ids.hard, reason: expect.stringContaining('550 5.1.1') });
  const refused = await send(relay!.port, validMail({ to: ['hard1@example.org'] }));
  expect(refused.status).toBe(422);
  expect(refused.json).toEqual({ ok: false, error: { code: 'recipient_suppressed', field: 'to[0]', message: expect.stringContaining('hard1@example.org is on the suppression list') } });
  expect(refusals.get('hard1@example.org')).toBe(1);

  // The 450 recipient is not suppressed: a new message to it is accepted and handed off.
  const again = await send(relay!.port, validMail({ to: ['soft1@example.org'] }));
  expect(again.status).toBe(202);
  await settled(again.json.id, (m) => m.state === 'deferred', 'soft1 again');

  // Removed by DELETE: the address can be mailed again (and bounces again, at the sink's 550).
  const removed = await request(relay!.port, { method: 'DELETE', path: '/suppressions/hard1%40example.org', headers: authorized });
  expect([removed.status, removed.json]).toEqual([200, { ok: true, removed: 'hard1@example.org' }]);
  const retry = await send(relay!.port, validMail({ to: ['hard1@example.org'] }));
  expect(retry.status).toBe(202);
  await settled(retry.json.id, (m) => m.state === 'bounced', 'hard1 after removal');
  expect(refusals.get('hard1@example.org')).toBe(2);

  // Still deferred at the end, never suppressed; Postfix holds it for its next attempt.
  expect((await message(ids.soft)).state).toBe('deferred');
  expect((await request(relay!.port, { method: 'GET', path: '/suppressions', headers: authorized })).json.suppressions.map((s: { address: string }) => s.address)).not.toContain('soft1@example.org');

  // The webhook receiver: every request signed; after dedupe by id one event per outcome, about its recipient.
  const expected = [
    ...[ids.ok, ids.soft, ids.hard, ids.mixed, again.json.id, retry.json.id].map((id) => `${id}.delivered`),
    `${ids.soft}.deferred`, `${ids.hard}.bounced`, `${ids.mixed}.deferred`, `${ids.mixed}.bounced`, `${again.json.id}.deferred`, `${retry.json.id}.bounced`,
  ].sort();
  // (a deferred recipient Postfix tried again meanwhile adds a deferred event with the next number: same kind)
  const kinds = () => [...new Set(receiver!.received.map((r) => r.eventId.replace(/\.\d+$/, '')))].sort();
  const end = Date.now() + 20_000;
  while (JSON.stringify(kinds()) !== JSON.stringify(expected) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(kinds()).toEqual(expected);
  expect(receiver!.received.filter((r) => !r.signatureValid)).toEqual([]);
  const about = (jobId: string, type: string) => receiver!.received.find((r) => r.body.message.id === jobId && r.body.type === type)!.body;
  expect(about(ids.hard, 'bounced')).toMatchObject({ message: { id: ids.hard, queueId: bounced.queueId, recipient: 'hard1@example.org' }, detail: { dsn: '5.1.1' } });
  expect(about(ids.mixed, 'bounced').message.recipient).toBe('hard2@example.org');
  expect(about(ids.mixed, 'deferred').message.recipient).toBe('soft2@example.org');

  // /metrics (loopback): the outcomes Postfix logged and the suppression list as it stands.
  const metrics = (await request(relay!.port, { method: 'GET', path: '/metrics' })).text;
  expect(sample(metrics, 'relayconf_relay_delivery_outcomes_total', { state: 'bounced' })).toBe(3);
  expect(sample(metrics, 'relayconf_relay_delivery_outcomes_total', { state: 'sent' })).toBe(2);
  expect(sample(metrics, 'relayconf_relay_delivery_outcomes_total', { state: 'deferred' })).toBeGreaterThanOrEqual(3);
  expect(sample(metrics, 'relayconf_relay_suppressed_recipients')).toBe(2);
  expect(sample(metrics, 'relayconf_relay_log_follower_up')).toBe(1);
});
