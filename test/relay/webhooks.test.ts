// Tests webhooks.ts: the secret and timing read at start-up (refusals a StartupError with the fix), and
// emit() writing an event only to the outboxes of the webhooks that take its type.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RelayWebhook } from '../../src/relay/data.js';
import { nodeFs } from '../../src/relay/fsops.js';
import { StartupError } from '../../src/relay/settings.js';
import { readWebhookSetup, Webhooks } from '../../src/relay/webhooks.js';
import { tempDir } from '../helpers/tmp.js';

const HOOKS: RelayWebhook[] = [
  { name: 'crm', url: 'https://hooks.example.net/in', events: ['delivered', 'deferred', 'bounced', 'failed'] },
  { name: 'billing', url: 'https://billing.example.net/in', events: ['bounced', 'failed'] },
];
const data = { name: 'relay', webhooks: HOOKS };
const JOB = '0mfx3k2a1-0123456789abcdef0123';

describe('readWebhookSetup', () => {
  const creds = (secret: string | null) => {
    const dir = tempDir('relay-creds-');
    if (secret !== null) writeFileSync(path.join(dir, 'relay-webhook-secret'), secret);
    return dir;
  };
  const read = (env: Record<string, string | undefined>) => readWebhookSetup(env, data, (file) => readFileSync(file, 'utf8'));

  test('null without webhooks: no secret is asked for', () => {
    expect(readWebhookSetup({}, { name: 'relay' }, () => 'unused')).toBeNull();
    expect(readWebhookSetup({}, { name: 'relay', webhooks: [] }, () => 'unused')).toBeNull();
  });

  test('reads the credential with one trailing newline dropped, and the timing with WEBHOOK_* overrides', () => {
    const secret = 'a1'.repeat(32);
    expect(read({ CREDENTIALS_DIRECTORY: creds(`${secret}\n`) })).toEqual({ secret, timing: { timeoutMs: 10_000, retryFirstMs: 10_000, retryMaxMs: 3_600_000, maxAgeMs: 259_200_000 } });
    expect(read({ CREDENTIALS_DIRECTORY: creds(secret), WEBHOOK_TIMEOUT_MS: '500', WEBHOOK_RETRY_FIRST_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_MAX_AGE_MS: '1000' })!.timing).toEqual({ timeoutMs: 500, retryFirstMs: 50, retryMaxMs: 200, maxAgeMs: 1000 });
  });

  test('refuses no credentials directory, a missing file, a short secret and a bad number, saying how to fix it', () => {
    expect(() => read({})).toThrow(/there is no credentials directory: the relay needs the systemd credential relay-webhook-secret/);
    expect(() => read({ CREDENTIALS_DIRECTORY: creds(null) })).toThrow(/relay-webhook-secret is missing; make one with: \(umask 077; openssl rand -hex 32 > \/etc\/credstore\/relay-webhook-secret\)/);
    expect(() => read({ CREDENTIALS_DIRECTORY: creds(`${'x'.repeat(31)}\n`) })).toThrow(/is 31 bytes; at least 32 are required/);
    expect(() => read({ CREDENTIALS_DIRECTORY: creds('y'.repeat(32)), WEBHOOK_RETRY_FIRST_MS: 'soon' })).toThrow(StartupError);
  });
});

describe('Webhooks.emit', () => {
  test('writes each event to the webhooks that take its type; backlog counts them', async () => {
    const root = tempDir('relay-webhooks-');
    const webhooks = new Webhooks({ data, setup: { secret: 's'.repeat(32), timing: { timeoutMs: 1, retryFirstMs: 1, retryMaxMs: 1, maxAgeMs: 1 } }, queueRoot: root, fs: nodeFs, log: () => undefined, now: () => Date.parse('2026-11-30T12:00:00Z') });
    await webhooks.open();
    await webhooks.onOutcome('delivered', { id: JOB, messageId: `<${JOB}@example.com>` }, { attempts: 1, queueId: '4ABC' });
    await webhooks.emit('bounced', { id: JOB, queueId: '4ABC', recipient: 'bob@example.org' }, { reply: '550 5.1.1 no such user' }, 0);
    const files = (hook: string) => readdirSync(path.join(root, 'webhooks', hook)).filter((n) => n.endsWith('.json')).sort();
    expect(files('crm')).toEqual([`${JOB}.bounced.0.json`, `${JOB}.delivered.json`]);
    expect(files('billing')).toEqual([`${JOB}.bounced.0.json`]);
    expect(await webhooks.backlog()).toBe(3);
    const delivered = JSON.parse(readFileSync(path.join(root, 'webhooks', 'crm', `${JOB}.delivered.json`), 'utf8'));
    expect(delivered).toEqual({ id: `${JOB}.delivered`, type: 'delivered', createdAt: '2026-11-30T12:00:00.000Z', message: { id: JOB, messageId: `<${JOB}@example.com>`, queueId: '4ABC' }, detail: { attempts: 1 } });
    await webhooks.stop();
  });

  test('without webhooks (or without a secret) emit does nothing and writes no outbox', async () => {
    const root = tempDir('relay-webhooks-');
    const none = new Webhooks({ data: {}, setup: null, queueRoot: root, fs: nodeFs, log: () => undefined });
    await none.open();
    await none.emit('failed', { id: JOB }, {});
    expect(readdirSync(root)).toEqual([]);
    expect(await none.backlog()).toBe(0);
  });
});
