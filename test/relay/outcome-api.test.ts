// Unit tests of src/relay/outcome-api.ts on a real queue root: where a state comes from (the outcome
// record, else the queue directories), records that are not the relay's, and the checks on ids and addresses.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { newJobId } from '../../src/relay/job.js';
import { outcomeApi } from '../../src/relay/outcome-api.js';
import { OutcomeStore } from '../../src/relay/outcomes.js';
import { SuppressionList } from '../../src/relay/suppressions.js';
import { tempDir } from '../helpers/tmp.js';

async function setUp() {
  const root = tempDir('outcome-api-');
  for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(root, dir));
  const outcomes = new OutcomeStore({ fs: nodeFs, dir: path.join(root, 'outcomes') });
  await outcomes.openStore();
  const suppressions = new SuppressionList(nodeFs, root);
  return { root, outcomes, suppressions, api: outcomeApi({ outcomes, suppressions, fs: nodeFs, queueRoot: root }) };
}

test('a job without a record is accepted in pending/ or processing/, failed in failed/; its acceptance time comes from the id', async () => {
  const { root, api } = await setUp();
  const at = Date.UTC(2026, 10, 30, 23, 32);
  const [pending, processing, failed] = [newJobId(at), newJobId(at), newJobId(at)];
  writeFileSync(path.join(root, 'pending', `${pending}.json`), '{}');
  writeFileSync(path.join(root, 'processing', `${processing}.json`), '{}');
  writeFileSync(path.join(root, 'failed', `${failed}.json`), '{}');
  expect(await api('GET', `/messages/${pending}`)).toEqual({
    status: 200,
    body: { id: pending, state: 'accepted', queueId: null, recipients: [], events: [{ time: '2026-11-30T23:32:00.000Z', state: 'accepted', detail: 'queued by the relay' }] },
  });
  expect(await api('GET', `/messages/${processing}`)).toMatchObject({ status: 200, body: { state: 'accepted' } });
  expect(await api('GET', `/messages/${failed}`)).toMatchObject({ status: 200, body: { state: 'failed', events: [{ state: 'accepted' }, { state: 'failed' }] } });
});

test('a record planted as a symlink is never followed: the answer falls back to the queue, or 404', async () => {
  const { root, api } = await setUp();
  const id = newJobId();
  const elsewhere = path.join(root, 'elsewhere.json');
  writeFileSync(elsewhere, JSON.stringify({ v: 1, id, queueId: 'ABCDEF123', recipients: ['x@example.org'], events: [{ time: new Date().toISOString(), state: 'sent', detail: 'planted' }] }));
  symlinkSync(elsewhere, path.join(root, 'outcomes', `${id}.json`));
  const answer = await api('GET', `/messages/${id}`);
  expect('error' in answer && answer.error).toMatchObject({ status: 404, code: 'message_not_found', field: 'id' });
});

test('ids and addresses are checked; wrong methods are 405 with Allow', async () => {
  const { api, suppressions } = await setUp();
  for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'x', `${newJobId()}x`, '']) {
    const answer = await api('GET', `/messages/${bad}`);
    expect('error' in answer && answer.error.code, bad).toBe('invalid_id');
  }
  for (const bad of ['%ZZ', 'no-at-sign', 'a%0A@example.org', `${'a'.repeat(320)}@example.org`, 'a%2Fb@example.org']) {
    const answer = await api('DELETE', `/suppressions/${bad}`);
    expect('error' in answer && answer.error.code, bad).toBe('invalid_address');
  }
  const post = await api('POST', '/suppressions');
  expect('error' in post && [post.error.status, post.error.headers]).toEqual([405, { Allow: 'GET, HEAD' }]);
  const get = await api('GET', '/suppressions/a@example.org');
  expect('error' in get && [get.error.status, get.error.headers]).toEqual([405, { Allow: 'DELETE' }]);
  await suppressions.add('a@example.org', '550 5.1.1 no such user', newJobId(), new Date());
  expect(await api('DELETE', '/suppressions/A%40Example.org')).toEqual({ status: 200, body: { ok: true, removed: 'a@example.org' } });
  expect(await api('GET', '/suppressions')).toEqual({ status: 200, body: { count: 0, suppressions: [] } });
});
