// Unit tests of src/relay/log-follower.ts: the file source (appends, partial lines, rotation, truncation,
// the saved position across a restart) and the journal source with a stand-in journalctl that prints
// entries in journalctl --output=json's shape and records the arguments it was given.
import { appendFileSync, chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { nodeFs } from '../../src/relay/fsops.js';
import { journalUids, LogFollower, type FollowerOptions, type LogSource } from '../../src/relay/log-follower.js';
import type { DeliveryLine } from '../../src/relay/postfix-log.js';
import { tempDir } from '../helpers/tmp.js';

const sent = (qid: string, to: string) => `Nov 30 23:32:00 mail postfix/smtp[31357]: ${qid}: to=<${to}>, relay=127.0.0.1[127.0.0.1]:33295, delay=0.27, delays=0.12/0.03/0.12/0, dsn=2.0.0, status=sent (250 OK: message queued)\n`;
const noise = 'Nov 30 23:32:00 mail postfix/qmgr[31351]: 67FFE258892: removed\n';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 150 && !check(); i += 1) await sleep(20);
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

function follower(dir: string, source: LogSource, seen: DeliveryLine[], errors: string[] = [], more: Partial<FollowerOptions> = {}) {
  return new LogFollower({ source, fs: nodeFs, positionFile: path.join(dir, 'log-position.json'), pollMs: 20, onError: (r) => errors.push(r), record: async (line) => void seen.push(line), ...more });
}

test('file: starts at the end, reads appends line by line (a partial line waits), follows a rotation, resumes after a restart', async () => {
  const dir = tempDir('follow-');
  const log = path.join(dir, 'maillog');
  writeFileSync(log, sent('AAAAAA0001', 'old@example.org'));
  const seen: DeliveryLine[] = [];
  const first = follower(dir, { kind: 'file', path: log }, seen);
  await first.start();
  const half = sent('AAAAAA0002', 'a@example.org');
  appendFileSync(log, noise + half.slice(0, 40));
  await sleep(100);
  expect(seen).toEqual([]);
  appendFileSync(log, half.slice(40));
  await until(() => seen.length === 1, 'the completed line');
  expect(seen[0]).toMatchObject({ queueId: 'AAAAAA0002', recipient: 'a@example.org', status: 'sent' });
  // Rotation: the old file's last line and the new file's lines are all read.
  appendFileSync(log, sent('AAAAAA0003', 'b@example.org'));
  renameSync(log, `${log}.1`);
  writeFileSync(log, sent('AAAAAA0004', 'c@example.org'));
  await until(() => seen.length === 3, 'lines around the rotation');
  expect(seen.map((l) => l.queueId)).toEqual(['AAAAAA0002', 'AAAAAA0003', 'AAAAAA0004']);
  await first.stop();
  // Written while the relay was down: read on the next start, nothing read twice.
  appendFileSync(log, sent('AAAAAA0005', 'd@example.org'));
  const second = follower(dir, { kind: 'file', path: log }, seen);
  await second.start();
  await until(() => seen.length === 4, 'the line written while stopped');
  await sleep(100);
  expect(seen.map((l) => l.queueId)).toEqual(['AAAAAA0002', 'AAAAAA0003', 'AAAAAA0004', 'AAAAAA0005']);
  expect(JSON.parse(readFileSync(path.join(dir, 'log-position.json'), 'utf8'))).toMatchObject({ kind: 'file', offset: sent('AAAAAA0004', 'c@example.org').length * 2 });
  // Truncated in place (copytruncate): read from the start again.
  writeFileSync(log, sent('AAAAAA0006', 'e@example.org'));
  await until(() => seen.length === 5, 'the line after truncation');
  expect(seen[4].queueId).toBe('AAAAAA0006');
  await second.stop();
});

test('journal: journalctl is asked for the mail facility from root and postfix after the saved cursor; entries become lines, a local user\'s forged one does not; a restart resumes there', async () => {
  const dir = tempDir('follow-');
  const argsFile = path.join(dir, 'args');
  const fake = path.join(dir, 'journalctl');
  const entry = (cursor: string, identifier: string, message: string, uid = '107') =>
    JSON.stringify({ __CURSOR: cursor, __REALTIME_TIMESTAMP: '1796081520123456', SYSLOG_IDENTIFIER: identifier, SYSLOG_FACILITY: '2', _UID: uid, MESSAGE: message });
  const passwd = path.join(dir, 'passwd');
  writeFileSync(passwd, 'root:x:0:0:root::\npostfix:x:107:113:::\nmallory:x:1000:1000:::\n');
  const out = [
    entry('s=1;i=1', 'postfix/smtp', 'BBBBBB0001: to=<x@example.org>, relay=mx[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 no such user (in reply to RCPT TO command))'),
    // logger -t postfix/smtp -p mail.info by a local user: same identifier and facility, journald's _UID is theirs.
    entry('s=1;i=1b', 'postfix/smtp', 'BBBBBB0003: to=<victim@example.org>, relay=mx[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 forged)', '1000'),
    JSON.stringify({ __CURSOR: 's=1;i=2', SYSLOG_IDENTIFIER: 'postfix/smtp', MESSAGE: [0xff, 0xfe] }),
    entry('s=1;i=3', 'postfix/qmgr', 'BBBBBB0002: from=<b@example.com>, status=expired, returned to sender', '0'),
  ];
  writeFileSync(path.join(dir, 'out'), `${out.join('\n')}\n`);
  writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${argsFile}'\ncat '${path.join(dir, 'out')}'\nexec sleep 60\n`);
  chmodSync(fake, 0o755);
  const seen: DeliveryLine[] = [];
  const first = follower(dir, { kind: 'journal', journalctl: fake, passwd }, seen);
  await first.start();
  await until(() => seen.length === 2, 'two journal entries');
  expect(seen.map((l) => `${l.queueId} ${l.status}`)).toEqual(['BBBBBB0001 bounced', 'BBBBBB0002 expired']);
  // Saved within a second of the last entry (not once per line).
  await until(() => existsSync(path.join(dir, 'log-position.json')) && readFileSync(path.join(dir, 'log-position.json'), 'utf8').includes('i=3'), 'the saved cursor');
  await first.stop();
  const second = follower(dir, { kind: 'journal', journalctl: fake, passwd }, []);
  await second.start();
  await until(() => readFileSync(argsFile, 'utf8').trim().split('\n').length === 2, 'the second run');
  await second.stop();
  expect(readFileSync(argsFile, 'utf8').trim().split('\n')).toEqual([
    '--output=json --all --follow --no-pager --quiet SYSLOG_FACILITY=2 _UID=0 _UID=107 --lines=0',
    '--output=json --all --follow --no-pager --quiet SYSLOG_FACILITY=2 _UID=0 _UID=107 --after-cursor=s=1;i=3',
  ]);
});

test('file: a log it cannot open is reported once, not on every poll, and read once it can be', async () => {
  const dir = tempDir('follow-');
  const blocker = path.join(dir, 'not-a-dir');
  writeFileSync(blocker, '');
  const errors: string[] = [];
  const seen: DeliveryLine[] = [];
  const stuck = follower(dir, { kind: 'file', path: path.join(blocker, 'maillog') }, seen, errors);
  await stuck.start();
  await sleep(300);
  await stuck.stop();
  expect(errors).toEqual([`cannot open the Postfix log ${path.join(blocker, 'maillog')}: ENOTDIR`]);
  // A missing file is waited for quietly, then read from its start when it appears.
  const later = path.join(dir, 'maillog');
  const waiting = follower(dir, { kind: 'file', path: later }, seen, errors);
  await waiting.start();
  await sleep(100);
  writeFileSync(later, sent('CCCCCC0001', 'f@example.org'));
  await until(() => seen.length === 1, 'the line of the file that appeared');
  expect(seen[0].queueId).toBe('CCCCCC0001');
  await waiting.stop();
  expect(errors).toHaveLength(1);
});

test("file: cleanup's message-id lines reach onMessageId (the store's check for a reused queue id); delivery lines still reach record", async () => {
  const dir = tempDir('follow-');
  const log = path.join(dir, 'maillog');
  writeFileSync(log, '');
  const seen: DeliveryLine[] = [];
  const ids: string[] = [];
  const watcher = follower(dir, { kind: 'file', path: log }, seen, [], { onMessageId: (queueId, messageId) => void ids.push(`${queueId} ${messageId}`) });
  await watcher.start();
  appendFileSync(log, `Nov 30 23:32:00 mail postfix/cleanup[31356]: DDDDDD0001: message-id=<x@example.com>\n${noise}${sent('DDDDDD0001', 'g@example.org')}`);
  await until(() => seen.length === 1, 'the delivery line');
  await watcher.stop();
  expect(ids).toEqual(['DDDDDD0001 <x@example.com>']);
});

test('journalUids: root and the postfix user from passwd; root alone when postfix is missing or odd', () => {
  expect(journalUids('root:x:0:0:::\npostfix:x:107:113:::\n')).toEqual(['0', '107']);
  expect(journalUids('root:x:0:0:::\npostfixx:x:5:5:::\n')).toEqual(['0']);
  expect(journalUids('postfix:x:abc:1:::\n')).toEqual(['0']);
  expect(journalUids('')).toEqual(['0']);
});
