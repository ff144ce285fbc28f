// Unit tests of the relay's start-up inputs: env settings (src/relay/settings.ts), the bearer token's
// sources and minimum, the constant-time token check (auth.ts) and the rate limiter's buckets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bearerChecker, clientAuthenticator } from '../../src/relay/auth.js';
import { MessageQuota } from '../../src/relay/message-quota.js';
import { RateLimiter } from '../../src/relay/rate-limit.js';
import { parseListen, readClientTokens, readSettings, readToken, StartupError } from '../../src/relay/settings.js';

const defaults = {
  listen: '127.0.0.1:2525',
  queueRoot: '/var/spool/x',
  maxAttempts: 8,
  backoffFirstMs: 30_000,
  backoffMaxMs: 3_600_000,
  handoff: 'smtp' as const,
  smtpAddress: '127.0.0.1:25',
  handoffConcurrency: 8,
  sendmailPath: '/usr/sbin/sendmail',
  sendmailTimeoutMs: 30_000,
};

describe('readSettings', () => {
  test('the env wins; a missing variable falls back to the config value', () => {
    expect(
      readSettings({ RELAY_LISTEN: '[::1]:8025', QUEUE_ROOT: '/srv/q', QUEUE_MAX_ATTEMPTS: '3', SENDMAIL_TIMEOUT_MS: '500', RELAY_HANDOFF: 'sendmail', HANDOFF_CONCURRENCY: '3' }, defaults),
    ).toEqual({
      host: '::1',
      port: 8025,
      handoff: 'sendmail',
      smtpHost: '127.0.0.1',
      smtpPort: 25,
      handoffConcurrency: 3,
      queueRoot: '/srv/q',
      maxAttempts: 3,
      backoffFirstMs: 30_000,
      backoffMaxMs: 3_600_000,
      sendmailPath: '/usr/sbin/sendmail',
      sendmailTimeoutMs: 500,
      postfixLog: { kind: 'journal', journalctl: '/usr/bin/journalctl' },
    });
    expect(readSettings({}, defaults)).toMatchObject({ host: '127.0.0.1', port: 2525, queueRoot: '/var/spool/x', handoff: 'smtp', handoffConcurrency: 8 });
    expect(readSettings({ HANDOFF_SMTP: '127.0.0.1:10025' }, defaults)).toMatchObject({ smtpHost: '127.0.0.1', smtpPort: 10025 });
    expect(readSettings({ POSTFIX_LOG: 'file:/var/log/postfix.log' }, defaults).postfixLog).toEqual({ kind: 'file', path: '/var/log/postfix.log' });
    expect(readSettings({ POSTFIX_LOG: 'off' }, defaults).postfixLog).toBeNull();
  });

  test.each([
    [{ RELAY_LISTEN: 'localhost' }, /RELAY_LISTEN="localhost" is not host:port/],
    [{ RELAY_LISTEN: '127.0.0.1:70000' }, /RELAY_LISTEN/],
    [{ QUEUE_ROOT: 'spool' }, /QUEUE_ROOT="spool" must be an absolute path/],
    [{ QUEUE_MAX_ATTEMPTS: 'eight' }, /QUEUE_MAX_ATTEMPTS="eight" is not a whole number/],
    [{ QUEUE_MAX_ATTEMPTS: '0' }, /QUEUE_MAX_ATTEMPTS=0 is below the minimum 1/],
    [{ QUEUE_BACKOFF_FIRST_MS: '5000', QUEUE_BACKOFF_MAX_MS: '100' }, /QUEUE_BACKOFF_MAX_MS=100 is below QUEUE_BACKOFF_FIRST_MS=5000/],
    [{ SENDMAIL_PATH: 'sendmail' }, /SENDMAIL_PATH="sendmail" must be an absolute path/],
    [{ SENDMAIL_TIMEOUT_MS: '-1' }, /SENDMAIL_TIMEOUT_MS/],
    [{ RELAY_HANDOFF: 'lmtp' }, /RELAY_HANDOFF="lmtp" is neither smtp nor sendmail/],
    [{ POSTFIX_LOG: 'file:maillog' }, /POSTFIX_LOG="file:maillog" is none of journal, file:\/absolute\/path, off/],
    [{ POSTFIX_LOG: 'syslog' }, /POSTFIX_LOG="syslog" is none of/],
    [{ HANDOFF_SMTP: 'localhost' }, /HANDOFF_SMTP="localhost" is not host:port/],
    [{ HANDOFF_SMTP: '127.0.0.1:0' }, /HANDOFF_SMTP needs the port/],
    [{ HANDOFF_CONCURRENCY: '0' }, /HANDOFF_CONCURRENCY=0 is below the minimum 1/],
  ])('refuses %j', (env, message) => {
    expect(() => readSettings(env, defaults)).toThrow(StartupError);
    expect(() => readSettings(env, defaults)).toThrow(message);
  });

  test('parseListen takes host:port and [v6]:port', () => {
    expect(parseListen('10.0.0.1:25')).toEqual({ host: '10.0.0.1', port: 25 });
    expect(parseListen('[2001:db8::1]:2525')).toEqual({ host: '2001:db8::1', port: 2525 });
  });
});

describe('readToken', () => {
  const long = 'x'.repeat(32);
  const noFile = () => {
    throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  };

  test('the systemd credential wins over SMTP_RELAY_TOKEN; one trailing newline is dropped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-cred-'));
    writeFileSync(path.join(dir, 'mail-relay-token'), `${long}cred\n`);
    const read = (file: string) => readFileSync(file, 'utf8');
    expect(readToken({ CREDENTIALS_DIRECTORY: dir, SMTP_RELAY_TOKEN: `${long}env` }, 'mail-relay', 32, read)).toEqual({
      token: `${long}cred`,
      from: `credential ${path.join(dir, 'mail-relay-token')}`,
    });
    rmSync(dir, { recursive: true, force: true });
  });

  test('without a credential file the env token is used', () => {
    expect(readToken({ CREDENTIALS_DIRECTORY: '/nowhere', SMTP_RELAY_TOKEN: long }, 'r', 32, noFile)).toEqual({ token: long, from: 'SMTP_RELAY_TOKEN' });
  });

  test('a token shorter than the minimum refuses the start, saying how long it is and must be', () => {
    expect(() => readToken({ SMTP_RELAY_TOKEN: 'short-token\n' }, 'r', 32, noFile)).toThrow(
      'the token from SMTP_RELAY_TOKEN is 11 bytes; the config requires at least 32 (relay.token.minBytes)',
    );
  });

  test('the minimum counts UTF-8 bytes', () => {
    expect(readToken({ SMTP_RELAY_TOKEN: 'é'.repeat(16) }, 'r', 32, noFile).token).toBe('é'.repeat(16));
    expect(() => readToken({ SMTP_RELAY_TOKEN: 'é'.repeat(15) }, 'r', 32, noFile)).toThrow(/is 30 bytes/);
  });

  test('no token at all, an unreadable credential, or whitespace inside are refused', () => {
    expect(() => readToken({}, 'r', 32, noFile)).toThrow(/no token: set the systemd credential r-token/);
    const denied = () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    };
    expect(() => readToken({ CREDENTIALS_DIRECTORY: '/c', SMTP_RELAY_TOKEN: long }, 'r', 32, denied)).toThrow(/cannot read the token credential \/c\/r-token: EACCES/);
    expect(() => readToken({ SMTP_RELAY_TOKEN: `${long} ${long}` }, 'r', 32, noFile)).toThrow(/whitespace/);
  });
});

describe('bearerChecker', () => {
  const check = bearerChecker('s3cret-token-value');
  test.each([
    ['Bearer s3cret-token-value', true],
    ['bearer s3cret-token-value', true],
    ['Bearer  s3cret-token-value ', true],
    ['Bearer s3cret-token-valuE', false],
    ['Bearer s3cret-token-value-and-more', false],
    ['Bearer s3cret', false],
    ['Basic s3cret-token-value', false],
    ['s3cret-token-value', false],
    ['Bearer', false],
    ['', false],
  ])('%j -> %s', (header, expected) => {
    expect(check(header)).toBe(expected);
  });
  test('no header', () => {
    expect(check(undefined)).toBe(false);
  });
});

describe('RateLimiter', () => {
  test('a burst of perMinute, then one request per 60/perMinute s, with Retry-After seconds', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('1.2.3.4').allowed).toBe(true);
    expect(limiter.take('1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 10, firstDenial: true });
    // Other addresses have their own bucket.
    expect(limiter.take('5.6.7.8').allowed).toBe(true);
    now += 4_000;
    expect(limiter.take('1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(limiter.take('1.2.3.4')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(limiter.take('1.2.3.4').allowed).toBe(false);
  });

  test('0 switches it off', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  test('the map never holds more than its cap: the oldest key makes room', () => {
    const limiter = new RateLimiter(1, () => 0, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key);
    expect(limiter.size).toBe(3);
    // 'a' was evicted, so it starts with a full bucket again; 'd' is still spent.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('d').allowed).toBe(false);
  });

  test('full buckets of quiet addresses are swept', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 100; i++) limiter.take(`10.0.0.${i}`);
    expect(limiter.size).toBe(100);
    now += 61_000;
    limiter.take('10.0.1.1');
    expect(limiter.size).toBe(1);
  });
});

describe('clients: tokens, authentication, message quotas', () => {
  const named = (name: string, limits = { requestsPerMinute: 0, messagesPerHour: 0, messagesPerDay: 0 }) => ({
    name,
    credential: `relay-token-${name}`,
    implicit: false,
    senders: ['support@example.com'],
    limits,
  });
  const files: Record<string, string> = {
    '/creds/relay-token-billing': `${'b'.repeat(40)}\n`,
    '/creds/relay-token-alerts': 'a'.repeat(40),
  };
  const readFile = (file: string) => {
    if (file in files) return files[file];
    throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  };
  const data = (clients: ReturnType<typeof named>[]) => ({ name: 'relay', tokenMinBytes: 32, clients });

  test('each named client reads its own credential file; none reads SMTP_RELAY_TOKEN', () => {
    const tokens = readClientTokens({ CREDENTIALS_DIRECTORY: '/creds', SMTP_RELAY_TOKEN: 'x'.repeat(40) }, data([named('billing'), named('alerts')]), readFile);
    expect(tokens.map((t) => [t.client.name, t.token, t.from])).toEqual([
      ['billing', 'b'.repeat(40), 'credential /creds/relay-token-billing'],
      ['alerts', 'a'.repeat(40), 'credential /creds/relay-token-alerts'],
    ]);
  });

  test('a missing credential, a short token or a token shared by two clients refuses the start', () => {
    expect(() => readClientTokens({ CREDENTIALS_DIRECTORY: '/creds' }, data([named('ghost')]), readFile)).toThrow(/client ghost has no token: create \/creds\/relay-token-ghost/);
    expect(() => readClientTokens({}, data([named('billing')]), readFile)).toThrow(/client billing needs the systemd credential relay-token-billing/);
    files['/creds/relay-token-short'] = 'short';
    expect(() => readClientTokens({ CREDENTIALS_DIRECTORY: '/creds' }, data([named('short')]), readFile)).toThrow(/is 5 bytes; the config requires at least 32/);
    files['/creds/relay-token-twin'] = 'b'.repeat(40);
    expect(() => readClientTokens({ CREDENTIALS_DIRECTORY: '/creds' }, data([named('billing'), named('twin')]), readFile)).toThrow(/clients billing and twin have the same token/);
  });

  test('a token authenticates exactly its client; anything else is null', () => {
    const authenticate = clientAuthenticator([
      { token: 'b'.repeat(40), client: 'billing' },
      { token: 'a'.repeat(40), client: 'alerts' },
    ]);
    expect(authenticate(`Bearer ${'b'.repeat(40)}`)).toBe('billing');
    expect(authenticate(`bearer ${'a'.repeat(40)}`)).toBe('alerts');
    expect(authenticate(`Bearer ${'a'.repeat(39)}`)).toBe(null);
    expect(authenticate(`Bearer ${'a'.repeat(40)} ${'b'.repeat(40)}`)).toBe(null);
    expect(authenticate(undefined)).toBe(null);
    expect(authenticate('Basic abc')).toBe(null);
  });

  test('message quota: exact rolling hour and day, Retry-After when a slot frees, released slots come back', () => {
    let now = 1_000_000;
    const quota = new MessageQuota(() => now);
    const limits = { messagesPerHour: 2, messagesPerDay: 3 };
    expect(quota.reserve('billing', limits).allowed).toBe(true);
    now += 60_000;
    const second = quota.reserve('billing', limits);
    expect(second.allowed).toBe(true);
    expect(quota.reserve('billing', limits)).toEqual({ allowed: false, retryAfterSeconds: 3540, window: 'hour', limit: 2 });
    // Another client has its own window.
    expect(quota.reserve('alerts', limits).allowed).toBe(true);
    if (second.allowed) second.release();
    expect(quota.reserve('billing', limits).allowed).toBe(true);
    now += 3_600_000;
    expect(quota.reserve('billing', limits).allowed).toBe(true);
    expect(quota.reserve('billing', limits)).toMatchObject({ allowed: false, window: 'day', limit: 3 });
    expect(new MessageQuota().reserve('x', { messagesPerHour: 0, messagesPerDay: 0 }).allowed).toBe(true);
  });
});
