// A loopback webhook receiver for the relay's process tests: checks every request's signature the way the
// README tells receivers to (HMAC-SHA256 over timestamp "." body, 5-minute window), records the events and
// answers with the status `answer` picks per event id and attempt.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SECRET = 'f3a1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211000fed';

export interface Received {
  eventId: string;
  signatureValid: boolean;
  body: { id: string; type: string; createdAt: string; message: { id: string; messageId?: string; queueId?: string; recipient?: string }; detail: Record<string, unknown> };
}

/** A webhook receiver: verifies each request as the README's snippet does, answers as `answer` decides. */
export async function startReceiver(answer: (eventId: string, attempt: number) => number) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-relayconf-timestamp']);
      const expected = Buffer.from(`v1=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`);
      const got = Buffer.from(String(req.headers['x-relayconf-signature']));
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      const eventId = String(req.headers['x-relayconf-event-id']);
      const attempt = (attempts.get(eventId) ?? 0) + 1;
      attempts.set(eventId, attempt);
      received.push({ eventId, signatureValid: fresh && got.length === expected.length && timingSafeEqual(got, expected), body: JSON.parse(raw) });
      res.writeHead(answer(eventId, attempt), { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { received, attempts, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

