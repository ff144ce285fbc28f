// Attack review: a scripted loopback smtpd that answers RCPT TO with a temporary 4xx for one recipient
// and 250 for the other. nodemailer then sends DATA to the accepted recipient and reports the other one in
// rejectedErrors; SmtpHandoff returns ok: true, the worker deletes the job, and the deferred recipient
// never gets the message (a 4xx means "try again later", RFC 5321 section 4.2.1). A config-reachable
// trigger: relay.limits.recipients: 1500 builds (one warning) while main.cf keeps Postfix's default
// smtpd_recipient_limit = 1000, so RCPT 1001..1500 get "452 4.5.3 Error: too many recipients" and are dropped.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { SmtpHandoff } from '../../../src/relay/smtp-handoff.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A line-oriented SMTP server: `rcpt` decides each RCPT reply; records what DATA delivered to whom. */
async function scripted(rcpt: (address: string) => string) {
  const delivered: string[][] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let rcpts: string[] = [];
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            delivered.push(rcpts);
            socket.write('250 2.0.0 Ok: queued as 4ABC\r\n');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake\r\n250 PIPELINING\r\n');
        else if (verb === 'HELO') socket.write('250 fake\r\n');
        else if (verb === 'MAIL') {
          rcpts = [];
          socket.write('250 2.1.0 Ok\r\n');
        } else if (verb === 'RCPT') {
          const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
          const reply = rcpt(address);
          if (reply.startsWith('2')) rcpts.push(address);
          socket.write(`${reply}\r\n`);
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'RSET') socket.write('250 Ok\r\n');
        else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('502 no\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { port: (server.address() as AddressInfo).port, delivered };
}

const message = Buffer.from('From: a@example.com\nTo: b@example.org\nSubject: s\nMessage-ID: <m@example.com>\n\nbody\n');

describe('attack: SMTP hand-off with a per-recipient temporary refusal', () => {
  test('a 4xx to one RCPT TO must not count as delivered for that recipient (job would be deleted)', async () => {
    const smtpd = await scripted((address) => (address === 'later@example.org' ? '451 4.3.0 <later@example.org>: Temporary lookup failure' : '250 2.1.5 Ok'));
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections: 1, timeoutMs: 5000 });
    closers.push(() => handoff.close());
    const result = await handoff.send({ from: 'bounces@example.com', to: ['now@example.org', 'later@example.org'] }, message, '<m@example.com>');
    // All or nothing per job (smtp-handoff.ts): no DATA while a recipient is refused, so Postfix queued nothing.
    expect(smtpd.delivered).toEqual([]);
    // Not a success (worker.ts would delete the job) and not final: the whole job is retried later.
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('permanent', true);
    expect(result).toMatchObject({ replyCode: 451 });
    // Recipient addresses stay out of the journal: the reason keeps the domain only.
    expect(result.ok === false && result.reason).not.toContain('later@');
  });
});

describe('attack: every recipient refused, first temporarily, last permanently', () => {
  test('the job must not be failed for good while one refusal was temporary', async () => {
    const smtpd = await scripted((address) => (address === 'later@example.org' ? '452 4.2.2 Mailbox full' : '550 5.1.1 User unknown'));
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections: 1, timeoutMs: 5000 });
    closers.push(() => handoff.close());
    const result = await handoff.send({ from: 'bounces@example.com', to: ['later@example.org', 'gone@example.org'] }, message, '<m@example.com>');
    expect(smtpd.delivered).toEqual([]);
    // classifySmtpError reads only the last RCPT reply (550): permanent, so later@ is never retried.
    expect(result).not.toHaveProperty('permanent', true);
    expect(result).toMatchObject({ ok: false, replyCode: 452 });
  });

  test('all refusals permanent: failed for good with every reply', async () => {
    const smtpd = await scripted((address) => (address === 'ok@example.org' ? '250 2.1.5 Ok' : '550 5.1.1 <' + address + '>: User unknown'));
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections: 1, timeoutMs: 5000 });
    closers.push(() => handoff.close());
    const result = await handoff.send({ from: 'bounces@example.com', to: ['ok@example.org', 'gone@example.org', 'lost@example.net'] }, message, '<m@example.com>');
    expect(smtpd.delivered).toEqual([]);
    expect(result).toMatchObject({ ok: false, permanent: true, replyCode: 550 });
    const reason = result.ok === false ? result.reason : '';
    expect(reason).toContain('*@example.org');
    expect(reason).toContain('*@example.net');
    expect(reason).not.toMatch(/gone@|lost@/);
  });

  test('the next message on the pool after a refusal is delivered normally', async () => {
    const smtpd = await scripted((address) => (address === 'later@example.org' ? '451 4.3.0 Try later' : '250 2.1.5 Ok'));
    const handoff = new SmtpHandoff({ host: '127.0.0.1', port: smtpd.port, connections: 1, timeoutMs: 5000 });
    closers.push(() => handoff.close());
    expect(await handoff.send({ from: 'b@example.com', to: ['now@example.org', 'later@example.org'] }, message, '<m@example.com>')).toMatchObject({ ok: false });
    expect(await handoff.send({ from: 'b@example.com', to: ['now@example.org'] }, message, '<m2@example.com>')).toMatchObject({ ok: true });
    expect(smtpd.delivered).toEqual([['now@example.org']]);
  });
});
