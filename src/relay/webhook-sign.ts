// Signs a webhook request the way receivers verify it: X-Relayconf-Signature: v1=<hex HMAC-SHA256(secret, "<unix seconds>.<body>")>.
import { createHmac } from 'node:crypto';

/** The signature header's value; the timestamp is the X-Relayconf-Timestamp header (unix seconds). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  // The timestamp is inside the MAC so a captured request cannot be replayed with a fresh timestamp.
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}
