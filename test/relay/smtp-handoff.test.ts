// Unit tests of the SMTP hand-off (src/relay/smtp-handoff.ts) against a loopback smtp-server standing in
// for Postfix's smtpd: the 250 reply's queue id, 4xx = retry, 5xx = final, a connection dropped in the
// middle of DATA = retry (nothing was accepted), connections reused and never more than the pool's size.
import { afterEach, describe, expect, test } from 'vitest';
import { classifySmtpError, queueIdOf, replyText, SmtpHandoff } from '../../src/relay/smtp-handoff.js';
import { startFakeSmtpd, type FakeSmtpd } from './helpers/fake-smtpd.js';

const open: { smtpd?: FakeSmtpd; handoff?: SmtpHandoff }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) {
    item.handoff?.close();
    await item.smtpd?.close();
  }
});

async function setUp(connections = 2, timeoutMs = 5000) {
  const smtpd = await startFakeSmtpd();
  const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections, timeoutMs });
  open.push({ smtpd, handoff });
  return { smtpd, handoff };
}

const message = (n: number) => Buffer.from(`From: a@example.com\nTo: b@example.org\nSubject: m${n}\nMessage-ID: <m${n}@example.com>\n\nline one\n.starts with a dot\n`);

describe('queueIdOf / replyText / classifySmtpError', () => {
  test("reads Postfix's queue id from the 250 reply to DATA", () => {
    expect(queueIdOf('250 2.0.0 Ok: queued as 4Xyz9KQ1a2zB3')).toBe('4Xyz9KQ1a2zB3');
    expect(queueIdOf('250 2.0.0 Ok: queued as 3F1B22A0C4')).toBe('3F1B22A0C4');
    expect(queueIdOf('250 OK')).toBeNull();
  });

  test('a reply becomes one bounded printable line', () => {
    expect(replyText('451 4.3.0 Error:\r\n queue file\x1b[31m write error')).toBe('451 4.3.0 Error: queue file [31m write error');
    expect(replyText('5'.repeat(500))).toHaveLength(200);
    expect(replyText(undefined)).toBe('');
  });

  test('5xx is final, 4xx and errors without a reply are retried', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 554, response: '554 5.7.1 no' }))).toEqual({ ok: false, permanent: true, replyCode: 554, reason: 'Postfix refused the message: 554 5.7.1 no' });
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 451, response: '451 4.3.0 later' }))).toEqual({ ok: false, replyCode: 451, reason: 'Postfix deferred the message: 451 4.3.0 later' });
    expect(classifySmtpError(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))).toEqual({ ok: false, reason: 'SMTP hand-off failed (ECONNECTION): Connection closed unexpectedly' });
  });
});

describe('SmtpHandoff against a loopback smtpd', () => {
  test('250: the queue id and reply come back; envelope and message arrive as given, dots and line ends as SMTP wants', async () => {
    const { smtpd, handoff } = await setUp();
    const result = await handoff.send({ from: 'bounces@example.com', to: ['b@example.org', 'c@example.org'] }, message(1), '<m1@example.com>');
    expect(smtpd.accepted).toHaveLength(1);
    const [got] = smtpd.accepted;
    expect(result).toEqual({ ok: true, queueId: got.queueId, reply: `250 2.0.0 Ok: queued as ${got.queueId}` });
    expect(got.mailFrom).toBe('bounces@example.com');
    expect(got.rcptTo).toEqual(['b@example.org', 'c@example.org']);
    // smtp-server undoes the dot-stuffing; LF became CRLF on the wire.
    expect(got.raw).toBe('From: a@example.com\r\nTo: b@example.org\r\nSubject: m1\r\nMessage-ID: <m1@example.com>\r\n\r\nline one\r\n.starts with a dot\r\n');
  });

  test('connections are kept and reused: 20 messages, 2 at a time, over at most 2 connections', async () => {
    const { smtpd, handoff } = await setUp(2);
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, message(n), `<m${n}@example.com>`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.queueId : null))).size).toBe(20);
    expect(smtpd.accepted).toHaveLength(20);
    expect(smtpd.connections.opened).toBeLessThanOrEqual(2);
    expect(smtpd.connections.mostOpen).toBeLessThanOrEqual(2);
  });

  test('4xx: a retry with the reply; 5xx: final with the reply; the next message still goes through', async () => {
    const { smtpd, handoff } = await setUp(1);
    smtpd.decide = (n) => (n === 0 ? { reply: 'defer', text: '4.3.0 Error: queue file write error' } : n === 1 ? { reply: 'refuse', text: '5.7.1 Message rejected by policy' } : { reply: 'ok' });
    const envelope = { from: 'r@example.com', to: ['b@example.org'] };
    expect(await handoff.send(envelope, message(0), '<m0@example.com>')).toEqual({ ok: false, replyCode: 451, reason: 'Postfix deferred the message: 451 4.3.0 Error: queue file write error' });
    expect(await handoff.send(envelope, message(1), '<m1@example.com>')).toEqual({ ok: false, permanent: true, replyCode: 554, reason: 'Postfix refused the message: 554 5.7.1 Message rejected by policy' });
    const third = await handoff.send(envelope, message(2), '<m2@example.com>');
    expect(third).toMatchObject({ ok: true, queueId: smtpd.accepted[0].queueId });
    expect(smtpd.accepted.map((a) => a.raw.match(/Subject: (\S+)/)![1])).toEqual(['m2']);
  });

  test('a connection dropped in the middle of DATA: a retryable failure, nothing accepted; the pool reconnects', async () => {
    const { smtpd, handoff } = await setUp(1);
    smtpd.decide = (n) => (n === 0 ? { reply: 'drop' } : { reply: 'ok' });
    const big = Buffer.concat([message(0), Buffer.from(`${'x'.repeat(76)}\n`.repeat(4000))]);
    const first = await handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, big, '<m0@example.com>');
    expect(first.ok).toBe(false);
    expect(first).not.toHaveProperty('permanent');
    expect(first).not.toHaveProperty('replyCode');
    // The body had started and no reply came: Postfix may have queued it, so its log is asked before a retry.
    expect(first).toMatchObject({ uncertain: true });
    expect(smtpd.accepted).toEqual([]);
    const second = await handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, message(1), '<m1@example.com>');
    expect(second).toMatchObject({ ok: true, queueId: smtpd.accepted[0].queueId });
    expect(smtpd.connections.opened).toBe(2);
  });

  test('no reply to the end of DATA within the deadline: a retryable failure marked uncertain (Postfix may have queued it)', async () => {
    const { smtpd, handoff } = await setUp(1, 500);
    smtpd.decide = () => ({ reply: 'ok', delayMs: 1500 });
    const result = await handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, message(0), '<m0@example.com>');
    expect(result).toEqual({ ok: false, uncertain: true, reason: 'SMTP hand-off took longer than 500 ms' });
  });

  test('nothing listening: a retryable connection failure', async () => {
    const { smtpd } = await setUp();
    const port = smtpd.port;
    await smtpd.close();
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port, connections: 1, timeoutMs: 2000 });
    open.push({ handoff });
    const result = await handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, message(0), '<m0@example.com>');
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^SMTP hand-off failed \(ESOCKET\): connect ECONNREFUSED 127\.0\.0\.1:\d+$/) });
    expect(result).not.toHaveProperty('permanent');
    // Nothing was sent: certain.
    expect(result).not.toHaveProperty('uncertain');
  });
});

describe('session renewal', () => {
  test('messages after sessionMaxAgeMs go over new sessions (smtpd asks its milters again), none is lost', async () => {
    const smtpd = await startFakeSmtpd();
    let now = 0;
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections: 1, timeoutMs: 5000, sessionMaxAgeMs: 1000, now: () => now });
    open.push({ smtpd, handoff });
    const envelope = { from: 'r@example.com', to: ['b@example.org'] };
    for (let n = 0; n < 3; n++) expect((await handoff.send(envelope, message(n), `<m${n}@example.com>`)).ok).toBe(true);
    expect(smtpd.connections.opened).toBe(1);
    now = 1000;
    // Two at once as the session turns over: both on the new pool, the old one retired without a loss.
    const results = await Promise.all([3, 4].map((n) => handoff.send(envelope, message(n), `<m${n}@example.com>`)));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(smtpd.connections.opened).toBe(2);
    expect(smtpd.accepted).toHaveLength(5);
    await until(() => smtpd.connections.open === 1, 5000);
  });
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
