// Attack review: SmtpHandoff's timeoutMs (SENDMAIL_TIMEOUT_MS, "Longest a hand-off may take: one sendmail
// run, or one SMTP transaction", settings.ts) is only nodemailer's idle socketTimeout. An smtpd that
// answers the end of DATA with "250-" continuation lines, one every 200 ms and never a last line, keeps
// the attempt alive for ever: send() never resolves, the job stays in processing/ and holds a worker
// slot (with HANDOFF_CONCURRENCY=1 nothing else is delivered), and the reply buffer grows without bound.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { SmtpHandoff } from '../../../src/relay/smtp-handoff.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

test('attack: a reply that never ends is bounded by timeoutMs like any other hand-off', async () => {
  const timers: NodeJS.Timeout[] = [];
  let messages = 0;
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.on('error', () => undefined);
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
            messages++;
            timers.push(setInterval(() => socket.destroyed || socket.write('250-still thinking\r\n'), 200));
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake\r\n250 PIPELINING\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 Ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    for (const t of timers) clearInterval(t);
    server.close();
  });
  const handoff = new SmtpHandoff({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, connections: 1, timeoutMs: 1000 });
  closers.push(() => handoff.close());
  const message = Buffer.from('From: a@example.com\nTo: b@example.org\nSubject: s\n\nbody\n');
  const outcome = await Promise.race([
    handoff.send({ from: 'r@example.com', to: ['b@example.org'] }, message, '<m@example.com>'),
    new Promise((resolve) => setTimeout(() => resolve('still pending after 5 x timeoutMs'), 5000)),
  ]);
  expect(outcome).toMatchObject({ ok: false });
  expect(outcome).not.toHaveProperty('permanent');
  expect(outcome).not.toHaveProperty('local');
  // The abandoned message is not requeued by the pool on a new connection (the worker retries the job).
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(messages).toBe(1);
}, 15_000);
