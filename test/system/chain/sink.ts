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

export async function startSink(): Promise<Sink> {
  const messages: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Loopback only and no certificate: Postfix's "may" TLS level then sends in plain text, as to any MX
    // that offers no STARTTLS.
    disabledCommands: ['STARTTLS'],
    banner: 'relayconf chain test sink',
    logger: false,
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
