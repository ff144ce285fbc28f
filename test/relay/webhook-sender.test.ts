// Tests the webhook sender (src/relay/webhook-sender.ts) with an injected POST and clock: the backoff
// with jitter, signed headers, delete on 2xx, retry on anything else, and the give-up age.
import { describe, expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import type { LogFields, RelayEvent } from '../../src/relay/log.js';
import { newWebhookEvent } from '../../src/relay/webhook-event.js';
import { WebhookOutbox } from '../../src/relay/webhook-outbox.js';
import type { Post, PostResult } from '../../src/relay/webhook-post.js';
import { webhookRetryDelay, WebhookSender } from '../../src/relay/webhook-sender.js';
import { webhookSignature } from '../../src/relay/webhook-sign.js';
import { tempDir } from '../helpers/tmp.js';

const JOB = '0mfx3k2a1-0123456789abcdef0123';
const SECRET = 'a'.repeat(64);

describe('webhookRetryDelay', () => {
  test('doubles from the first delay up to the cap, with half of it random', () => {
    expect([1, 2, 3, 4, 10].map((n) => webhookRetryDelay(n, 1000, 8000, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3, 4, 10].map((n) => webhookRetryDelay(n, 1000, 8000, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(webhookRetryDelay(2, 1000, 8000, () => 0.5)).toBe(1500);
    expect(webhookRetryDelay(1000, 1000, 8000, () => 1)).toBe(8000);
  });
});

async function setUp(answers: PostResult[], now: () => number) {
  const outbox = new WebhookOutbox(tempDir('relay-sender-'), nodeFs, ['crm']);
  await outbox.open();
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  const post: Post = (url, headers, body) => {
    calls.push({ url, headers, body });
    return { done: Promise.resolve(answers.shift() ?? { ok: true, status: 204, reason: 'HTTP 204' }), abort: () => undefined };
  };
  const logged: { event: RelayEvent; fields: LogFields }[] = [];
  const sender = new WebhookSender({
    hooks: [{ name: 'crm', url: 'https://hooks.example.net/in', events: ['delivered'] }],
    outbox,
    secret: SECRET,
    log: (event, fields = {}) => logged.push({ event, fields }),
    timing: { timeoutMs: 1000, retryFirstMs: 20, retryMaxMs: 40, maxAgeMs: 60_000 },
    post,
    now,
    random: () => 1,
  });
  return { outbox, calls, logged, sender };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('WebhookSender', () => {
  test('retries a 500 and a network error with backoff, then deletes the event on 204; every request signed', async () => {
    const { outbox, calls, logged, sender } = await setUp([{ ok: false, status: 500, reason: 'HTTP 500' }, { ok: false, reason: 'ECONNREFUSED' }], Date.now);
    const e = newWebhookEvent('delivered', { id: JOB, messageId: `<${JOB}@example.com>` }, { attempts: 1 }, new Date());
    await outbox.put('crm', e);
    sender.start();
    await until(() => logged.some((l) => l.event === 'webhook_sent'));
    await sender.stop();
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.url).toBe('https://hooks.example.net/in');
      expect(JSON.parse(call.body)).toEqual(e);
      expect(call.headers['x-relayconf-event-id']).toBe(`${JOB}.delivered`);
      expect(call.headers['x-relayconf-signature']).toBe(webhookSignature(SECRET, Number(call.headers['x-relayconf-timestamp']), call.body));
    }
    expect(logged.map((l) => [l.event, l.fields.attempts, l.fields.retryInMs ?? null, l.fields.reason ?? null])).toEqual([
      ['webhook_retry', 1, 20, 'HTTP 500'],
      ['webhook_retry', 2, 40, 'ECONNREFUSED'],
      ['webhook_sent', 3, null, null],
    ]);
    expect(await outbox.list('crm')).toEqual([]);
  });

  test('drops an event older than the give-up age without sending it, and logs webhook_dropped', async () => {
    const { outbox, calls, logged, sender } = await setUp([], () => Date.parse('2026-12-03T12:00:01Z'));
    await outbox.put('crm', newWebhookEvent('delivered', { id: JOB }, {}, new Date('2026-12-03T11:59:00Z')));
    sender.start();
    await until(() => logged.length > 0);
    await sender.stop();
    expect(calls).toEqual([]);
    expect(logged).toEqual([{ event: 'webhook_dropped', fields: expect.objectContaining({ webhook: 'crm', eventId: `${JOB}.delivered`, ageMs: 61_000, attempts: 0 }) }]);
    expect(await outbox.list('crm')).toEqual([]);
  });
});
