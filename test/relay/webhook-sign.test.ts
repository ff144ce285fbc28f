// Tests webhook-sign.ts against a vector computed independently with
// `printf '%s' '1764547200.{"id":"abc"}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef0123456789abcdef'`.
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { webhookSignature } from '../../src/relay/webhook-sign.js';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';

describe('webhookSignature', () => {
  test('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" (openssl vector)', () => {
    expect(webhookSignature(SECRET, 1764547200, '{"id":"abc"}')).toBe('v1=405fbaaf60085eb6648d45fa1bce0e6d2694fd36d9daf952b482a780a3514aea');
  });

  test('changes with the timestamp, the body and the secret', () => {
    const base = webhookSignature(SECRET, 1764547200, '{"id":"abc"}');
    expect(webhookSignature(SECRET, 1764547201, '{"id":"abc"}')).not.toBe(base);
    expect(webhookSignature(SECRET, 1764547200, '{"id":"abd"}')).not.toBe(base);
    expect(webhookSignature(`${SECRET}x`, 1764547200, '{"id":"abc"}')).not.toBe(base);
  });

  test('signs the UTF-8 bytes of a non-ASCII body', () => {
    const body = '{"reason":"Empfänger unbekannt"}';
    const expected = createHmac('sha256', SECRET).update(Buffer.concat([Buffer.from('7.'), Buffer.from(body, 'utf8')])).digest('hex');
    expect(webhookSignature(SECRET, 7, body)).toBe(`v1=${expected}`);
  });
});
