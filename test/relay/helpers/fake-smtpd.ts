// A stand-in for Postfix's smtpd on 127.0.0.1 (an ephemeral port) for the SMTP hand-off's tests: it
// answers each message as the test decides (250 with a Postfix-style queue id, a 4xx or 5xx reply, or a
// connection dropped in the middle of DATA), records what it accepted and counts the connections.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type Verdict = { reply: 'ok'; delayMs?: number } | { reply: 'defer' | 'refuse'; text: string } | { reply: 'drop' };

export interface Accepted {
  mailFrom: string | null;
  rcptTo: string[];
  raw: string;
  queueId: string;
}

export interface FakeSmtpd {
  port: number;
  accepted: Accepted[];
  /** Messages whose DATA began, whatever became of them. */
  attempts: number;
  /** TCP connections opened so far, and open now. */
  connections: { opened: number; open: number; mostOpen: number };
  /** How the next message (numbered from 0) is answered; `ok` unless set. */
  decide: (n: number, raw: string) => Verdict;
  close(): Promise<void>;
}

/** A Postfix-like long queue id (postconf enable_long_queue_ids): letters and digits. */
const queueId = () => `4${randomBytes(6).toString('hex').toUpperCase()}`;

export async function startFakeSmtpd(): Promise<FakeSmtpd> {
  const fake: FakeSmtpd = {
    port: 0,
    accepted: [],
    attempts: 0,
    connections: { opened: 0, open: 0, mostOpen: 0 },
    decide: () => ({ reply: 'ok' }),
    close: async () => undefined,
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      fake.connections.opened += 1;
      fake.connections.open += 1;
      fake.connections.mostOpen = Math.max(fake.connections.mostOpen, fake.connections.open);
      callback();
    },
    onClose() {
      fake.connections.open -= 1;
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const n = fake.attempts++;
      const chunks: Buffer[] = [];
      let dropped = false;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        // Decided on the first chunk, so a drop happens with the message half read.
        if (chunks.length === 1 && fake.decide(n, '').reply === 'drop') {
          dropped = true;
          for (const connection of (server as unknown as { connections: Set<{ session: SMTPServerSession; _socket: { destroy(): void } }> }).connections) {
            if (connection.session === session) connection._socket.destroy();
          }
        }
      });
      stream.on('end', () => {
        if (dropped) return;
        const raw = Buffer.concat(chunks).toString('utf8');
        const verdict = fake.decide(n, raw);
        const answer = () => {
          if (verdict.reply === 'defer' || verdict.reply === 'refuse') {
            const error = Object.assign(new Error(verdict.text), { responseCode: verdict.reply === 'defer' ? 451 : 554 });
            callback(error);
            return;
          }
          const id = queueId();
          fake.accepted.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            queueId: id,
          });
          callback(null, `2.0.0 Ok: queued as ${id}`);
        };
        const delay = verdict.reply === 'ok' ? (verdict.delayMs ?? 0) : 0;
        if (delay > 0) setTimeout(answer, delay);
        else answer();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  fake.port = (server.server.address() as AddressInfo).port;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
