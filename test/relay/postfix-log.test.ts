// Unit tests of src/relay/postfix-log.ts on real Postfix 3.7.11 log lines (fixtures/postfix-3.7-maillog.txt,
// captured from a private Postfix whose next hop answered 250, 450 and 550 per recipient, with a 20 s
// queue lifetime so qmgr expired the deferred messages).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseDeliveryMessage, parseSyslogLine, remoteReplyCode, type DeliveryLine } from '../../src/relay/postfix-log.js';

const LINES = readFileSync(new URL('./fixtures/postfix-3.7-maillog.txt', import.meta.url), 'utf8').trim().split('\n');
const NOW = new Date(2026, 10, 30, 23, 40);

function deliveries(): DeliveryLine[] {
  return LINES.flatMap((text) => {
    const parsed = parseSyslogLine(text, NOW);
    const line = parsed && parseDeliveryMessage(parsed.program, parsed.message);
    return line ? [line] : [];
  });
}

test('every line of the capture is syslog-shaped: time, program without pid, message', () => {
  for (const text of LINES) expect(parseSyslogLine(text, NOW), text).not.toBeNull();
  const first = parseSyslogLine(LINES[0], NOW)!;
  expect(first.program).toBe('postfix/postfix-script');
  expect(first.message).toBe('starting the Postfix mail system');
  expect(first.time.getMonth()).toBe(10);
  expect(first.time.getDate()).toBe(30);
  expect([first.time.getHours(), first.time.getMinutes(), first.time.getSeconds()]).toEqual([23, 32, 0]);
});

test('a December stamp read in January is last year', () => {
  const parsed = parseSyslogLine('Dec 31 23:59:59 mail postfix/smtp[1]: x', new Date(2027, 0, 1, 0, 0, 5))!;
  expect(parsed.time.getFullYear()).toBe(2026);
  expect(parseSyslogLine('2026-11-30T23:32:00.123456+00:00 mail postfix/qmgr[9]: hi')!.time.toISOString()).toBe('2026-11-30T23:32:00.123Z');
});

test('sent: recipient, relay, DSN and the remote reply', () => {
  const sent = deliveries().filter((d) => d.status === 'sent');
  expect(sent).toEqual([
    { queueId: '67FFE258892', status: 'sent', recipient: 'ok1@example.org', relay: '127.0.0.1[127.0.0.1]:33295', dsn: '2.0.0', detail: '250 OK: message queued' },
    { queueId: 'B84A9258892', status: 'sent', recipient: 'ok2@example.org', relay: '127.0.0.1[127.0.0.1]:33295', dsn: '2.0.0', detail: '250 OK: message queued' },
  ]);
});

test('deferred (450) and bounced (550) carry the remote reply; conn_use= before delay= does not confuse the fields', () => {
  const all = deliveries();
  const deferred = all.filter((d) => d.status === 'deferred');
  expect(deferred.map((d) => `${d.queueId} ${d.recipient}`)).toEqual([
    '86AE8258565 soft1@example.org', 'B84A9258892 soft2@example.org', '86AE8258565 soft1@example.org', 'B84A9258892 soft2@example.org',
    '86AE8258565 soft1@example.org', 'B84A9258892 soft2@example.org', '86AE8258565 soft1@example.org', 'B84A9258892 soft2@example.org',
  ]);
  expect(deferred[0].detail).toBe('host 127.0.0.1[127.0.0.1] said: 450 4.2.0 <soft1@example.org>: mailbox busy, try later (in reply to RCPT TO command)');
  expect(deferred[0].dsn).toBe('4.2.0');
  expect(remoteReplyCode(deferred[0].detail)).toBe(450);
  const bounced = all.filter((d) => d.status === 'bounced');
  expect(bounced.find((d) => d.recipient === 'hard1@example.org')).toEqual({
    queueId: 'A07C42588B2', status: 'bounced', recipient: 'hard1@example.org', relay: '127.0.0.1[127.0.0.1]:33295', dsn: '5.1.1',
    detail: 'host 127.0.0.1[127.0.0.1] said: 550 5.1.1 <hard1@example.org>: no such user (in reply to RCPT TO command)',
  });
  // The non-delivery notice to the return path bounced too (conn_use=2 sits between relay= and delay=).
  expect(bounced.find((d) => d.queueId === 'D94332588E4')?.relay).toBe('127.0.0.1[127.0.0.1]:33295');
  expect(remoteReplyCode(bounced[0].detail)).toBe(550);
});

test("qmgr's expiry is a whole-message line without a recipient", () => {
  const expired = deliveries().filter((d) => d.status === 'expired');
  expect(expired).toEqual([
    { queueId: '86AE8258565', status: 'expired', recipient: null, relay: null, dsn: null, detail: 'returned to sender' },
    { queueId: 'B84A9258892', status: 'expired', recipient: null, relay: null, dsn: null, detail: 'returned to sender' },
  ]);
});

test('other programs and other messages say nothing; a multi-instance or service-named tag still counts', () => {
  expect(parseDeliveryMessage('postfix/smtpd', '67FFE258892: client=localhost[127.0.0.1]')).toBeNull();
  expect(parseDeliveryMessage('postfix/cleanup', '67FFE258892: message-id=<x@example.com>')).toBeNull();
  expect(parseDeliveryMessage('postfix/qmgr', '67FFE258892: removed')).toBeNull();
  expect(parseDeliveryMessage('nginx', '67FFE258892: to=<a@b>, relay=x, dsn=2.0.0, status=sent (250 ok)')).toBeNull();
  expect(parseDeliveryMessage('postfix-out/relay/smtp', '67FFE258892: to=<a@b>, relay=x, dsn=2.0.0, status=sent (250 ok)')?.status).toBe('sent');
  const local = parseDeliveryMessage('postfix/error', '4BC2E1E2: to=<x@example.net>, relay=none, delay=0.1, delays=0/0/0/0.1, dsn=5.0.0, status=bounced (example.net)');
  expect(local).toEqual({ queueId: '4BC2E1E2', status: 'bounced', recipient: 'x@example.net', relay: 'none', dsn: '5.0.0', detail: 'example.net' });
  expect(remoteReplyCode(local!.detail)).toBeNull();
  // A rewritten recipient is reported under the address the relay handed off.
  const aliased = parseDeliveryMessage('postfix/smtp', '4BC2E1E2: to=<mailbox@mx.example.net>, orig_to=<alias@example.net>, relay=mx.example.net[192.0.2.7]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=2.0.0, status=sent (250 2.0.0 OK)');
  expect(aliased?.recipient).toBe('alias@example.net');
  const longId = parseDeliveryMessage('postfix/smtp', '4Qg2L31Fv8z9sVp: to=<a@b.example>, relay=mx[192.0.2.1]:25, dsn=2.0.0, status=sent (250 ok)');
  expect(longId?.queueId).toBe('4Qg2L31Fv8z9sVp');
});
