// RelayObservability.health(): "starting" (503) from the moment the port is bound until start-up is over,
// then the queue's figures; the queue directories themselves are real (a temp queue root).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { RelayObservability } from '../../src/relay/observability.js';
import { tempDir } from '../helpers/tmp.js';

test('/health says starting until markStarted(), then ok with the queue figures', async () => {
  const root = tempDir('observability-');
  for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(root, dir));
  const ops = new RelayObservability();
  ops.configure({}, { queueRoot: root, handoff: 'smtp' });
  expect(await ops.health()).toEqual({
    status: 'degraded',
    reasons: [{ code: 'starting', message: 'the relay is starting: recovering its queue and opening its stores' }],
    pending: 0,
    processing: 0,
    failed: 0,
    oldestPendingSeconds: 0,
    handoffFailuresInARow: 0,
  });
  ops.markStarted();
  expect(await ops.health()).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 0, oldestPendingSeconds: 0, handoffFailuresInARow: 0 });
});
