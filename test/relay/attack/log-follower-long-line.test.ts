// Attack review: the file source skips a log line over 64 KiB, but only the part it had buffered. A line
// longer than one read (256 KiB) lost its head when the buffer overflowed, and the tail that arrived with
// the newline was then read as a line of its own: whatever stood there ("Nov 30 ... postfix/smtp[..]:
// QUEUEID: to=<..>, ..., status=bounced (...)") became a delivery outcome. The journal source already
// skips an overlong entry up to its newline; the file source must too.
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { nodeFs } from '../../../src/relay/fsops.js';
import { LogFollower } from '../../../src/relay/log-follower.js';
import type { DeliveryLine } from '../../../src/relay/postfix-log.js';
import { tempDir } from '../../helpers/tmp.js';

const bounced = (qid: string, to: string) =>
  `Nov 30 23:32:00 mail postfix/smtp[31358]: ${qid}: to=<${to}>, relay=127.0.0.1[127.0.0.1]:25, delay=0.2, delays=0.09/0/0.1/0, dsn=5.1.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 550 5.1.1 no such user (in reply to RCPT TO command))\n`;

test('the tail of a line longer than one read is not read as a line of its own', async () => {
  const dir = tempDir('attack-longline-');
  const log = path.join(dir, 'maillog');
  // One line: 256 KiB of junk (exactly one read), then text shaped like a Postfix bounce; then a real line.
  writeFileSync(log, 'x'.repeat(256 * 1024) + bounced('AAAAAA0001', 'victim@example.org') + bounced('AAAAAA0002', 'real@example.org'));
  // Resume from the file's start (as after a restart), so the reads fall on the same boundaries every run.
  writeFileSync(path.join(dir, 'log-position.json'), JSON.stringify({ kind: 'file', ino: statSync(log).ino, offset: 0 }));
  const seen: DeliveryLine[] = [];
  const follower = new LogFollower({ source: { kind: 'file', path: log }, fs: nodeFs, positionFile: path.join(dir, 'log-position.json'), pollMs: 20, onError: () => undefined, record: async (line) => void seen.push(line) });
  await follower.start();
  try {
    for (let i = 0; i < 150 && !seen.some((l) => l.queueId === 'AAAAAA0002'); i += 1) await sleep(20);
    // A later line after a second overlong one is read as well.
    appendFileSync(log, 'y'.repeat(300 * 1024) + bounced('AAAAAA0003', 'victim2@example.org') + bounced('AAAAAA0004', 'real2@example.org'));
    for (let i = 0; i < 150 && !seen.some((l) => l.queueId === 'AAAAAA0004'); i += 1) await sleep(20);
  } finally {
    await follower.stop();
  }
  expect(seen.map((l) => `${l.queueId} ${l.status} ${l.recipient}`)).toEqual(['AAAAAA0002 bounced real@example.org', 'AAAAAA0004 bounced real2@example.org']);
});

test('a restart in the middle of an overlong line skips the rest of it too (the saved position stays at its start)', async () => {
  const dir = tempDir('attack-longline-');
  const log = path.join(dir, 'maillog');
  const head = bounced('AAAAAA0001', 'real@example.org');
  writeFileSync(log, head + 'x'.repeat(600 * 1024));
  writeFileSync(path.join(dir, 'log-position.json'), JSON.stringify({ kind: 'file', ino: statSync(log).ino, offset: 0 }));
  const seen: DeliveryLine[] = [];
  const open = () => new LogFollower({ source: { kind: 'file', path: log }, fs: nodeFs, positionFile: path.join(dir, 'log-position.json'), pollMs: 20, onError: () => undefined, record: async (line) => void seen.push(line) });
  const first = open();
  await first.start();
  for (let i = 0; i < 150 && seen.length === 0; i += 1) await sleep(20);
  await first.stop();
  expect(JSON.parse(readFileSync(path.join(dir, 'log-position.json'), 'utf8'))).toEqual({ kind: 'file', ino: statSync(log).ino, offset: Buffer.byteLength(head) });
  appendFileSync(log, bounced('AAAAAA0002', 'victim@example.org') + bounced('AAAAAA0003', 'real2@example.org'));
  const second = open();
  await second.start();
  try {
    for (let i = 0; i < 150 && !seen.some((l) => l.queueId === 'AAAAAA0003'); i += 1) await sleep(20);
  } finally {
    await second.stop();
  }
  expect(seen.map((l) => l.queueId)).toEqual(['AAAAAA0001', 'AAAAAA0003']);
});
