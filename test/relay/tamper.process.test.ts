// The BUILT server.js against an outsider's second round: things planted in the queue while the relay
// runs (a FIFO or a symlink where the next attempt stages its message), directories where recovery
// expects files, and failed authentications spread
// over the many loopback addresses one host has. Each case runs `node server.js` as a child.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serializeJob } from '../../src/relay/job.js';
import {
  buildRelay,
  FakeSendmail,
  listQueue,
  newQueueRoot,
  queuedJob,
  reap,
  removeDir,
  request,
  send,
  startRelay,
  validMail,
  type BuiltRelay,
} from './helpers/relay-process.js';

const WRONG = { authorization: 'Bearer wrong-token-0123456789abcdef0123456789', 'content-type': 'application/json' };

describe('the staged-message name of a job in retry', () => {
  let built: BuiltRelay;
  beforeAll(() => {
    built = buildRelay();
  });
  afterAll(() => removeDir(built.dir));

  /**
   * A job whose first attempt fails and whose retry is 2 s away; `plant` puts something at
   * processing/<id>.eml in that gap. The retry must deliver the job, and so must a job sent after it.
   */
  async function retryAfterPlant(name: string, plant: (file: string) => void): Promise<void> {
    const scratch = path.join(built.dir, name);
    execFileSync('mkdir', [scratch]);
    const queueRoot = newQueueRoot(scratch);
    const sendmail = new FakeSendmail(scratch);
    sendmail.failNext(1);
    const relay = await startRelay({ built, queueRoot, sendmail, env: { QUEUE_BACKOFF_FIRST_MS: '2000', QUEUE_BACKOFF_MAX_MS: '2000' } });
    try {
      const id = (await send(relay.port, validMail())).json.id as string;
      await relay.waitFor((event) => event.event === 'retry' && event.id === id, 5_000, 'the first attempt failed');
      plant(path.join(queueRoot, 'processing', `${id}.eml`));
      await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 8_000, 'the retry delivered');
      const next = (await send(relay.port, validMail())).json.id as string;
      await relay.waitFor((event) => event.event === 'delivered' && event.id === next, 5_000, 'the next job delivered');
      expect(sendmail.deliveredIds()).toEqual([id, next]);
      expect(relay.events.filter((event) => event.event === 'queue_error')).toEqual([]);
      expect(existsSync(path.join(queueRoot, 'processing', `${id}.eml`))).toBe(false);
    } finally {
      await reap(relay);
    }
  }

  test('a FIFO there does not freeze the worker: the retry removes it and delivers', async () => {
    await retryAfterPlant('fifo', (file) => execFileSync('mkfifo', [file]));
  });

  test('a symlink there is removed, its target left alone, and the retry delivers', async () => {
    const victim = path.join(built.dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    await retryAfterPlant('symlink', (file) => symlinkSync(victim, file));
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(victim).isFile()).toBe(true);
  });
});

describe('start-up recovery', () => {
  test('directories where it removes files are set aside into failed/; the relay starts and recovers the rest', async () => {
    const built = buildRelay();
    const queueRoot = newQueueRoot(built.dir);
    for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(queueRoot, dir), { mode: 0o750 });
    const stranded = queuedJob();
    const retried = queuedJob();
    writeFileSync(path.join(queueRoot, 'processing', `${stranded.id}.json`), serializeJob(stranded));
    writeFileSync(path.join(queueRoot, 'pending', `${retried.id}.json`), serializeJob(retried));
    // Where recovery unlinks a staged message, a temp file and an older copy of a pending job.
    const planted = [`processing/${stranded.id}.eml`, 'pending/.x.json.tmp', `processing/${retried.id}.json`];
    for (const entry of planted) {
      mkdirSync(path.join(queueRoot, entry));
      writeFileSync(path.join(queueRoot, entry, 'inside'), 'kept');
    }
    const sendmail = new FakeSendmail(built.dir);
    const relay = await startRelay({ built, queueRoot, sendmail });
    try {
      expect(relay.events.filter((event) => event.event === 'queue_error').map((event) => event.reason).sort()).toEqual(
        planted.map((entry) => `recovery moved ${entry} to failed/: a directory where the relay keeps files`).sort(),
      );
      expect(relay.events.find((event) => event.event === 'recovered')).toMatchObject({ id: stranded.id });
      for (const id of [stranded.id, retried.id]) await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 5_000, 'delivered');
      expect(sendmail.deliveredIds().sort()).toEqual([stranded.id, retried.id].sort());
      expect(listQueue(queueRoot, 'failed')).toEqual([`${stranded.id}.eml`, `${retried.id}.json`].sort());
      expect(readFileSync(path.join(queueRoot, 'failed', '.x.json.tmp', 'inside'), 'utf8')).toBe('kept');
    } finally {
      await reap(relay);
      removeDir(built.dir);
    }
  });
});

describe('failed authentications from the loopback addresses of one host', () => {
  test('share one budget: 127.0.0.2, 127.0.0.3, ... do not each get ten more guesses', async () => {
    const built = buildRelay();
    const relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: '/bin/true' });
    try {
      const statuses: number[] = [];
      for (let i = 2; i < 14; i++) {
        statuses.push((await request(relay.port, { headers: WRONG, body: '{}', localAddress: `127.0.0.${i}` })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      // The budget refills one every 6 s; on a slow machine one late 401 may slip in, never two.
      expect(statuses.slice(10).filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
      const throttled = await request(relay.port, { headers: WRONG, body: '{}', localAddress: '127.0.0.200' });
      expect(throttled.status).toBe(429);
      expect(throttled.json.error.code).toBe('auth_rate_limited');
      expect(relay.events.filter((event) => event.event === 'auth_throttled')).toHaveLength(1);
      // The real caller on any of those addresses is not affected.
      expect((await send(relay.port, validMail(), { localAddress: '127.0.0.5' })).status).toBe(202);
    } finally {
      await reap(relay);
      removeDir(built.dir);
    }
  });
});
