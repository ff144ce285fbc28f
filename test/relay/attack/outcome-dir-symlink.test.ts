// Attack review: QUEUE_ROOT/outcomes and QUEUE_ROOT/webhooks/<hook> are data from whoever can write the queue
// root, like QUEUE_ROOT/idempotency (see idempotency-dir-symlink.test.ts), but were followed when they were
// symbolic links. Pointed at failed/ (jobs kept for the admin): the outcome store's start-up sweep deleted
// every <job id>.json there older than 7 days and every .*.tmp file; the webhook outbox created quarantine/
// inside it and moved each job file it could not read as an event into that quarantine.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../../src/relay/fsops.js';
import { OutcomeStore } from '../../../src/relay/outcomes.js';
import { WebhookOutbox } from '../../../src/relay/webhook-outbox.js';
import { tempDir } from '../../helpers/tmp.js';

/** failed/ with a job accepted long ago (its id's time is 2021), a temp file and a note: what the admin keeps. */
function victim(root: string): string {
  const failed = path.join(root, 'failed');
  mkdirSync(failed);
  writeFileSync(path.join(failed, '0kjlqe4g0-1e869bac22c730c4fe75.json'), '{"kept":"for the admin"}\n');
  writeFileSync(path.join(failed, '.0kjlqe4g0-1e869bac22c730c4fe75.json.tmp'), 'partial\n');
  writeFileSync(path.join(failed, 'notes.txt'), "not the relay's\n");
  return failed;
}
const KEPT = ['.0kjlqe4g0-1e869bac22c730c4fe75.json.tmp', '0kjlqe4g0-1e869bac22c730c4fe75.json', 'notes.txt'];

test('a symlinked outcomes dir is refused at start, and nothing it points to is removed', async () => {
  const root = tempDir('attack-outcome-link-');
  const failed = victim(root);
  symlinkSync(failed, path.join(root, 'outcomes'));
  const store = new OutcomeStore({ fs: nodeFs, dir: path.join(root, 'outcomes') });
  await expect(store.openStore()).rejects.toThrow(/outcomes is not a directory \(a symbolic link\?\)/);
  expect(readdirSync(failed).sort()).toEqual(KEPT);
});

test("a symlinked webhook outbox (or webhooks root) is refused at start, and nothing it points to is moved", async () => {
  for (const link of ['webhooks/crm', 'webhooks']) {
    const root = tempDir('attack-outbox-link-');
    const failed = victim(root);
    if (link === 'webhooks/crm') mkdirSync(path.join(root, 'webhooks'));
    symlinkSync(failed, path.join(root, link));
    const outbox = new WebhookOutbox(root, nodeFs, ['crm']);
    await expect(outbox.open()).rejects.toThrow(/is not a directory \(a symbolic link\?\)/);
    expect(readdirSync(failed).sort()).toEqual(KEPT);
    expect(existsSync(path.join(failed, 'quarantine'))).toBe(false);
    await outbox.close();
  }
});
