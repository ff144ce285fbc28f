// For the outcome process tests: three jobs (ok@, hard@, soft@example.org) handed to a loopback smtpd, and
// Postfix-format delivery lines for their queue ids, stamped the way postlogd writes maillog_file.
import { expect } from 'vitest';
import type { FakeSmtpd } from './fake-smtpd.js';
import { send, until, validMail, type RelayProcess } from './relay-process.js';

/** Now as a classic syslog stamp in local time, the way postlogd writes maillog_file: "Nov  3 23:32:00". */
export function stamp(now = new Date()): string {
  const [, month, day, , time] = now.toString().split(' ');
  return `${month} ${String(Number(day)).padStart(2, ' ')} ${time}`;
}

/** One smtp(8) delivery line. */
export const deliveryLine = (qid: string, to: string, status: string, text: string, dsn: string) =>
  `${stamp()} mail postfix/smtp[4242]: ${qid}: to=<${to}>, relay=mx.example.org[192.0.2.25]:25, delay=0.2, delays=0.1/0/0.05/0.05, dsn=${dsn}, status=${status} (${text})\n`;

/** Sends one job each to ok@, hard@ and soft@example.org and waits until the smtpd took all three; their job ids and queue ids. */
export async function handOffThree(relay: RelayProcess, smtpd: FakeSmtpd): Promise<{ ids: Record<string, string>; qid: (who: string) => string }> {
  const ids: Record<string, string> = {};
  for (const who of ['ok', 'hard', 'soft']) {
    const response = await send(relay.port, validMail({ to: [`${who}@example.org`], subject: who }));
    expect(response.status).toBe(202);
    ids[who] = response.json.id;
  }
  await until(() => smtpd.accepted.length === 3, 10_000, 'three hand-offs');
  await until(() => relay.events.filter((e) => e.event === 'delivered').length === 3, 10_000, 'three delivered events');
  return { ids, qid: (who) => smtpd.accepted.find((a) => a.rcptTo[0] === `${who}@example.org`)!.queueId };
}
