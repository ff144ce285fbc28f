// Unit tests of src/relay/handoff-lookup.ts: which recovered jobs Postfix already took, decided from
// cleanup's message-id lines and qmgr's queued lines (a scripted scan, a fake clock), and the two ways the
// log is read: a file searched backwards from its end, and a stand-in journalctl (its arguments, the _UID
// check, a failing run).
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fileScan, findTakenJobs, journalScan, type LogEntry, type RecoveredJob } from '../../src/relay/handoff-lookup.js';
import { parseQueueMessage, parseSyslogLine } from '../../src/relay/postfix-log.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURE = readFileSync(path.join(import.meta.dirname, 'fixtures/postfix-3.7-maillog.txt'), 'utf8');

test('parseQueueMessage: cleanup\'s message-id and qmgr\'s queued and removed lines of a real Postfix 3.7 log; nothing else', () => {
  const parsed = FIXTURE.split('\n')
    .map((line) => /^\w{3} +\d+ [\d:]+ \S+ ([^[]+)\[\d+\]: (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => parseQueueMessage(m[1], m[2]))
    .filter((q) => q !== null);
  expect(parsed).toContainEqual({ kind: 'message-id', queueId: '67FFE258892', messageId: '<902ae246-cf26-8f7f-0637-7c52259ef9d2@example.com>' });
  expect(parsed).toContainEqual({ kind: 'queued', queueId: '67FFE258892' });
  expect(parsed.filter((q) => q.kind === 'queued').length).toBeGreaterThan(parsed.filter((q) => q.kind === 'message-id').length);
  // Another program's line of the same shape, or another message of cleanup's, is not one.
  expect(parseQueueMessage('postfix/smtpd', '67FFE258892: message-id=<a@example.com>')).toBeNull();
  expect(parseQueueMessage('evil/cleanup', '67FFE258892: message-id=<a@example.com>')).toBeNull();
  expect(parseQueueMessage('postfix/cleanup', '67FFE258892: milter-reject: END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 no')).toBeNull();
  expect(parseQueueMessage('postfix/qmgr', '67FFE258892: from=<a@example.com>, status=expired, returned to sender')).toBeNull();
  expect(parseQueueMessage('postfix-out/cleanup', 'B84A9258892: message-id=<x@example.com>')).toEqual({ kind: 'message-id', queueId: 'B84A9258892', messageId: '<x@example.com>' });
});

const T0 = Date.parse('2026-12-01T02:00:00Z');
const job = (n: number): RecoveredJob => ({ id: `0mx42swp${n}-${'0'.repeat(19)}${n}`, messageId: `<0mx42swp${n}-${'0'.repeat(19)}${n}@example.com>`, since: new Date(T0) });
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const cleanup = (qid: string, j: RecoveredJob, s = 1): LogEntry => ({ program: 'postfix/cleanup', message: `${qid}: message-id=${j.messageId}`, time: at(s) });
const queued = (qid: string, s = 1): LogEntry => ({ program: 'postfix/qmgr', message: `${qid}: from=<bounces@example.com>, size=467, nrcpt=1 (queue active)`, time: at(s) });
const sent = (qid: string, s = 2): LogEntry => ({
  program: 'postfix/smtp',
  message: `${qid}: to=<a@example.org>, relay=127.0.0.1[127.0.0.1]:2525, delay=0.2, delays=0.1/0/0/0.1, dsn=2.0.0, status=sent (250 OK)`,
  time: at(s),
});

/** A scan that answers round r with rounds[r] (the last one repeated), and a clock moved by sleep(). */
function scripted(rounds: LogEntry[][]) {
  let clock = T0 + 5_000;
  const calls: Date[] = [];
  const scan = async function* (since: Date) {
    calls.push(since);
    yield* rounds[Math.min(calls.length - 1, rounds.length - 1)];
  };
  return { scan, calls, options: { now: () => clock, sleep: async (ms: number) => void (clock += ms), graceMs: 10_000, pauseMs: 1_000 } };
}

test('findTakenJobs: a Message-ID logged under a queue id that was then queued is taken, with the delivery lines already logged', async () => {
  const [a, b] = [job(1), job(2)];
  const { scan, calls, options } = scripted([[cleanup('AAAAAA0001', a), queued('AAAAAA0001'), sent('AAAAAA0001'), cleanup('AAAAAA0002', b), queued('AAAAAA0002')]]);
  const taken = await findTakenJobs([a, b], scan, options);
  expect([...taken.keys()]).toEqual([a.id, b.id]);
  expect(taken.get(a.id)).toMatchObject({ queueId: 'AAAAAA0001', lines: [{ line: { queueId: 'AAAAAA0001', status: 'sent', recipient: 'a@example.org' }, time: at(2) }] });
  expect(taken.get(b.id)).toEqual({ queueId: 'AAAAAA0002', lines: [] });
  // One round was enough; the log is read from a minute before the earliest `since`.
  expect(calls).toEqual([new Date(T0 - 60_000)]);
});

test('findTakenJobs: a transfer abandoned before the end of DATA (message-id, never queued) is not taken; nor is a job never logged, after a second look', async () => {
  const [a, b, c] = [job(1), job(2), job(3)];
  // a: cleanup saw it, qmgr never did. b: nothing at all. c: handed off twice, the first transfer abandoned.
  const round = [cleanup('AAAAAA0001', a), cleanup('CCCCCC0001', c), cleanup('CCCCCC0002', c, 3), queued('CCCCCC0002', 3), queued('FFFFFF0009')];
  const { scan, calls, options } = scripted([round]);
  const taken = await findTakenJobs([a, b, c], scan, options);
  expect([...taken]).toEqual([[c.id, { queueId: 'CCCCCC0002', lines: [] }]]);
  // a was waited for until the grace ran out: a second look after 1 s, a last one at 10 s.
  expect(calls.length).toBe(3);

  const quiet = scripted([[]]);
  expect((await findTakenJobs([b], quiet.scan, quiet.options)).size).toBe(0);
  expect(quiet.calls.length).toBe(2);
});

test('findTakenJobs: qmgr\'s line arriving after the first look still counts; a queued line alone (another message) does not', async () => {
  const [a, b] = [job(1), job(2)];
  const { scan, calls, options } = scripted([[cleanup('AAAAAA0001', a), queued('BBBBBB0001')], [cleanup('AAAAAA0001', a), queued('BBBBBB0001')], [cleanup('AAAAAA0001', a), queued('BBBBBB0001'), queued('AAAAAA0001', 4)]]);
  const taken = await findTakenJobs([a, b], scan, options);
  expect([...taken.keys()]).toEqual([a.id]);
  expect(calls.length).toBe(3);
  expect((await findTakenJobs([], scan, options)).size).toBe(0);
});

/** A signal that never aborts. */
const live = new AbortController().signal;
const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

test('fileScan: only lines from `since` on, found by searching back from the end of a large file; unstamped and overlong lines skipped', async () => {
  const dir = tempDir('lookup-');
  const log = path.join(dir, 'maillog');
  // 40,000 old lines (about 4 MB, hours before) and a recent tail.
  const old = Array.from({ length: 40_000 }, (_, i) => `${stamp(T0 - 4 * 3600_000 + i)} mail postfix/qmgr[1]: ${(0x100000 + i).toString(16).toUpperCase()}: removed\n`).join('');
  const recent = [
    `${stamp(T0 + 1000)} mail postfix/cleanup[2]: AAAAAA0001: message-id=<x@example.com>\n`,
    'not a syslog line\n',
    `${stamp(T0 + 1500)} mail postfix/cleanup[2]: ${'B'.repeat(70_000)}\n`,
    `${stamp(T0 + 2000)} mail postfix/qmgr[1]: AAAAAA0001: removed\n`,
  ].join('');
  writeFileSync(log, old + recent);
  const read: LogEntry[] = [];
  for await (const entry of fileScan(log)(new Date(T0), live)) read.push(entry);
  expect(read).toEqual([
    { time: new Date(T0 + 1000), program: 'postfix/cleanup', message: 'AAAAAA0001: message-id=<x@example.com>' },
    { time: new Date(T0 + 2000), program: 'postfix/qmgr', message: 'AAAAAA0001: removed' },
  ]);
  // A small file is read from its start, its first line included.
  writeFileSync(log, recent);
  const small: string[] = [];
  for await (const entry of fileScan(log)(new Date(T0), live)) small.push(entry.message);
  expect(small).toEqual(['AAAAAA0001: message-id=<x@example.com>', 'AAAAAA0001: removed']);
});

test('journalScan: journalctl without --follow from `since`, mail facility from root and postfix; another uid\'s entry is skipped; a failing run throws', async () => {
  const dir = tempDir('lookup-');
  const argsFile = path.join(dir, 'args');
  const fake = path.join(dir, 'journalctl');
  const entry = (identifier: string, message: string, uid: string) =>
    JSON.stringify({ __CURSOR: 's=1', __REALTIME_TIMESTAMP: String(T0 * 1000 + 1_000_000), SYSLOG_IDENTIFIER: identifier, _UID: uid, MESSAGE: message });
  writeFileSync(
    path.join(dir, 'out'),
    [
      entry('postfix/cleanup', 'AAAAAA0001: message-id=<x@example.com>', '107'),
      // logger -t postfix/qmgr by a local user: journald's _UID is theirs.
      entry('postfix/qmgr', 'AAAAAA0001: removed', '1000'),
      'not json',
      entry('postfix/qmgr', 'AAAAAA0001: removed', '0'),
    ].join('\n') + '\n',
  );
  writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${argsFile}'\ncat '${path.join(dir, 'out')}'\n`);
  chmodSync(fake, 0o755);
  const read: LogEntry[] = [];
  for await (const e of journalScan(fake, new Set(['0', '107']))(new Date(T0), live)) read.push(e);
  expect(read.map((e) => `${e.program} ${e.message}`)).toEqual(['postfix/cleanup AAAAAA0001: message-id=<x@example.com>', 'postfix/qmgr AAAAAA0001: removed']);
  expect(read[0].time).toEqual(new Date(T0 + 1000));
  expect(readFileSync(argsFile, 'utf8').trim()).toBe(`--output=json --all --no-pager --quiet SYSLOG_FACILITY=2 _UID=0 _UID=107 --since=@${T0 / 1000}`);

  writeFileSync(fake, '#!/bin/sh\necho "Failed to open journal: Permission denied" >&2\nexit 1\n');
  const failing = async () => {
    for await (const e of journalScan(fake, new Set(['0']))(new Date(T0), live)) void e;
  };
  await expect(failing()).rejects.toThrow('journalctl exited 1: Failed to open journal: Permission denied');
});

test('findTakenJobs: a journalctl that never ends is killed at the time limit and the look-up fails (the jobs are then handed off again)', async () => {
  const dir = tempDir('lookup-');
  const fake = path.join(dir, 'journalctl');
  const pidFile = path.join(dir, 'pid');
  writeFileSync(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`);
  chmodSync(fake, 0o755);
  const started = Date.now();
  await expect(findTakenJobs([job(1)], journalScan(fake, new Set(['0'])), { timeoutMs: 500 })).rejects.toThrow(/ran out of time|longer than 500 ms/);
  expect(Date.now() - started).toBeLessThan(5_000);
  const pid = Number(readFileSync(pidFile, 'utf8'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(() => process.kill(pid, 0)).toThrow();
});

test('findTakenJobs: a queue id used again (short ids are a time and an inode) counts only for the message logged under it last', async () => {
  const [a, b] = [job(1), job(2)];
  const client = (qid: string, s: number): LogEntry => ({ program: 'postfix/smtpd', message: `${qid}: client=localhost[127.0.0.1]`, time: at(s) });
  const other = (qid: string, s: number): LogEntry => ({ program: 'postfix/cleanup', message: `${qid}: message-id=<other@example.net>`, time: at(s) });
  const round = [
    // a: an earlier message had its queue id and was queued; a's own transfer under it was cut off mid-DATA.
    client('AAAAAA0001', 1),
    other('AAAAAA0001', 1),
    queued('AAAAAA0001', 1),
    client('AAAAAA0001', 2),
    cleanup('AAAAAA0001', a, 2),
    // b: its transfer was cut off mid-DATA, then a later message (without a Message-ID) got the same queue id and was queued.
    client('BBBBBB0001', 3),
    cleanup('BBBBBB0001', b, 3),
    client('BBBBBB0001', 4),
    queued('BBBBBB0001', 4),
    sent('BBBBBB0001', 5),
  ];
  const { scan, options } = scripted([round]);
  expect([...(await findTakenJobs([a, b], scan, options)).keys()]).toEqual([]);
});

test('parseQueueMessage: the first line of a new message, smtpd\'s client= and pickup\'s uid= (real Postfix 3.7 lines)', () => {
  expect(parseQueueMessage('postfix/smtpd', '67FFE258892: client=localhost[127.0.0.1]')).toEqual({ kind: 'new', queueId: '67FFE258892', via: 'smtpd' });
  expect(parseQueueMessage('postfix/pickup', '4D2E1258566: uid=0 from=<root>')).toEqual({ kind: 'new', queueId: '4D2E1258566', via: 'pickup' });
  expect(parseQueueMessage('postfix/smtpd', 'connect from localhost[127.0.0.1]')).toBeNull();
  expect(parseQueueMessage('postfix/cleanup', '67FFE258892: client=localhost[127.0.0.1]')).toBeNull();
});

test('fileScan: a classic (local time) stamp in the hour that repeats when summer time ends is read, not dated an hour early and skipped', async () => {
  const zone = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
  try {
    // The year parseSyslogLine gives an October stamp, and the last Sunday of that October (01:00 UTC: 03:00 CEST becomes 02:00 CET).
    const year = parseSyslogLine('Oct 25 12:00:00 mail postfix/qmgr[1]: AAAAAA0001: removed')!.time.getFullYear();
    const day = 31 - new Date(Date.UTC(year, 9, 31)).getUTCDay();
    // Handed off at 01:30 UTC, 02:30 CET the second time round; Postfix's stamp says 02:30.
    const since = new Date(Date.UTC(year, 9, day, 1, 30));
    const dir = tempDir('lookup-');
    const log = path.join(dir, 'maillog');
    writeFileSync(log, `Oct ${day} 02:30:05 mail postfix/cleanup[2]: AAAAAA0001: message-id=<x@example.com>\nOct ${day} 02:30:05 mail postfix/qmgr[1]: AAAAAA0001: removed\n`);
    const read: string[] = [];
    for await (const entry of fileScan(log)(since, live)) read.push(entry.message);
    expect(read).toEqual(['AAAAAA0001: message-id=<x@example.com>', 'AAAAAA0001: removed']);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('fileScan: without a change of the local offset since, the hour before `since` is not read (a busy maillog holds a lot in an hour)', async () => {
  const zone = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const dir = tempDir('lookup-');
    const log = path.join(dir, 'maillog');
    writeFileSync(log, `${stamp(T0 - 1_800_000)} mail postfix/qmgr[1]: AAAAAA0001: removed\n${stamp(T0 + 1000)} mail postfix/qmgr[1]: BBBBBB0001: removed\n`);
    const read: string[] = [];
    for await (const entry of fileScan(log)(new Date(T0), live)) read.push(entry.message);
    expect(read).toEqual(['BBBBBB0001: removed']);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('findTakenJobs: a job\'s Message-ID in a message a local user submitted with sendmail (pickup) is not the job\'s hand-off', async () => {
  const [a, b] = [job(1), job(2)];
  const round = [
    { program: 'postfix/pickup', message: 'AAAAAA0001: uid=1000 from=<mallory>', time: at(1) },
    cleanup('AAAAAA0001', a),
    queued('AAAAAA0001'),
    { program: 'postfix/smtpd', message: 'BBBBBB0001: client=localhost[127.0.0.1]', time: at(1) },
    cleanup('BBBBBB0001', b),
    queued('BBBBBB0001'),
  ];
  const { scan, options } = scripted([round]);
  expect([...(await findTakenJobs([a, b], scan, options)).keys()]).toEqual([b.id]);
});

test('findTakenJobs: when time runs out during a later round, the jobs an earlier full round found taken stay taken', async () => {
  const [a, b] = [job(1), job(2)];
  let rounds = 0;
  // Round 0: a taken, b cut off mid-DATA (waited for); round 1: the log reader hangs until the time limit.
  const scan = async function* (_since: Date, signal: AbortSignal) {
    rounds += 1;
    if (rounds === 1) {
      yield* [cleanup('AAAAAA0001', a), queued('AAAAAA0001'), cleanup('BBBBBB0001', b)];
      return;
    }
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    throw new Error('the look-up ran out of time while journalctl was reading');
  };
  const taken = await findTakenJobs([a, b], scan, { timeoutMs: 300, pauseMs: 10, graceMs: 10_000 });
  expect([...taken.keys()]).toEqual([a.id]);
  expect(rounds).toBe(2);
  // Out of time in the first round: nothing is known, and the caller hands every job off again.
  const hanging = async function* (_since: Date, signal: AbortSignal): AsyncGenerator<LogEntry> {
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    throw new Error('the look-up ran out of time while journalctl was reading');
  };
  await expect(findTakenJobs([a], hanging, { timeoutMs: 100 })).rejects.toThrow('ran out of time');
});

test('findTakenJobs over a real Postfix 3.7 log: every message cleanup logged and qmgr then queued is taken (smtpd\'s client= line comes first)', async () => {
  const entries = FIXTURE.split('\n').flatMap((line) => parseSyslogLine(line) ?? []);
  const logged = entries.flatMap((e) => {
    const q = parseQueueMessage(e.program, e.message);
    return q?.kind === 'message-id' ? [q] : [];
  });
  const queuedIds = new Set(entries.flatMap((e) => (parseQueueMessage(e.program, e.message)?.kind === 'queued' ? [e.message.split(':')[0]] : [])));
  const jobs = logged.map((q, n) => ({ id: `job${n}`, messageId: q.messageId, since: entries[0].time }));
  expect(jobs.length).toBeGreaterThan(2);
  const taken = await findTakenJobs(jobs, async function* () {
    yield* entries;
  });
  expect([...taken].map(([id, t]) => `${id} ${t.queueId}`).sort()).toEqual(logged.flatMap((q, n) => (queuedIds.has(q.queueId) ? [`job${n} ${q.queueId}`] : [])).sort());
  expect(taken.size).toBeGreaterThan(2);
});
