// Runs the BUILT opt/<name>/server.js (compiled from test/relay/fixtures/relay.config.yaml with
// relayServerFiles + relayEnvFile) as a child process with a fake sendmail that records argv and stdin,
// and checks the HTTP contract of issue 5 item 3, the sendmail call and MIME of item 4/1, retries,
// failed/, start-up refusals and recovery. Settings come from the generated env file, with only the
// queue root, sendmail path, listen port and backoff overridden, as an admin's test box would.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import libmime from 'libmime';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { newJob, parseJob, serializeJob } from '../../src/relay/job.js';
import {
  AUTH,
  buildRelay,
  FakeSendmail,
  listQueue,
  loadModel,
  newQueueRoot,
  reap,
  removeDir,
  sharedRelay,
  request,
  send,
  spawnRelay,
  startRelay,
  TOKEN,
  until,
  validMail,
  type BuiltRelay,
  type RelayProcess,
} from './helpers/relay-process.js';

const LIMIT = 4096; // relay.limits.bodyBytes in the fixture

/** Raw HTTP over a socket: for chunked bodies and malformed requests the http client will not send. */
function raw(port: number, head: string, chunks: (string | Buffer)[] = [], waitMs = 3000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (data) => (text += data.toString('utf8')));
    socket.on('close', () => {
      closed = true;
      done();
    });
    socket.on('error', () => undefined);
    socket.write(head);
    for (const chunk of chunks) socket.write(chunk);
  });
}

const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
const sendHead = (extra: string) =>
  `POST /send HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n${extra}\r\n`;

function expectError(response: { status: number; json: any; text: string }, status: number, code: string, field?: string) {
  expect({ status: response.status, code: response.json?.error?.code, field: response.json?.error?.field }).toEqual({ status, code, field });
  expect(response.json.ok).toBe(false);
  expect(typeof response.json.error.message).toBe('string');
  expect(Object.keys(response.json)).toEqual(['ok', 'error']);
  expect(response.text).not.toMatch(/\n\s+at |Error:|node:internal|\/src\//);
}

describe('built server.js: HTTP contract', () => {
  let built: BuiltRelay;
  let sendmail: FakeSendmail;
  let relay: RelayProcess;
  let queueRoot: string;

  beforeAll(async () => {
    built = buildRelay();
    sendmail = new FakeSendmail(built.dir);
    queueRoot = newQueueRoot(built.dir);
    relay = await startRelay({ built, queueRoot, sendmail });
  });
  afterAll(async () => {
    await reap(relay);
    removeDir(built.dir);
  });

  test('the generated env file carries the config values the relay uses', () => {
    expect(built.envFile).toEqual({
      RELAY_LISTEN: '127.0.0.1:2525',
      QUEUE_ROOT: '/var/spool/test-mail-relay',
      QUEUE_MAX_ATTEMPTS: '3',
      QUEUE_BACKOFF_FIRST_MS: '30000',
      QUEUE_BACKOFF_MAX_MS: '3600000',
      RELAY_HANDOFF: 'smtp',
      HANDOFF_CONCURRENCY: '16',
      HANDOFF_SMTP: '127.0.0.1:25',
      SENDMAIL_TIMEOUT_MS: '30000',
      POSTFIX_LOG: 'journal',
    });
  });

  test('the relay created pending/, processing/ and failed/ with mode 0750', () => {
    for (const dir of ['pending', 'processing', 'failed']) expect(statSync(path.join(queueRoot, dir)).mode & 0o777).toBe(0o750);
  });

  test('GET and HEAD /health -> 200 with the JSON status', async () => {
    const health = await request(relay.port, { method: 'GET', path: '/health' });
    expect([health.status, health.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
    expect(health.json).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 0, oldestPendingSeconds: 0, handoffFailuresInARow: 0 });
    const head = await request(relay.port, { method: 'HEAD', path: '/health' });
    expect([head.status, head.text]).toEqual([200, '']);
  });

  test('404 elsewhere, 405 with Allow for the wrong method', async () => {
    for (const where of ['/', '/send/', '/sendx', '/health/x', '/admin']) {
      expectError(await request(relay.port, { method: 'GET', path: where }), 404, 'not_found');
    }
    const getSend = await request(relay.port, { method: 'GET', path: '/send' });
    expectError(getSend, 405, 'method_not_allowed');
    expect(getSend.headers.allow).toBe('POST');
    const postHealth = await request(relay.port, { method: 'POST', path: '/health' });
    expectError(postHealth, 405, 'method_not_allowed');
    expect(postHealth.headers.allow).toBe('GET, HEAD');
    expectError(await request(relay.port, { method: 'PUT', path: '/send', headers: AUTH, body: '{}' }), 405, 'method_not_allowed');
  });

  test('auth: no token, wrong token, wrong scheme -> 401; the right token -> 202 with an id', async () => {
    const body = JSON.stringify(validMail());
    const none = await request(relay.port, { headers: { 'content-type': 'application/json' }, body });
    expectError(none, 401, 'unauthorized');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expectError(await request(relay.port, { headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}x` }, body }), 401, 'unauthorized');
    expectError(await request(relay.port, { headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN.slice(0, -1)}` }, body }), 401, 'unauthorized');
    expectError(await request(relay.port, { headers: { 'content-type': 'application/json', authorization: `Basic ${TOKEN}` }, body }), 401, 'unauthorized');
    const ok = await send(relay.port, validMail());
    expect(ok.status).toBe(202);
    expect(ok.json).toEqual({ ok: true, queued: true, id: expect.stringMatching(/^[0-9a-z]{9}-[0-9a-f]{20}$/) });
  });

  test('415 for anything but application/json (charset utf-8 allowed)', async () => {
    const body = JSON.stringify(validMail());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx']) {
      expectError(await request(relay.port, { headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, body }), 415, 'unsupported_media_type');
    }
    expectError(await request(relay.port, { headers: { authorization: `Bearer ${TOKEN}` }, body }), 415, 'unsupported_media_type');
    const utf8 = await request(relay.port, { headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'Application/JSON; charset="UTF-8"' }, body });
    expect(utf8.status).toBe(202);
  });

  test('400: invalid JSON and invalid UTF-8', async () => {
    expectError(await send(relay.port, '{"to": '), 400, 'invalid_json', 'body');
    expectError(await send(relay.port, ''), 400, 'invalid_json', 'body');
    const badUtf8 = Buffer.concat([Buffer.from('{"to":"a@example.org","subject":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expectError(await request(relay.port, { headers: AUTH, body: badUtf8 }), 400, 'invalid_json', 'body');
  });

  test.each([
    ['a bad to', { to: 'alice' }, 'invalid_address', 'to'],
    ['a bad to element', { to: ['a@example.org', 'b@'] }, 'invalid_address', 'to[1]'],
    ['too many recipients', { to: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'] }, 'too_many_recipients', 'to'],
    ['a bad replyTo', { replyTo: 'not-an-address' }, 'invalid_address', 'replyTo'],
    ['a From outside the allowlist', { from: { email: 'ceo@example.com' } }, 'sender_not_allowed', 'from.email'],
    ['a From on a foreign domain', { from: { email: 'support@evil.example' } }, 'sender_not_allowed', 'from.email'],
    ['a subject over the cap', { subject: 'x'.repeat(41) }, 'subject_too_long', 'subject'],
    ['no body', { text: undefined }, 'no_body', 'text'],
    ['an unknown field', { sender: 'x@example.org' }, 'unknown_field', 'sender'],
    ['a file reference as body', { text: { path: '/etc/passwd' } }, 'invalid_type', 'text'],
  ])('400 for %s', async (_what, overrides, code, field) => {
    expectError(await send(relay.port, validMail(overrides)), 400, code, field);
  });

  describe('400 for header injection: CR, LF, CRLF, NUL in subject, from.name, replyTo and each to element', () => {
    const breakers: [string, string][] = [
      ['CR', '\r'],
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['NUL', '\0'],
    ];
    const targets: [string, (bad: string) => Record<string, unknown>][] = [
      ['subject', (bad) => ({ subject: `Hello${bad}Bcc: victim@example.net` })],
      ['from.name', (bad) => ({ from: { email: 'support@example.com', name: `Support${bad}Bcc: victim@example.net` } })],
      ['replyTo', (bad) => ({ replyTo: `help@example.com${bad}Bcc: victim@example.net` })],
      ['to', (bad) => ({ to: `alice@example.org${bad}Bcc: victim@example.net` })],
      ['to[0]', (bad) => ({ to: [`alice@example.org${bad}`, 'bob@example.org', 'carol@example.org'] })],
      ['to[1]', (bad) => ({ to: ['alice@example.org', `bob@example.org${bad}Bcc: v@example.net`, 'carol@example.org'] })],
      ['to[2]', (bad) => ({ to: ['alice@example.org', 'bob@example.org', `${bad}carol@example.org`] })],
    ];
    test.each(targets.flatMap(([field, make]) => breakers.map(([name, bad]) => [name, field, make(bad)] as const)))(
      '%s in %s',
      async (_name, field, overrides) => {
        expectError(await send(relay.port, validMail(overrides)), 400, 'header_injection', field);
      },
    );
    test('none of them reached sendmail', () => {
      expect(sendmail.records().some((record) => record.message.includes('victim@'))).toBe(false);
    });
  });

  test('413 for a Content-Length over the limit, before the body is read (also with Expect: 100-continue)', async () => {
    const big = JSON.stringify(validMail({ text: 'x'.repeat(LIMIT) }));
    expectError(await send(relay.port, big), 413, 'payload_too_large');
    // With Expect: 100-continue the client never gets a 100: the answer is the 413 itself.
    const { text } = await raw(relay.port, sendHead(`Content-Length: ${big.length}\r\nExpect: 100-continue\r\n`));
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).not.toContain('100 Continue');
    expect(text).toContain('"code":"payload_too_large"');
  });

  test('413 for a chunked body (no Content-Length) as soon as it passes the limit, without its end', async () => {
    // Exactly the limit plus one byte, and no terminating 0-chunk: the relay must not wait for more.
    const parts = [chunk('{"text":"'), chunk('y'.repeat(LIMIT - 9)), chunk('z')];
    const started = Date.now();
    const { text, closed } = await raw(relay.port, sendHead('Transfer-Encoding: chunked\r\n'), parts, 3000);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"code":"payload_too_large"');
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a chunked body within the limit is read to its end and queued', async () => {
    const body = JSON.stringify(validMail({ subject: 'chunked' }));
    const parts = [chunk(body.slice(0, 10)), chunk(body.slice(10)), '0\r\n\r\n'];
    const { text } = await raw(relay.port, sendHead('Transfer-Encoding: chunked\r\nConnection: close\r\n'), parts, 3000);
    expect(text).toMatch(/^HTTP\/1\.1 202 /);
  });

  test('oversized headers -> 431, malformed HTTP -> 400, both as JSON', async () => {
    const huge = await raw(relay.port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge.text).toContain('"code":"headers_too_large"');
    const garbage = await raw(relay.port, 'HELLO WORLD\r\n\r\n');
    expect(garbage.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage.text).toContain('"code":"bad_request"');
  });

  test('argv is exactly -t -oi -f <return path of the From domain>; the MIME on stdin is right', async () => {
    const first = await send(
      relay.port,
      validMail({
        to: ['alice@example.org', 'bob@mail.example.net'],
        from: { email: 'noreply@example.com' },
        replyTo: 'help@example.com',
        subject: 'Grüße — ready',
        text: 'Plain text',
        html: '<p>HTML</p>',
      }),
    );
    const second = await send(relay.port, validMail({ from: { email: 'hello@other.example', name: 'Other' }, text: undefined, html: '<p>x</p>' }));
    expect([first.status, second.status]).toEqual([202, 202]);
    await until(() => sendmail.deliveredIds().includes(first.json.id) && sendmail.deliveredIds().includes(second.json.id), 10_000, 'both delivered');
    const records = sendmail.records();
    const one = records.find((record) => record.messageId === `${first.json.id}@example.com`)!;
    const two = records.find((record) => record.messageId === `${second.json.id}@other.example`)!;
    expect(one.argv).toEqual(['-t', '-oi', '-f', 'bounces@example.com']);
    expect(two.argv).toEqual(['-t', '-oi', '-f', 'return@bounce.other.example']);
    const head = one.message.slice(0, one.message.indexOf('\n\n')).replace(/\n[ \t]+/g, ' ');
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
    expect(libmime.decodeWords(header('From')!)).toBe('Exämple Tëam <noreply@example.com>');
    expect(header('From')).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(header('To')).toBe('alice@example.org, bob@mail.example.net');
    expect(header('Reply-To')).toBe('help@example.com');
    expect(header('Subject')).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(libmime.decodeWords(header('Subject')!)).toBe('Grüße — ready');
    expect(header('Message-ID')).toBe(`<${first.json.id}@example.com>`);
    expect(new Date(header('Date')!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(header('Content-Type')).toMatch(/^multipart\/alternative; boundary=/);
    expect(one.message).toMatch(/Content-Type: text\/plain; charset=utf-8[\s\S]*Plain text[\s\S]*Content-Type: text\/html; charset=utf-8[\s\S]*<p>HTML<\/p>/);
    expect(two.message).toMatch(/^From: Other <hello@other\.example>$/m);
    expect(two.message).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
    // The log: enqueued then delivered, with id and recipient domains, never the addresses.
    const enqueued = relay.events.find((event) => event.event === 'enqueued' && event.id === first.json.id);
    expect(enqueued).toMatchObject({ service: 'test-mail-relay', domains: ['example.org', 'mail.example.net'] });
    await relay.waitFor((event) => event.event === 'delivered' && event.id === first.json.id, 5000);
    expect(JSON.stringify(relay.events)).not.toContain('alice@');
  });
});

describe('built server.js: retries and failures', () => {
  const shared = sharedRelay({ SENDMAIL_TIMEOUT_MS: '300' });

  test('a transient failure, then success -> delivered exactly once, after retry events', async () => {
    const { relay, sendmail, queueRoot } = shared;
    sendmail.failNext(2);
    const response = await send(relay.port, validMail({ subject: 'transient' }));
    const id = response.json.id;
    await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 10_000, 'delivered');
    const retries = relay.events.filter((event) => event.event === 'retry' && event.id === id);
    expect(retries.map((event) => [event.attempts, event.retryInMs])).toEqual([
      [1, 50],
      [2, 100],
    ]);
    expect(retries[0].reason).toBe('sendmail exited 75 (EX_TEMPFAIL): fake sendmail: try again later');
    expect(sendmail.deliveredIds().filter((delivered) => delivered === id)).toHaveLength(1);
    const attempts = sendmail.records().filter((record) => record.messageId === `${id}@example.com`);
    expect(attempts.map((record) => record.status)).toEqual([75, 75, 0]);
    // The same message every time: Message-ID and Date are fixed at acceptance.
    expect(new Set(attempts.map((record) => /^Date: .*$/m.exec(record.message)![0])).size).toBe(1);
  });

  test('a failure that persists -> failed/ after QUEUE_MAX_ATTEMPTS (3) attempts, with the reason', async () => {
    const { relay, sendmail, queueRoot } = shared;
    sendmail.mode('fail-always');
    const response = await send(relay.port, validMail({ subject: 'permanent' }));
    const id = response.json.id;
    const failed = await relay.waitFor((event) => event.event === 'failed' && event.id === id, 10_000, 'failed');
    expect(failed).toMatchObject({ attempts: 3, domains: ['example.org'], reason: 'sendmail exited 75 (EX_TEMPFAIL): fake sendmail: mailbox unavailable' });
    expect(listQueue(queueRoot, 'failed')).toContain(`${id}.json`);
    expect(parseJob(readFileSync(path.join(queueRoot, 'failed', `${id}.json`)))).toMatchObject({ attempts: 3, lastError: failed.reason });
    expect(listQueue(queueRoot, 'pending')).toEqual([]);
    expect(listQueue(queueRoot, 'processing')).toEqual([]);
    expect(sendmail.records().filter((record) => record.messageId === `${id}@example.com`)).toHaveLength(3);
    sendmail.mode('ok');
  });

  test('a hanging sendmail is killed at SENDMAIL_TIMEOUT_MS and the job retried', async () => {
    const { relay, sendmail, queueRoot } = shared;
    sendmail.mode('sleep-5');
    const response = await send(relay.port, validMail({ subject: 'hang' }));
    const id = response.json.id;
    const retry = await relay.waitFor((event) => event.event === 'retry' && event.id === id, 10_000, 'retry after timeout');
    expect(retry.reason).toBe('sendmail timed out after 300 ms');
    sendmail.mode('ok');
    await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 10_000, 'delivered after the timeout');
  });
});

describe('built server.js: start-up', () => {
  let built: BuiltRelay;
  beforeAll(() => {
    built = buildRelay();
  });
  afterAll(() => removeDir(built.dir));

  test('a token shorter than the configured minimum: exit 78 (EX_CONFIG) and why, on stderr', async () => {
    const relay = spawnRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: '/bin/true', token: 'short-token-123\n' });
    expect(await relay.exited).toEqual({ code: 78, signal: null });
    expect(relay.stderr()).toBe(
      'test-mail-relay: refusing to start: the token from SMTP_RELAY_TOKEN is 15 bytes; the config requires at least 32 (relay.token.minBytes). Make a longer one with: openssl rand -base64 48\n',
    );
    expect(relay.events).toEqual([]);
  });

  test('no token at all, a missing queue root, a bad setting, a busy port: exit 78 with the reason', async () => {
    const scratch = newQueueRoot(tempDir('relay-start-'));
    const noToken = spawnRelay({ built, queueRoot: scratch, sendmail: '/bin/true', token: null });
    expect((await noToken.exited).code).toBe(78);
    expect(noToken.stderr()).toMatch(/^test-mail-relay: refusing to start: no token: set the systemd credential test-mail-relay-token/);
    const noRoot = spawnRelay({ built, queueRoot: path.join(built.dir, 'no-such-queue'), sendmail: '/bin/true' });
    expect((await noRoot.exited).code).toBe(78);
    expect(noRoot.stderr()).toMatch(/refusing to start: queue root .*no-such-queue does not exist/);
    const badSetting = spawnRelay({ built, queueRoot: scratch, sendmail: '/bin/true', env: { QUEUE_MAX_ATTEMPTS: 'many' } });
    expect((await badSetting.exited).code).toBe(78);
    expect(badSetting.stderr()).toMatch(/refusing to start: QUEUE_MAX_ATTEMPTS="many" is not a whole number/);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    const parent = tempDir('relay-port-');
    const busy = spawnRelay({ built, queueRoot: newQueueRoot(parent), sendmail: '/bin/true', env: { RELAY_LISTEN: `127.0.0.1:${busyPort}` } });
    expect((await busy.exited).code).toBe(78);
    expect(busy.stderr()).toBe(`test-mail-relay: refusing to start: cannot listen on 127.0.0.1:${busyPort}: EADDRINUSE\n`);
    blocker.close();
    removeDir(parent);
    removeDir(path.dirname(scratch));
  });

  test('the systemd credential ($CREDENTIALS_DIRECTORY/<name>-token, newline trimmed) wins over SMTP_RELAY_TOKEN', async () => {
    const credentials = tempDir('relay-cred-');
    const credToken = 'credential-token-abcdefghijklmnopqrstuvwxyz';
    writeFileSync(path.join(credentials, 'test-mail-relay-token'), `${credToken}\n`, { mode: 0o400 });
    const sendmail = new FakeSendmail(credentials);
    const relay = await startRelay({ built, queueRoot: newQueueRoot(credentials), sendmail, env: { CREDENTIALS_DIRECTORY: credentials } });
    try {
      expect(relay.events[0]).toMatchObject({ event: 'started', token: `credential ${path.join(credentials, 'test-mail-relay-token')}` });
      const body = JSON.stringify(validMail());
      expect((await request(relay.port, { headers: { 'content-type': 'application/json', authorization: `Bearer ${credToken}` }, body })).status).toBe(202);
      expect((await request(relay.port, { headers: AUTH, body })).status).toBe(401);
    } finally {
      await reap(relay);
      removeDir(credentials);
    }
  });

  test('jobs left in processing/ by a crash go back to pending/ and are delivered (recovered event)', async () => {
    const parent = tempDir('relay-rec-');
    const queueRoot = newQueueRoot(parent);
    for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(queueRoot, dir), { mode: 0o750 });
    const job = newJob({
      from: { address: 'support@example.com', name: null },
      to: ['alice@example.org'],
      replyTo: null,
      subject: 'stranded',
      text: 'x',
      html: null,
      returnPath: 'bounces@example.com',
    });
    writeFileSync(path.join(queueRoot, 'processing', `${job.id}.json`), serializeJob(job));
    writeFileSync(path.join(queueRoot, 'processing', `${job.id}.eml`), 'half a message');
    const sendmail = new FakeSendmail(parent);
    const relay = await startRelay({ built, queueRoot, sendmail });
    try {
      expect(relay.events.find((event) => event.event === 'recovered')).toMatchObject({ id: job.id });
      await relay.waitFor((event) => event.event === 'delivered' && event.id === job.id, 10_000, 'recovered job delivered');
      expect(sendmail.deliveredIds()).toEqual([job.id]);
      expect(listQueue(queueRoot, 'processing')).toEqual([]);
    } finally {
      await reap(relay);
      removeDir(parent);
    }
  });
});

describe('built server.js: rate limit', () => {
  test('over relay.limits.ratePerMinute for the caller -> 429 with Retry-After; a wrong token does not count', async () => {
    const built = buildRelay(loadModel((text) => text.replace('ratePerMinute: 0', 'ratePerMinute: 5')));
    const relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: '/bin/true' });
    try {
      const statuses: number[] = [];
      // Every authenticated /send counts, whatever its outcome; an unauthenticated one has its own budget.
      statuses.push((await send(relay.port, validMail())).status);
      statuses.push((await send(relay.port, validMail({ to: 'bad' }))).status);
      statuses.push((await request(relay.port, { headers: { 'content-type': 'application/json' }, body: '{}' })).status);
      statuses.push((await send(relay.port, validMail())).status);
      statuses.push((await send(relay.port, validMail())).status);
      statuses.push((await send(relay.port, validMail())).status);
      expect(statuses).toEqual([202, 400, 401, 202, 202, 202]);
      const limited = await send(relay.port, validMail());
      expectError(limited, 429, 'rate_limited');
      expect(limited.headers['retry-after']).toBe('12');
      // /health is not limited.
      expect((await request(relay.port, { method: 'GET', path: '/health' })).status).toBe(200);
    } finally {
      await reap(relay);
      removeDir(built.dir);
    }
  });
});
