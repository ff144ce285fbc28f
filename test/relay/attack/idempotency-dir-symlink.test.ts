// Attack review: QUEUE_ROOT/idempotency is "data from a stranger" like the rest of the queue, and its files
// are read with O_NOFOLLOW, but the directory itself is followed: exists() stats through a symlink and
// open() then unlinks every entry of the target that is not a valid record. Whoever can write the queue
// root makes the relay delete files it can delete elsewhere (failed/ jobs kept for inspection, or any
// directory in ReadWritePaths) at its next start.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../../src/relay/fsops.js';
import { IdempotencyStore } from '../../../src/relay/idempotency.js';

test('attack: a symlinked idempotency dir makes open() delete the files of the directory it points to', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'attack-idem-'));
  const victim = path.join(root, 'failed');
  mkdirSync(victim);
  writeFileSync(path.join(victim, '0mx3mygjl-1e869bac22c730c4fe75.json'), '{"kept":"for the admin"}\n');
  writeFileSync(path.join(victim, 'notes.txt'), 'not the relay\'s\n');
  symlinkSync(victim, path.join(root, 'idempotency'));
  const store = new IdempotencyStore({ fs: nodeFs, dir: path.join(root, 'idempotency'), jobExists: async () => false });
  await store.open(new Set(['default'])).catch(() => undefined);
  // Expected: refuse (or replace) a non-directory, never touch what the link points to.
  expect(readdirSync(victim).sort()).toEqual(['0mx3mygjl-1e869bac22c730c4fe75.json', 'notes.txt']);
  expect(existsSync(path.join(victim, 'notes.txt'))).toBe(true);
});
