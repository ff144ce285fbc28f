// The README's webhook verification snippet, run as written against signatures the relay's own signer
// (src/relay/webhook-sign.ts) makes: it accepts a fresh request and refuses a changed body, a wrong
// secret, a stale timestamp and a missing header, and its receiver answers 204 once per event id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { webhookSignature } from '../../src/relay/webhook-sign.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const code = /<!-- webhook-verify:begin -->\n```js\n([\s\S]*?)```\n<!-- webhook-verify:end -->/.exec(README)?.[1] ?? '';
const SECRET = 'f3a1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211000fed';

function load() {
  const module = { exports: {} as Record<string, (...args: any[]) => any> };
  new Function('require', 'module', code)(createRequire(import.meta.url), module);
  return module.exports;
}

describe('README webhook verification snippet', () => {
  test('is there, and verifies what the relay signs', () => {
    expect(code).toContain('timingSafeEqual');
    const { verifyRelayconfWebhook } = load();
    const body = JSON.stringify({ id: '0mfx3k2a1-0123456789abcdef0123.delivered', type: 'delivered', detail: { reason: 'Empfänger' } });
    const now = 1_764_547_200;
    const headers = { 'x-relayconf-timestamp': String(now), 'x-relayconf-signature': webhookSignature(SECRET, now, body) };
    expect(verifyRelayconfWebhook(SECRET, headers, Buffer.from(body), now + 10)).toBe(true);
    expect(verifyRelayconfWebhook(SECRET, headers, body, now - 299)).toBe(true);
    expect(verifyRelayconfWebhook(SECRET, headers, Buffer.from(body.replace('delivered', 'failed')), now)).toBe(false);
    expect(verifyRelayconfWebhook(`${SECRET}0`, headers, Buffer.from(body), now)).toBe(false);
    expect(verifyRelayconfWebhook(SECRET, headers, Buffer.from(body), now + 301)).toBe(false);
    expect(verifyRelayconfWebhook(SECRET, { 'x-relayconf-timestamp': String(now) }, Buffer.from(body), now)).toBe(false);
    expect(verifyRelayconfWebhook(SECRET, { ...headers, 'x-relayconf-timestamp': `${now}.0` }, Buffer.from(body), now)).toBe(false);
  });

  test('its receiver answers 401 to a bad signature and 204 to a good one, also when the same event comes again', async () => {
    const { handleRelayconfWebhook } = load();
    const { EventEmitter } = await import('node:events');
    const call = (headers: Record<string, string>, body: string) =>
      new Promise<number>((resolve) => {
        const req = Object.assign(new EventEmitter(), { headers });
        const res = { writeHead: (status: number) => ({ end: () => resolve(status) }) };
        handleRelayconfWebhook(SECRET, req, res);
        req.emit('data', Buffer.from(body));
        req.emit('end');
      });
    const body = JSON.stringify({ id: 'e1', type: 'delivered' });
    const now = Math.floor(Date.now() / 1000);
    const good = { 'x-relayconf-timestamp': String(now), 'x-relayconf-signature': webhookSignature(SECRET, now, body) };
    expect(await call(good, body)).toBe(204);
    expect(await call(good, body)).toBe(204);
    expect(await call({ ...good, 'x-relayconf-signature': 'v1=00' }, body)).toBe(401);
  });
});
