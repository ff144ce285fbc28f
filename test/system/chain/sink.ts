// The recipient side of the chain test: an smtp-server on 127.0.0.1 at a random port that Postfix's relayhost
// (test overlay) points at. It keeps every message with its SMTP envelope and arrival time, nothing else.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Captured {
  mailFrom: string | null;
  rcptTo: string[];
  /** The message as Postfix sent it (CRLF line ends). */
  raw: string;
  receivedAt: number;
}

export interface Sink {
  port: number;
  messages: Captured[];
  close(): Promise<void>;
}

/** A reply the sink gives to RCPT TO for an address: 250 (take it), or a 4xx/5xx refusal with its text. */
export type RcptAnswer = { code: 250 } | { code: number; text: string };

/**
 * `answer` chooses the reply to each RCPT TO (default: take everything); a refused recipient is never part
 * of a captured envelope, so a message whose recipients were all refused is not captured at all.
 */
export async function startSink(answer: (address: string) => RcptAnswer = () => ({ code: 250 })): Promise<Sink> {
  const messages: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Loopback only and no certificate: Postfix's "may" TLS level then sends in plain text, as to any MX
    // that offers no STARTTLS.
    disabledCommands: ['STARTTLS'],
    banner: 'relayconf chain test sink',
    logger: false,
    onRcptTo(address, _session, callback) {
      const reply = answer(address.address);
      if (reply.code === 250) return callback();
      const refusal = new Error((reply as { text: string }).text) as Error & { responseCode: number };
      refusal.responseCode = reply.code;
      callback(refusal);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
