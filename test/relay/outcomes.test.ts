// Unit tests of src/relay/outcomes.ts (per-job outcome records) and suppressions.ts (the list a hard bounce
// feeds) on a real directory, with delivery lines from the real Postfix capture.
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { newJobId } from '../../src/relay/job.js';
import { jobState, OutcomeStore, RETENTION_MS } from '../../src/relay/outcomes.js';
import { parseDeliveryMessage, parseSyslogLine, type DeliveryLine } from '../../src/relay/postfix-log.js';
import { isHardBounce, normalizeAddress, SuppressionList } from '../../src/relay/suppressions.js';
import { tempDir } from '../helpers/tmp.js';

const LINES = readFileSync(new URL('./fixtures/postfix-3.7-maillog.txt', import.meta.url), 'utf8').trim().split('\n');
const NOW = new Date(2026, 10, 30, 23, 40);
const lines = LINES.flatMap((text) => {
  const parsed = parseSyslogLine(text, NOW)!;
  const line = parseDeliveryMessage(parsed.program, parsed.message);
  return line ? [{ line, time: parsed.time }] : [];
});
const forQueue = (queueId: string) => lines.filter((l) => l.line.queueId === queueId);

async function opened(dir: string, onBounce?: (r: string, line: DeliveryLine, id: string) => Promise<void>, now?: () => number) {
  const store = new OutcomeStore({ fs: nodeFs, dir: path.join(dir, 'outcomes'), onBounce, now, onError: (reason) => { throw new Error(reason); } });
  await store.openStore();
  return store;
}

test('a job with a sent, a bounced and a deferred-then-expired recipient: per-recipient states, job expired, history kept', async () => {
  const dir = tempDir('outcomes-');
  const bounces: string[] = [];
  const store = await opened(dir, async (r) => void bounces.push(r));
  const id = newJobId();
  await store.handedOff(id, 'B84A9258892', ['ok2@example.org', 'hard2@example.org', 'soft2@example.org'], '250 2.0.0 Ok: queued as B84A9258892');
  expect(jobState((await store.read(id))!)).toBe('handed_off');
  for (const { line, time } of forQueue('B84A9258892')) {
    await store.record(line, time);
    if (line.status === 'deferred') expect(jobState((await store.read(id))!)).toBe('deferred');
  }
  const record = (await store.read(id))!;
  expect(record.queueId).toBe('B84A9258892');
  expect(record.events.map((e) => `${e.state} ${e.recipient ?? '-'}`)).toEqual([
    'handed_off -', 'bounced hard2@example.org', 'deferred soft2@example.org', 'sent ok2@example.org',
    'deferred soft2@example.org', 'deferred soft2@example.org', 'deferred soft2@example.org', 'expired -',
  ]);
  expect(record.events[3]).toMatchObject({ detail: '250 OK: message queued', relay: '127.0.0.1[127.0.0.1]:33295', dsn: '2.0.0' });
  expect(jobState(record)).toBe('expired');
  expect(bounces).toEqual(['hard2@example.org']);
  // Final: no longer matched against the log; lines read again change nothing.
  expect(store.openCount).toBe(0);
  await store.record(forQueue('B84A9258892')[0].line, forQueue('B84A9258892')[0].time);
  expect((await store.read(id))!.events).toHaveLength(8);
});

test("a job's first hand-off writes its record without reading one first; a later hand-off reads and keeps the history", async () => {
  const dir = tempDir('outcomes-');
  const reads: string[] = [];
  const store = new OutcomeStore({ fs: { ...nodeFs, readUntrusted: (file, max) => (reads.push(path.basename(file)), nodeFs.readUntrusted(file, max)) }, dir: path.join(dir, 'outcomes') });
  await store.openStore();
  const id = newJobId();
  await store.handedOff(id, 'AAAAAA0001', ['a@example.org'], 'queued as AAAAAA0001', true);
  expect(reads).toEqual([]);
  expect(await store.read(id)).toMatchObject({ id, queueId: 'AAAAAA0001', recipients: ['a@example.org'], events: [{ state: 'handed_off', detail: 'queued as AAAAAA0001' }] });
  reads.length = 0;
  // Handed off again (after a crash the log look-up did not cover): the record is read and extended.
  await store.handedOff(id, 'AAAAAA0002', ['a@example.org'], 'queued as AAAAAA0002');
  expect(reads).toEqual([`${id}.json`]);
  expect((await store.read(id))!.events.map((e) => e.detail)).toEqual(['queued as AAAAAA0001', 'queued as AAAAAA0002']);
});

test('lines read before the hand-off is recorded are applied when it is; a line read twice is recorded once', async () => {
  const dir = tempDir('outcomes-');
  const store = await opened(dir);
  const id = newJobId();
  const [sent] = forQueue('67FFE258892');
  await store.record(sent.line, sent.time);
  await store.handedOff(id, '67FFE258892', ['ok1@example.org'], '250 2.0.0 Ok: queued as 67FFE258892');
  expect(jobState((await store.read(id))!)).toBe('sent');
  const soft = newJobId();
  await store.handedOff(soft, '86AE8258565', ['soft1@example.org'], 'ok');
  const [first] = forQueue('86AE8258565');
  await store.record(first.line, first.time);
  await store.record(first.line, first.time);
  expect((await store.read(soft))!.events.map((e) => e.state)).toEqual(['handed_off', 'deferred']);
  // Read again after later deferrals (the follower and the start-up look-up both pass it): still recorded once.
  const later = forQueue('86AE8258565').slice(1, -1);
  expect(later.length).toBeGreaterThan(0);
  for (const seen of later) await store.record(seen.line, seen.time);
  const count = (await store.read(soft))!.events.length;
  await store.record(first.line, first.time);
  expect((await store.read(soft))!.events).toHaveLength(count);
});

test("a queue id Postfix reuses for another message is unmatched: that message's recipient-less expiry does not end the job", async () => {
  const dir = tempDir('outcomes-');
  let clock = Date.parse('2026-12-01T02:00:00Z');
  const store = await opened(dir, undefined, () => clock);
  const id = newJobId(clock);
  await store.handedOff(id, 'AAAAAA0001', ['a@example.org'], 'queued as AAAAAA0001');
  clock += 3_600_000;
  const later = new Date(clock);
  // The job's own Message-ID under its queue id (a second look at cleanup's line) changes nothing.
  expect(store.queueIdReused('AAAAAA0001', `<${id}@example.com>`, later)).toBeNull();
  expect(store.queueIdReused('BBBBBB0001', '<other@example.com>', later)).toBeNull();
  // Another message's line from before the hand-off (read again after a restart) says nothing either.
  expect(store.queueIdReused('AAAAAA0001', '<earlier@example.net>', new Date(Date.parse('2026-12-01T01:59:59Z')))).toBeNull();
  expect(store.openCount).toBe(1);
  // Another message under the same id, later: unmatched, and its lines are not the job's.
  expect(store.queueIdReused('AAAAAA0001', '<someone-else@example.net>', later)).toBe(id);
  expect(store.openCount).toBe(0);
  await store.record({ queueId: 'AAAAAA0001', status: 'expired', recipient: null, relay: null, dsn: null, detail: 'returned to sender' }, new Date());
  expect(jobState((await store.read(id))!)).toBe('handed_off');
});

test('a restart indexes records still waiting and prunes records past retention; foreign names stay', async () => {
  const dir = tempDir('outcomes-');
  let now = Date.now();
  const first = await opened(dir, undefined, () => now);
  const waiting = newJobId(now);
  const done = newJobId(now);
  await first.handedOff(waiting, '86AE8258565', ['soft1@example.org'], 'ok');
  await first.handedOff(done, '67FFE258892', ['ok1@example.org'], 'ok');
  await first.record(forQueue('67FFE258892')[0].line, forQueue('67FFE258892')[0].time);
  writeFileSync(path.join(dir, 'outcomes', 'README'), 'admin note');
  const second = await opened(dir, undefined, () => now);
  expect(second.openCount).toBe(1);
  await second.record(forQueue('86AE8258565')[0].line, forQueue('86AE8258565')[0].time);
  expect(jobState((await second.read(waiting))!)).toBe('deferred');
  now += RETENTION_MS + 60_000;
  expect(await second.sweep()).toBe(2);
  expect(readdirSync(path.join(dir, 'outcomes'))).toEqual(['README']);
});

test('records that are not what the relay wrote are refused: a symlink, a wrong shape, another id', async () => {
  const dir = tempDir('outcomes-');
  const store = await opened(dir);
  const target = path.join(dir, 'elsewhere.json');
  const id = newJobId();
  writeFileSync(target, JSON.stringify({ v: 1, id, queueId: 'X', recipients: [], events: [] }));
  symlinkSync(target, path.join(dir, 'outcomes', `${id}.json`));
  await expect(store.read(id)).rejects.toThrow('a symbolic link');
  const other = newJobId();
  writeFileSync(path.join(dir, 'outcomes', `${other}.json`), JSON.stringify({ v: 1, id: newJobId(), queueId: 'X', recipients: [], events: [] }));
  await expect(store.read(other)).rejects.toThrow('not an outcome record this relay wrote');
  expect(await store.read('../../etc/passwd')).toBeNull();
});

test('hard bounce: 5xx to RCPT TO or a 5.1.x DSN; never a deferral or a 5xx to the end of DATA', () => {
  const hard = lines.find((l) => l.line.recipient === 'hard1@example.org')!.line;
  const soft = lines.find((l) => l.line.recipient === 'soft1@example.org')!.line;
  expect(isHardBounce(hard)).toBe(true);
  expect(isHardBounce(soft)).toBe(false);
  const content = parseDeliveryMessage('postfix/smtp', 'A1B2C3D4E5: to=<x@example.org>, relay=mx[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx[192.0.2.1] said: 550 5.7.1 Message rejected as spam (in reply to end of DATA command))')!;
  expect(isHardBounce(content)).toBe(false);
  const noDomain = parseDeliveryMessage('postfix/smtp', 'A1B2C3D4E5: to=<x@nowhere.example>, relay=none, delay=1, delays=0/0/1/0, dsn=5.1.2, status=bounced (Host or domain name not found. Name service error for name=nowhere.example type=MX: Host not found)')!;
  expect(isHardBounce(noDomain)).toBe(true);
});

test('suppression list: a burst of bounces shares writes (each add resolves once a write holding it is done); nothing is lost', async () => {
  const dir = tempDir('suppress-');
  let writes = 0;
  const counting = { ...nodeFs, rename: async (from: string, to: string) => (to.endsWith('suppressions.json') && (writes += 1), nodeFs.rename(from, to)) };
  const list = new SuppressionList(counting, dir);
  await list.load();
  const file = path.join(dir, 'suppressions.json');
  const onDisk = () => (JSON.parse(readFileSync(file, 'utf8')) as { entries: { address: string }[] }).entries.map((e) => e.address);
  const adds = Array.from({ length: 200 }, (_, n) =>
    list.add(`user${n}@example.org`, '550 5.1.1 no such user', newJobId(), new Date()).then(() => expect(onDisk()).toContain(`user${n}@example.org`)),
  );
  // In memory at once: POST /send refuses the address before the write is done.
  expect(list.get('user199@example.org')).toBeDefined();
  await Promise.all(adds);
  expect(onDisk()).toHaveLength(200);
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(3);
  // A change after the burst gets a write of its own.
  expect(await list.remove('user0@example.org')).toBe(true);
  expect(onDisk()).toHaveLength(199);
  expect(writes).toBeLessThanOrEqual(4);
});

test('suppression list: a failed write rejects the adds it held; the next change writes everything', async () => {
  const dir = tempDir('suppress-');
  let fail = true;
  const flaky = { ...nodeFs, rename: async (from: string, to: string) => (fail && to.endsWith('suppressions.json') ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : nodeFs.rename(from, to)) };
  const list = new SuppressionList(flaky, dir);
  await list.load();
  await expect(list.add('a@example.org', '550 5.1.1 x', newJobId(), new Date())).rejects.toThrow('no space');
  fail = false;
  await list.add('b@example.org', '550 5.1.1 x', newJobId(), new Date());
  const reloaded = new SuppressionList(nodeFs, dir);
  await reloaded.load();
  expect(reloaded.list().map((e) => e.address)).toEqual(['a@example.org', 'b@example.org']);
});

test('suppression list: case-folded, durable across a reload, removable; a foreign file refuses to load', async () => {
  const dir = tempDir('suppress-');
  const list = new SuppressionList(nodeFs, dir);
  await list.load();
  const id = newJobId();
  await list.add('Hard1@Example.ORG', '550 5.1.1 no such user', id, new Date('2026-11-30T23:32:00Z'));
  expect(normalizeAddress(' Hard1@Example.ORG ')).toBe('hard1@example.org');
  expect(list.get('HARD1@example.org')).toEqual({ address: 'hard1@example.org', since: '2026-11-30T23:32:00.000Z', reason: '550 5.1.1 no such user', id });
  const reloaded = new SuppressionList(nodeFs, dir);
  await reloaded.load();
  expect(reloaded.list().map((e) => e.address)).toEqual(['hard1@example.org']);
  expect(await reloaded.remove('hard1@EXAMPLE.org')).toBe(true);
  expect(await reloaded.remove('hard1@example.org')).toBe(false);
  const again = new SuppressionList(nodeFs, dir);
  await again.load();
  expect(again.size).toBe(0);
  expect(readdirSync(dir)).toEqual(['suppressions.json']);
  writeFileSync(path.join(dir, 'suppressions.json'), '{"v":1,"entries":[{"address":1}]}');
  await expect(new SuppressionList(nodeFs, dir).load()).rejects.toThrow('is not a suppression list this relay wrote');
});

test('a job handed off twice (a crash before its file was removed) keeps its history; lines of both queue ids count', async () => {
  const dir = tempDir('outcomes-');
  const store = await opened(dir);
  const id = newJobId();
  await store.handedOff(id, '86AE8258565', ['soft1@example.org'], '250 2.0.0 Ok: queued as 86AE8258565');
  const [deferred] = forQueue('86AE8258565');
  await store.record(deferred.line, deferred.time);
  await store.handedOff(id, '67FFE258892', ['soft1@example.org'], '250 2.0.0 Ok: queued as 67FFE258892');
  const record = (await store.read(id))!;
  expect(record.queueId).toBe('67FFE258892');
  expect(record.events.map((e) => e.state)).toEqual(['handed_off', 'deferred', 'handed_off']);
  // A line for an id whose record is gone (pruned) creates nothing.
  const other = newJobId();
  await store.handedOff(other, 'A07C42588B2', ['hard1@example.org'], 'ok');
  (await import('node:fs')).unlinkSync(path.join(dir, 'outcomes', `${other}.json`));
  const [bounce] = forQueue('A07C42588B2');
  await store.record(bounce.line, bounce.time);
  expect(await store.read(other)).toBeNull();
});
