// Attack review: a full disk while the log follower reads a bounce. The webhook outbox write (made before
// the outcome record, so a crash reads the line again) and the record write both fail with ENOSPC; the
// store logged it and answered as if the line were recorded, so the follower moved on and saved its
// position past it. Once space was back the bounce was gone for good: no outcome, no webhook event, no
// suppression. A disk-full failure must leave the line unread, to be applied once there is room.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { nodeFs, type QueueFs } from '../../../src/relay/fsops.js';
import { newJobId } from '../../../src/relay/job.js';
import { LogFollower } from '../../../src/relay/log-follower.js';
import { jobState, OutcomeStore } from '../../../src/relay/outcomes.js';
import { Webhooks } from '../../../src/relay/webhooks.js';
import { tempDir } from '../../helpers/tmp.js';

const QUEUE_ID = 'C0FFEE12345';
const bounced = `Nov 30 23:32:00 mail postfix/smtp[31358]: ${QUEUE_ID}: to=<hard@example.org>, relay=127.0.0.1[127.0.0.1]:25, delay=0.2, delays=0.09/0/0.1/0, dsn=5.1.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 550 5.1.1 no such user (in reply to RCPT TO command))\n`;

test('a bounce read while the disk is full is recorded, and reaches the webhook outbox, once there is room again', async () => {
  const root = tempDir('attack-diskfull-');
  let full = false;
  const fs: QueueFs = {
    ...nodeFs,
    write: async (fd, data) => {
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return nodeFs.write(fd, data);
    },
  };
  const errors: string[] = [];
  const webhooks = new Webhooks({
    data: { webhooks: [{ name: 'crm', url: 'https://hooks.example.org/in', events: ['bounced'] }] },
    setup: { secret: 'x'.repeat(32), timing: { timeoutMs: 1000, retryFirstMs: 1000, retryMaxMs: 1000, maxAgeMs: 60_000 } },
    queueRoot: root,
    fs,
    log: () => undefined,
  });
  await webhooks.open();
  const outcomes = new OutcomeStore({ fs, dir: path.join(root, 'outcomes'), onApplied: webhooks.onDelivery, onError: (r) => errors.push(r) });
  await outcomes.openStore();
  const id = newJobId();
  await outcomes.handedOff(id, QUEUE_ID, ['hard@example.org'], `250 2.0.0 Ok: queued as ${QUEUE_ID}`);
  const log = path.join(root, 'maillog');
  writeFileSync(log, '');
  const positionFile = path.join(root, 'log-position.json');
  writeFileSync(positionFile, JSON.stringify({ kind: 'file', ino: statSync(log).ino, offset: 0 }));
  full = true;
  writeFileSync(log, bounced);
  const follower = new LogFollower({ source: { kind: 'file', path: log }, fs, positionFile, pollMs: 20, onError: (r) => errors.push(r), record: (line, time) => outcomes.record(line, time) });
  await follower.start();
  try {
    for (let i = 0; i < 100 && errors.length === 0; i += 1) await sleep(20);
    await sleep(100);
    expect(errors.some((e) => e.includes('ENOSPC'))).toBe(true);
    full = false;
    for (let i = 0; i < 150 && jobState((await outcomes.read(id))!) !== 'bounced'; i += 1) await sleep(20);
  } finally {
    await follower.stop();
    await webhooks.stop();
  }
  const record = (await outcomes.read(id))!;
  expect(record.events.map((e) => `${e.state} ${e.recipient ?? '-'}`)).toEqual(['handed_off -', 'bounced hard@example.org']);
  expect(jobState(record)).toBe('bounced');
  expect(await webhooks.backlog()).toBe(1);
  expect(JSON.parse(readFileSync(positionFile, 'utf8'))).toMatchObject({ kind: 'file', offset: Buffer.byteLength(bounced) });
});

test('journal source: a line that cannot be recorded (ENOSPC) is read again from its own entry, not skipped', async () => {
  const dir = tempDir('attack-diskfull-journal-');
  const argsFile = path.join(dir, 'args');
  const fake = path.join(dir, 'journalctl');
  const entry = (cursor: string, qid: string) =>
    JSON.stringify({ __CURSOR: cursor, __REALTIME_TIMESTAMP: '1796081520123456', SYSLOG_IDENTIFIER: 'postfix/smtp', SYSLOG_FACILITY: '2', _UID: '0', MESSAGE: bounced.slice(bounced.indexOf(': ') + 2, -1).replace(QUEUE_ID, qid) });
  writeFileSync(path.join(dir, 'all'), `${entry('s=1;i=1', 'AAAAAA0001')}\n${entry('s=1;i=2', 'AAAAAA0002')}\n`);
  writeFileSync(path.join(dir, 'from2'), `${entry('s=1;i=2', 'AAAAAA0002')}\n`);
  // A stand-in journalctl: --cursor= starts at that entry (journalctl(1)), anything else prints both.
  writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${argsFile}'\ncase "$*" in *--cursor=s=1\\;i=2*) cat '${path.join(dir, 'from2')}';; *) cat '${path.join(dir, 'all')}';; esac\nexec sleep 60\n`);
  chmodSync(fake, 0o755);
  writeFileSync(path.join(dir, 'passwd'), 'root:x:0:0:::\n');
  const seen: string[] = [];
  let full = true;
  const follower = new LogFollower({
    source: { kind: 'journal', journalctl: fake, passwd: path.join(dir, 'passwd') },
    fs: nodeFs,
    positionFile: path.join(dir, 'log-position.json'),
    onError: () => undefined,
    record: async (line) => {
      if (line.queueId === 'AAAAAA0002' && full) {
        full = false;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      seen.push(line.queueId);
    },
  });
  await follower.start();
  try {
    for (let i = 0; i < 400 && !seen.includes('AAAAAA0002'); i += 1) await sleep(20);
  } finally {
    await follower.stop();
  }
  expect(seen).toEqual(['AAAAAA0001', 'AAAAAA0002']);
  expect(readFileSync(argsFile, 'utf8').trim().split('\n').map((line) => line.split(' ').at(-1))).toEqual(['--lines=0', '--cursor=s=1;i=2']);
});
