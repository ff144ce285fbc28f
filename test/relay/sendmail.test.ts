// Unit tests of the sendmail runner (src/relay/sendmail.ts) against small shell scripts: exact argv,
// the message on stdin (from the staged file), exit codes named in the reason, the timeout kill
// (also when a grandchild keeps the pipes open), a missing binary, and which exit statuses are permanent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LAST_LINE_CHARS, runSendmail, sendmailArgs } from '../../src/relay/sendmail.js';
import { classifyExit, SYSEXITS_TABLE } from '../../src/relay/sysexits.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-sendmail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, body: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
};
const message = path.join(dir, 'message.eml');
const body = `From: a@example.com\nTo: b@example.org\nSubject: x\n\n${'line with $(rm -rf /) and "quotes"\n'.repeat(5000)}.\nafter the dot\n`;
writeFileSync(message, body);
const base = { returnPath: 'bounces@example.com', messageFile: message, timeoutMs: 5000, env: { PATH: '/usr/bin:/bin', OUT: dir } };

test('argv is exactly -t -oi -f <returnPath>; the message arrives whole on stdin', async () => {
  const recorder = script('record', 'for a in "$@"; do printf "%s\\n" "$a"; done > "$OUT/argv"; cat > "$OUT/stdin"');
  expect(await runSendmail({ ...base, path: recorder })).toEqual({ ok: true });
  expect(readFileSync(path.join(dir, 'argv'), 'utf8')).toBe('-t\n-oi\n-f\nbounces@example.com\n');
  expect(readFileSync(path.join(dir, 'stdin'), 'utf8')).toBe(body);
  expect(sendmailArgs('r@x.example')).toEqual(['-t', '-oi', '-f', 'r@x.example']);
});

test('a non-zero exit is a failure whose reason names the code and carries stderr', async () => {
  const tempfail = script('tempfail', 'cat > /dev/null; echo "postdrop: warning: unable to look up public/pickup" >&2; exit 75');
  expect(await runSendmail({ ...base, path: tempfail })).toEqual({
    ok: false,
    reason: 'sendmail exited 75 (EX_TEMPFAIL): postdrop: warning: unable to look up public/pickup',
    permanent: false,
    exitStatus: 75,
  });
});

test('a permanent status is marked so; only the last stderr line is quoted, cleaned of control characters and cut', async () => {
  const dataerr = script(
    'dataerr',
    `cat > /dev/null; echo "sendmail: warning: first" >&2; printf 'sendmail: fatal: \\033[1mbad\\007\\tinput %0300d\\n\\n' 0 >&2; exit 65`,
  );
  const result = await runSendmail({ ...base, path: dataerr });
  const line = `sendmail: fatal: [1mbad input ${'0'.repeat(300)}`.slice(0, LAST_LINE_CHARS);
  expect(result).toEqual({ ok: false, reason: `sendmail exited 65 (EX_DATAERR): ${line}`, permanent: true, exitStatus: 65 });
});

test('the exit table: only EX_TEMPFAIL, EX_OSERR, EX_IOERR, EX_UNAVAILABLE and statuses outside sysexits.h are retried', () => {
  expect(SYSEXITS_TABLE.filter((entry) => entry.temporary).map((entry) => entry.name)).toEqual(['EX_UNAVAILABLE', 'EX_OSERR', 'EX_IOERR', 'EX_TEMPFAIL']);
  expect(SYSEXITS_TABLE.map((entry) => entry.status)).toEqual([64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78]);
  expect(classifyExit(1)).toEqual({ name: null, temporary: true });
  expect(classifyExit(67)).toEqual({ name: 'EX_NOUSER', temporary: false });
});

test("the README's exit status table says what the relay does", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| (\d+) \| (EX_[A-Z]+) \| (temporary|permanent)/gm)].map((row) => [Number(row[1]), [row[2], row[3]]]));
  expect(Object.fromEntries(rows)).toEqual(
    Object.fromEntries(SYSEXITS_TABLE.map((entry) => [entry.status, [entry.name, entry.temporary ? 'temporary' : 'permanent']])),
  );
});

test('at the timeout sendmail is killed, even when a grandchild holds its pipes open', async () => {
  const hang = script('hang', 'sleep 5 & sleep 5');
  const started = Date.now();
  const result = await runSendmail({ ...base, path: hang, timeoutMs: 150, killGraceMs: 100 });
  expect(result).toEqual({ ok: false, reason: 'sendmail timed out after 150 ms' });
  expect(Date.now() - started).toBeLessThan(1500);
});

test('a sendmail that ignores SIGTERM gets SIGKILL after the grace', async () => {
  const stubborn = script('stubborn', 'trap "" TERM; while :; do sleep 0.05; done');
  const started = Date.now();
  const result = await runSendmail({ ...base, path: stubborn, timeoutMs: 100, killGraceMs: 100 });
  expect(result).toEqual({ ok: false, reason: 'sendmail timed out after 100 ms' });
  expect(Date.now() - started).toBeLessThan(1500);
});

test('a missing sendmail binary or staged file is a failure, not a crash', async () => {
  expect(await runSendmail({ ...base, path: path.join(dir, 'no-such-sendmail') })).toEqual({
    ok: false,
    reason: `cannot run ${path.join(dir, 'no-such-sendmail')}: ENOENT`,
  });
  expect(await runSendmail({ ...base, path: '/bin/true', messageFile: path.join(dir, 'gone.eml') })).toEqual({
    ok: false,
    reason: 'cannot open the staged message: ENOENT',
  });
});

test('killed by a signal is reported as such', async () => {
  const selfKill = script('selfkill', 'cat > /dev/null; kill -9 $$');
  expect(await runSendmail({ ...base, path: selfKill })).toEqual({ ok: false, reason: 'sendmail killed by SIGKILL' });
});
