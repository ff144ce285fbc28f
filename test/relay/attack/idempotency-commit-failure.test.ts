// Attack review: http.ts answers 202 when the job is durable even if committing the idempotency record
// fails ("a restart commits the record from the job"). Until that restart, lookup() finds the record
// uncommitted, deletes it and answers { kind: 'none' }, so a retry with the same key and body queues the
// mail a second time: the one thing the key exists to prevent. (open() would have kept it: the job exists.)
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs, type QueueFs } from '../../../src/relay/fsops.js';
import { bodyHash, IdempotencyStore } from '../../../src/relay/idempotency.js';
import { newJobId } from '../../../src/relay/job.js';

test('attack: a failed commit turns the next retry with the same key into a second job', async () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'attack-commit-')), 'idempotency');
  let failWrites = false;
  const fs: QueueFs = {
    ...nodeFs,
    write: async (fd, data) => {
      if (failWrites) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return nodeFs.write(fd, data);
    },
  };
  const jobs = new Set<string>();
  const store = new IdempotencyStore({ fs, dir, jobExists: async (id) => jobs.has(id) });
  await store.open(new Set(['default']));
  const hash = bodyHash({ to: 'a@example.org' });
  const id = newJobId();
  await store.reserve('default', 'order-42', hash, id);
  jobs.add(id); // the job is durable: http.ts answers 202
  failWrites = true;
  await expect(store.commit('default', 'order-42', hash, id)).rejects.toThrow(/ENOSPC/);
  failWrites = false;
  // The caller retries (its 202 got lost): it must be answered from the first job, not queue another.
  expect(await store.lookup('default', 'order-42', hash)).toEqual({ kind: 'replay', jobId: id });
});
