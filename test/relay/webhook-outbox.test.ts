// Tests the webhook outbox (src/relay/webhook-outbox.ts) and event parsing on a real temp directory:
// durable write and read back, and hostile files (symlink, FIFO, oversize, bad JSON, a mismatched id)
// quarantined and skipped without a crash and without following or blocking on them.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { MAX_EVENT_BYTES, newWebhookEvent, parseEvent, webhookEventId } from '../../src/relay/webhook-event.js';
import { WebhookOutbox } from '../../src/relay/webhook-outbox.js';
import { tempDir } from '../helpers/tmp.js';

const JOB = '0mfx3k2a1-0123456789abcdef0123';
const event = (type: 'delivered' | 'failed' = 'delivered', job = JOB) =>
  newWebhookEvent(type, { id: job, messageId: `<${job}@example.com>`, queueId: '4ABCDEF1234' }, { attempts: 1, reply: '250 2.0.0 Ok' }, new Date('2026-11-30T12:00:00Z'));

let root: string;
let outbox: WebhookOutbox;
beforeEach(async () => {
  root = tempDir('relay-outbox-');
  outbox = new WebhookOutbox(root, nodeFs, ['crm']);
  await outbox.open();
});
const dir = () => path.join(root, 'webhooks', 'crm');

describe('webhook event ids', () => {
  test('are deterministic from job id, type and sequence', () => {
    expect(webhookEventId(JOB, 'delivered')).toBe(`${JOB}.delivered`);
    expect(webhookEventId(JOB, 'deferred', 3)).toBe(`${JOB}.deferred.3`);
    expect(() => webhookEventId('../../etc/passwd', 'failed')).toThrow('not a job id');
    expect(() => webhookEventId(JOB, 'bounced', -1)).toThrow('sequence');
  });

  test('newWebhookEvent cuts long strings and lists so an event stays under the cap', () => {
    const long = newWebhookEvent('failed', { id: JOB }, { reason: 'x'.repeat(5000), rejectedRecipients: Array.from({ length: 500 }, (_, i) => `u${i}@example.org`) }, new Date(0));
    expect(long.detail.reason).toBe(`${'x'.repeat(1000)}...`);
    expect(long.detail.rejectedRecipients).toHaveLength(50);
    expect(JSON.stringify(long).length).toBeLessThan(MAX_EVENT_BYTES);
  });
});

describe('WebhookOutbox', () => {
  test('open() makes webhooks/<hook>/ and quarantine/ with mode 0750 and removes temp files', async () => {
    expect(statSync(dir()).mode & 0o777).toBe(0o750);
    expect(statSync(path.join(dir(), 'quarantine')).isDirectory()).toBe(true);
    writeFileSync(path.join(dir(), '.x.json.1.tmp'), 'half');
    await outbox.close();
    await outbox.open();
    expect(readdirSync(dir())).toEqual(['quarantine']);
  });

  test('put() writes <event id>.json that read() returns as it was; the same event again replaces it', async () => {
    const e = event();
    await outbox.put('crm', e);
    await outbox.put('crm', e);
    expect(await outbox.list('crm')).toEqual([`${JOB}.delivered.json`]);
    expect(JSON.parse(readFileSync(path.join(dir(), `${JOB}.delivered.json`), 'utf8'))).toEqual(e);
    expect(await outbox.read('crm', `${JOB}.delivered.json`, () => undefined)).toEqual(e);
    await outbox.remove('crm', `${JOB}.delivered.json`);
    await outbox.remove('crm', `${JOB}.delivered.json`);
    expect(await outbox.list('crm')).toEqual([]);
  });

  test('hostile files are quarantined as they are, reported, and read as null', async () => {
    const victim = path.join(root, 'secret.txt');
    writeFileSync(victim, 'do not read');
    const name = (type: string, n: string) => `0mfx3k2a1-${n.padStart(20, '0')}.${type}.json`;
    const planted = {
      symlink: name('delivered', '1'),
      fifo: name('delivered', '2'),
      oversize: name('delivered', '3'),
      badJson: name('delivered', '4'),
      wrongId: name('failed', '5'),
      badDetail: name('failed', '6'),
    };
    symlinkSync(victim, path.join(dir(), planted.symlink));
    execFileSync('mkfifo', [path.join(dir(), planted.fifo)]);
    writeFileSync(path.join(dir(), planted.oversize), `{"pad":"${'a'.repeat(MAX_EVENT_BYTES)}"}`);
    writeFileSync(path.join(dir(), planted.badJson), '{"id": "oops"');
    writeFileSync(path.join(dir(), planted.wrongId), JSON.stringify(event('failed')));
    const bad = { ...event('failed', '0mfx3k2a1-00000000000000000006'), detail: { nested: { a: 1 } } };
    writeFileSync(path.join(dir(), planted.badDetail), JSON.stringify(bad));
    const reasons: string[] = [];
    for (const file of Object.values(planted)) expect(await outbox.read('crm', file, (reason) => reasons.push(reason))).toBeNull();
    expect(reasons).toEqual([
      'a symbolic link',
      'not a regular file',
      `larger than ${MAX_EVENT_BYTES} bytes`,
      'not JSON',
      'the event id is malformed or does not match the file name',
      'a detail value is not a string, number, boolean, null or list of strings',
    ]);
    expect(await outbox.list('crm')).toEqual([]);
    expect(readdirSync(path.join(dir(), 'quarantine')).sort()).toEqual(Object.values(planted).sort());
    expect(lstatSync(path.join(dir(), 'quarantine', planted.symlink)).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('do not read');
    // A name gone between list and read is simply nothing to do.
    expect(await outbox.read('crm', name('delivered', '9'), (reason) => reasons.push(reason))).toBeNull();
    expect(reasons).toHaveLength(6);
    expect(existsSync(path.join(dir(), 'quarantine', name('delivered', '9')))).toBe(false);
  });

  test('parseEvent never quotes file content in its errors', () => {
    expect(() => parseEvent(Buffer.from('{"id":"SECRET-CONTENT'), 'x')).toThrow(/^not JSON$/);
    expect(() => parseEvent(Buffer.from('[1,2]'), 'x')).toThrow(/^not a webhook event$/);
  });
});
