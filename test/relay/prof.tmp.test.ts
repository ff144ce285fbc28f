import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { newJob } from '../../src/relay/job.js';
import { buildMessage } from '../../src/relay/mime.js';
import { Queue } from '../../src/relay/queue.js';
import { runSendmail } from '../../src/relay/sendmail.js';
test('prof', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const q = new Queue(root, nodeFs); await q.open();
  const N = 200;
  const ids = [];
  for (let i = 0; i < N; i++) { const j = newJob({ from: { address: 'a@example.com', name: 'A' }, to: ['b@example.org'], replyTo: null, subject: 's', text: 'x'.repeat(1000), html: null, returnPath: 'r@example.com' }); await q.put('pending', j); ids.push(j.id); }
  const t = { claim: 0n, build: 0n, stage: 0n, send: 0n, unstage: 0n, complete: 0n };
  const T0 = process.hrtime.bigint();
  for (const id of ids) {
    let s = process.hrtime.bigint();
    const job = (await q.claim(id, () => {}))!; t.claim += process.hrtime.bigint() - s; s = process.hrtime.bigint();
    const msg = await buildMessage(job); t.build += process.hrtime.bigint() - s; s = process.hrtime.bigint();
    const file = await q.stageMessage(id, msg); t.stage += process.hrtime.bigint() - s; s = process.hrtime.bigint();
    await runSendmail({ path: '/bin/true', returnPath: 'r@example.com', messageFile: file, timeoutMs: 5000, env: process.env }); t.send += process.hrtime.bigint() - s; s = process.hrtime.bigint();
    await q.unstageMessage(id); t.unstage += process.hrtime.bigint() - s; s = process.hrtime.bigint();
    await q.complete(id); t.complete += process.hrtime.bigint() - s;
  }
  const total = Number(process.hrtime.bigint() - T0) / 1e6;
  console.log('per job ms', (total / N).toFixed(2), Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (Number(v) / 1e6 / N).toFixed(2)])));
}, 60000);
