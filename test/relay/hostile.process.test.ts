// The BUILT server.js against hostile callers and a crowded host: authentication before rate limiting,
// one instance per queue, queue files treated as untrusted input, a text part for HTML-only mail and
// sendmail's exit status classified permanent or temporary. Each case runs `node server.js` as a child.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import libqp from 'libqp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseJob, serializeJob } from '../../src/relay/job.js';
import {
  AUTH,
  buildRelay,
  FakeSendmail,
  listQueue,
  loadModel,
  newQueueRoot,
  queuedJob,
  reap,
  removeDir,
  sharedRelay,
  request,
  send,
  spawnRelay,
  startRelay,
  until,
  validMail,
  type BuiltRelay,
  type RelayProcess,
} from './helpers/relay-process.js';

const WRONG = { authorization: 'Bearer wrong-token-0123456789abcdef0123456789', 'content-type': 'application/json' };
const MAIL_BODY = JSON.stringify(validMail());

/** Everything the relay wrote (log lines and stderr), for "never logged" assertions. */
/**
 * Ten 401s, then 429s. The failure budget refills one every 6 s, so on a machine slow enough to spread
 * these requests over more than 6 s a late 401 may appear; what must hold is ten 401s first and a 429.
 */
function throttledAfterTen(statuses: number[]): void {
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses.slice(10)).toContain(429);
  expect(statuses.slice(10).every((status) => status === 429 || status === 401)).toBe(true);
}

const allOutput = (relay: RelayProcess) => `${JSON.stringify(relay.events)}\n${relay.stderr()}`;

/** A queue root of its own under `parent`, with the three state directories already there. */
function queueWithDirs(parent: string, name: string): string {
  const scratch = path.join(parent, name);
  mkdirSync(scratch);
  const root = newQueueRoot(scratch);
  for (const dir of ['pending', 'processing', 'failed']) mkdirSync(path.join(root, dir), { mode: 0o750 });
  return root;
}

describe('authenticate first, then limit', () => {
  test('callers without a token do not spend the real caller budget; over their own budget they get 429', async () => {
    const built = buildRelay(loadModel((text) => text.replace('ratePerMinute: 0', 'ratePerMinute: 5')));
    const relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: '/bin/true' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await request(relay.port, { headers: WRONG, body: MAIL_BODY })).status);
      // Ten failed authentications per source and minute answer 401; after that the source is told to wait.
      throttledAfterTen(statuses);
      const throttled = await request(relay.port, { headers: { 'content-type': 'application/json' }, body: MAIL_BODY });
      expect(throttled.status).toBe(429);
      expect(throttled.json.error.code).toBe('auth_rate_limited');
      expect(throttled.headers['retry-after']).toBe('6');
      expect(relay.events.filter((event) => event.event === 'auth_throttled')).toEqual([
        expect.objectContaining({ source: '127.0.0.1', retryAfterSeconds: 6 }),
      ]);
      // The real caller from the same address is untouched: its whole budget of 5 is there.
      const real: number[] = [];
      for (let i = 0; i < 6; i++) real.push((await send(relay.port, validMail())).status);
      expect(real).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await reap(relay);
      removeDir(built.dir);
    }
  });

  test('the budget follows the caller (token), not the source address', async () => {
    const built = buildRelay(loadModel((text) => text.replace('ratePerMinute: 0', 'ratePerMinute: 3')));
    const relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: '/bin/true' });
    try {
      const statuses: number[] = [];
      for (let i = 2; i <= 6; i++) {
        statuses.push((await send(relay.port, validMail(), { localAddress: `127.0.0.${i}` })).status);
      }
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      const limited = await send(relay.port, validMail(), { localAddress: '127.0.0.9' });
      expect(limited.json.error.code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBe('20');
    } finally {
      await reap(relay);
      removeDir(built.dir);
    }
  });

  test('X-Real-IP names the source only when a same-host gateway is declared and the peer is its address', async () => {
    const failuresFrom = async (port: number, localAddress: string, realIp: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await request(port, { headers: { ...WRONG, 'x-real-ip': realIp(i) }, body: MAIL_BODY, localAddress })).status);
      }
      return statuses;
    };
    const gatewayed = buildRelay(
      loadModel((text) => text.replace('relay:\n', 'relay:\n  entry: { hostname: relay.example.com, gateway: nginx-allowlist }\n')),
    );
    const plain = buildRelay();
    const behind = await startRelay({ built: gatewayed, queueRoot: newQueueRoot(gatewayed.dir), sendmail: '/bin/true' });
    const direct = await startRelay({ built: plain, queueRoot: newQueueRoot(plain.dir), sendmail: '/bin/true' });
    try {
      // Through the gateway (peer 127.0.0.1): each forwarded client has its own failure budget.
      expect(await failuresFrom(behind.port, '127.0.0.1', (i) => `198.51.100.${i + 1}`)).toEqual(Array(12).fill(401));
      throttledAfterTen(await failuresFrom(behind.port, '127.0.0.1', () => '198.51.100.200'));
      expect(behind.events.find((event) => event.event === 'auth_throttled')).toMatchObject({ source: '198.51.100.200' });
      // A peer that is not the gateway's address cannot pick its bucket with the header.
      throttledAfterTen(await failuresFrom(behind.port, '127.0.0.7', (i) => `203.0.113.${i + 1}`));
      // No gateway declared: the header means nothing.
      throttledAfterTen(await failuresFrom(direct.port, '127.0.0.1', (i) => `192.0.2.${i + 1}`));
    } finally {
      await reap(behind);
      await reap(direct);
      removeDir(gatewayed.dir);
      removeDir(plain.dir);
    }
  });
});

describe('one instance per queue', () => {
  let built: BuiltRelay;
  beforeAll(() => {
    built = buildRelay();
  });
  afterAll(() => removeDir(built.dir));

  test('a second start on the same queue or port exits 78, names the holder, and changes nothing on disk', async () => {
    const queueRoot = newQueueRoot(built.dir);
    const sendmail = new FakeSendmail(built.dir);
    sendmail.mode('sleep-2');
    const first = await startRelay({ built, queueRoot, sendmail });
    try {
      const id = (await send(first.port, validMail())).json.id as string;
      await until(() => sendmail.startedCount() === 1, 5_000, 'sendmail started on the job');
      expect(listQueue(queueRoot, 'processing')).toContain(`${id}.json`);

      // Same queue, same port (an admin's second `node server.js` with the same env file).
      const second = spawnRelay({ built, queueRoot, sendmail, env: { RELAY_LISTEN: `127.0.0.1:${first.port}` } });
      expect(await second.exited).toEqual({ code: 78, signal: null });
      expect(second.stderr()).toMatch(new RegExp(`refusing to start: the queue ${queueRoot} is in use by pid ${first.child.pid} `));
      expect(second.events).toEqual([]);
      expect(listQueue(queueRoot, 'processing')).toContain(`${id}.json`);
      expect(listQueue(queueRoot, 'pending')).toEqual([]);

      // Another queue, same port: the port is named and the new queue root stays empty.
      const otherRoot = path.join(built.dir, 'other-queue');
      mkdirSync(otherRoot, { mode: 0o750 });
      const third = spawnRelay({ built, queueRoot: otherRoot, sendmail, env: { RELAY_LISTEN: `127.0.0.1:${first.port}` } });
      expect(await third.exited).toEqual({ code: 78, signal: null });
      expect(third.stderr()).toBe(`test-mail-relay: refusing to start: cannot listen on 127.0.0.1:${first.port}: EADDRINUSE\n`);
      expect(readdirSync(otherRoot)).toEqual([]);

      await first.waitFor((event) => event.event === 'delivered' && event.id === id, 10_000, 'delivered');
      expect(sendmail.deliveredIds()).toEqual([id]);
      expect(JSON.parse(readFileSync(path.join(queueRoot, 'relay.lock'), 'utf8'))).toMatchObject({ pid: first.child.pid });
      first.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(path.join(queueRoot, 'relay.lock'))).toBe(false);
    } finally {
      await reap(first);
    }
  });

  test('a lock left by a dead process, or by a pid now reused by another process, is taken over', async () => {
    const dead = spawnSync('/bin/true').pid;
    for (const lock of [{ pid: dead, procStart: '1' }, { pid: process.pid, procStart: '1' }]) {
      const queueRoot = path.join(built.dir, `stale-${lock.pid}`);
      mkdirSync(queueRoot, { mode: 0o750 });
      writeFileSync(path.join(queueRoot, 'relay.lock'), `${JSON.stringify(lock)}\n`);
      const relay = await startRelay({ built, queueRoot, sendmail: '/bin/true' });
      try {
        expect(relay.events.find((event) => event.event === 'stale_lock')).toMatchObject({ pid: lock.pid });
        expect(JSON.parse(readFileSync(path.join(queueRoot, 'relay.lock'), 'utf8'))).toMatchObject({ pid: relay.child.pid });
      } finally {
        await reap(relay);
      }
    }
  });
});

describe('queue files are data from a stranger', () => {
  let built: BuiltRelay;
  beforeAll(() => {
    built = buildRelay();
  });
  afterAll(() => removeDir(built.dir));

  test('a FIFO in pending/ freezes nothing: health and send answer, the FIFO goes to failed/', async () => {
    const queueRoot = queueWithDirs(built.dir, 'fifo');
    const fifoId = queuedJob().id;
    execFileSync('mkfifo', [path.join(queueRoot, 'pending', `${fifoId}.json`)]);
    const sendmail = new FakeSendmail(path.dirname(queueRoot));
    const relay = spawnRelay({ built, queueRoot, sendmail });
    try {
      const started = await relay.waitFor((event) => event.event === 'started', 5_000, 'started despite a FIFO in pending/');
      relay.port = started.port as number;
      const failed = await relay.waitFor((event) => event.event === 'failed' && event.id === fifoId, 5_000, 'FIFO failed');
      expect(failed.reason).toBe('unreadable job file: not a regular file');
      expect((await request(relay.port, { method: 'GET', path: '/health' })).status).toBe(200);
      const id = (await send(relay.port, validMail())).json.id as string;
      await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 5_000, 'delivered');
      expect(listQueue(queueRoot, 'failed')).toEqual([`${fifoId}.json`]);
      expect(lstatSync(path.join(queueRoot, 'failed', `${fifoId}.json`)).isFIFO()).toBe(true);
    } finally {
      await reap(relay);
    }
  });

  test('a symlink in pending/ is never followed: its target is neither read nor logged', async () => {
    const queueRoot = queueWithDirs(built.dir, 'symlink');
    const secret = path.join(built.dir, 'secret.txt');
    writeFileSync(secret, 'SECRET-7f3a9c not json at all');
    const linkId = queuedJob().id;
    symlinkSync(secret, path.join(queueRoot, 'pending', `${linkId}.json`));
    const sendmail = new FakeSendmail(path.dirname(queueRoot));
    const relay = await startRelay({ built, queueRoot, sendmail });
    try {
      const failed = await relay.waitFor((event) => event.event === 'failed' && event.id === linkId, 5_000, 'symlink failed');
      expect(failed.reason).toBe('unreadable job file: a symbolic link');
      expect(lstatSync(path.join(queueRoot, 'failed', `${linkId}.json`)).isSymbolicLink()).toBe(true);
      expect(allOutput(relay)).not.toContain('SECRET');
      expect(sendmail.startedCount()).toBe(0);
    } finally {
      await reap(relay);
    }
  });

  test('jobs edited on disk pass the same checks as /send, or go to failed/ without reaching sendmail', async () => {
    const queueRoot = queueWithDirs(built.dir, 'edited');
    const injected = queuedJob({ to: ['alice@example.org\nBcc: mallory@evil.example'] });
    const badDate = queuedJob({ acceptedAt: 'yesterday' });
    const notAllowed = queuedJob({ from: { address: 'ceo@example.com', name: null } });
    const notJson = queuedJob().id;
    const fine = queuedJob();
    for (const job of [injected, badDate, notAllowed, fine]) {
      writeFileSync(path.join(queueRoot, 'pending', `${job.id}.json`), serializeJob(job));
    }
    writeFileSync(path.join(queueRoot, 'pending', `${notJson}.json`), '{"to": "mallory@evil.example", oops');
    const sendmail = new FakeSendmail(path.dirname(queueRoot));
    const relay = await startRelay({ built, queueRoot, sendmail });
    try {
      await relay.waitFor((event) => event.event === 'delivered' && event.id === fine.id, 5_000, 'the valid job delivered');
      await until(() => relay.events.filter((event) => event.event === 'failed').length === 4, 5_000, 'four jobs failed');
      const reasons = Object.fromEntries(
        [injected.id, badDate.id, notAllowed.id, notJson].map((id) => [id, relay.events.find((event) => event.event === 'failed' && event.id === id)?.reason]),
      );
      expect(reasons).toEqual({
        [injected.id]: 'invalid job: header_injection at to[0]',
        [badDate.id]: 'invalid job: bad acceptedAt',
        [notAllowed.id]: 'invalid job: sender_not_allowed at from.email',
        [notJson]: 'unreadable job file: not JSON',
      });
      expect(listQueue(queueRoot, 'failed')).toEqual([injected.id, badDate.id, notAllowed.id, notJson].map((id) => `${id}.json`).sort());
      expect(sendmail.deliveredIds()).toEqual([fine.id]);
      expect(allOutput(relay)).not.toContain('mallory');
    } finally {
      await reap(relay);
    }
  });
});

/** Splits a message into its header block (unfolded, keyed lower-case) and body. */
function parseEntity(text: string): { headers: Map<string, string>; body: string } {
  const split = text.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(split + 2) };
}

function decodePart(part: { headers: Map<string, string>; body: string }): string {
  const encoding = part.headers.get('content-transfer-encoding') ?? '7bit';
  if (encoding === 'quoted-printable') return libqp.decode(part.body).toString('utf8');
  if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('utf8');
  return part.body;
}

/** The parts of a multipart/alternative message, checked to be text/plain then text/html. */
function textThenHtml(raw: string): { headers: Map<string, string>; body: string }[] {
  const message = parseEntity(raw);
  const type = message.headers.get('content-type')!;
  expect(type).toMatch(/^multipart\/alternative; boundary="?([^";]+)"?$/);
  const boundary = /boundary="?([^";]+)"?/.exec(type)![1];
  const parts = message.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => parseEntity(chunk.replace(/^\n/, '')));
  expect(parts.map((part) => part.headers.get('content-type'))).toEqual(['text/plain; charset=utf-8', 'text/html; charset=utf-8']);
  return parts;
}

describe('both parts', () => {
  const shared = sharedRelay();

  const deliveredMessage = async (mail: Record<string, unknown>) => {
    const { relay, sendmail } = shared;
    const id = (await send(relay.port, validMail(mail))).json.id as string;
    await relay.waitFor((event) => event.event === 'delivered' && event.id === id, 5_000, 'delivered');
    return sendmail.records().find((record) => record.messageId === `${id}@example.com`)!.message;
  };

  test('html only -> multipart/alternative with a text/plain part derived from the HTML, then the HTML', async () => {
    const html = '<h1>Order 42</h1><p>Hello <b>Alice</b>, your order has shipped.</p><ul><li>Tea</li><li>Cups</li></ul><p><a href="https://example.com/track">Track it</a></p>';
    const parts = textThenHtml(await deliveredMessage({ text: undefined, html }));
    const text = decodePart(parts[0]);
    expect(text).toContain('ORDER 42');
    expect(text).toContain('Hello Alice, your order has shipped.');
    expect(text).toMatch(/\* Tea\n *\* Cups/);
    expect(text).toContain('Track it [https://example.com/track]');
    expect(text).not.toMatch(/<[a-z]/);
    expect(decodePart(parts[1]).trim()).toBe(html);
  });

  test('html of images only -> the text part carries their alt texts, never their src', async () => {
    const logo = `data:image/png;base64,${'A'.repeat(2000)}`;
    const html = `<p><img src="${logo}" alt="Your order 42 has shipped"></p><p><a href="https://example.com/track"><img src="track.png" alt="Track your parcel"></a></p>`;
    const parts = textThenHtml(await deliveredMessage({ text: undefined, html }));
    const text = decodePart(parts[0]);
    expect(text).toContain('Your order 42 has shipped');
    expect(text).toContain('Track your parcel [https://example.com/track]');
    expect(text).not.toContain('data:');
    expect(text).not.toContain('track.png');
  });

  test('html with no text at all (images without alt) -> 400 naming text; nothing queued', async () => {
    const { relay, queueRoot } = shared;
    const before = listQueue(queueRoot, 'pending').length + relay.events.filter((event) => event.event === 'enqueued').length;
    const response = await send(relay.port, validMail({ text: undefined, html: '<p><img src="a.png"> <img src="b.png" alt=""></p>' }));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      ok: false,
      error: {
        code: 'no_text',
        field: 'text',
        message: 'html has no text for the text/plain part (images without alt text?); give text as well',
      },
    });
    expect(listQueue(queueRoot, 'pending').length + relay.events.filter((event) => event.event === 'enqueued').length).toBe(before);
  });

  test('text only stays a single text/plain part', async () => {
    const message = parseEntity(await deliveredMessage({ text: 'Just text.', html: undefined }));
    expect(message.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(message.body.trim()).toBe('Just text.');
  });
});

describe('html-to-text off the event loop', () => {
  // The fixture's 4 KiB body limit raised to the default 512 KiB, the size the attack used.
  const shared = {} as { built: BuiltRelay; sendmail: FakeSendmail; relay: RelayProcess };
  beforeAll(async () => {
    shared.built = buildRelay(loadModel((text) => text.replace('bodyBytes: 4096', 'bodyBytes: 524288')));
    shared.sendmail = new FakeSendmail(shared.built.dir);
    shared.relay = await startRelay({ built: shared.built, queueRoot: newQueueRoot(shared.built.dir), sendmail: shared.sendmail });
  });
  afterAll(async () => {
    await reap(shared.relay);
    removeDir(shared.built.dir);
  });
  /** Many tiny elements just under the body limit: html-to-text needs about a second for it on an idle machine. */
  const heavyHtml = '<b>a</b>'.repeat(Math.floor((500 * 1024) / 8));

  interface Probe {
    sentAt: number;
    answeredAt: number;
    status: number;
  }
  const probe = async (port: number): Promise<Probe> => {
    const sentAt = performance.now();
    const response = await request(port, { method: 'GET', path: '/health' });
    return { sentAt, answeredAt: performance.now(), status: response.status };
  };

  test('GET /health keeps answering while crafted HTML at the body limit is converted', async () => {
    const { relay, sendmail } = shared;
    const body = JSON.stringify(validMail({ text: undefined, html: heavyHtml }));
    // The window: from the moment the whole body is on the wire until the job is delivered, which
    // covers the conversion wherever it runs (request path or delivery).
    let flushedAt = 0;
    let answeredAt = 0;
    const response = new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: relay.port, method: 'POST', path: '/send', headers: AUTH, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          answeredAt = performance.now();
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      });
      req.on('error', reject);
      req.end(body, () => (flushedAt = performance.now()));
    });
    await until(() => flushedAt > 0, 5_000, 'the body written');
    const probes: Probe[] = [];
    let delivered = false;
    let id = '';
    void response.then((r) => (id = r.status === 202 ? r.json.id : `none (${r.status})`));
    while (!delivered) {
      probes.push(await probe(relay.port));
      await new Promise((resolve) => setTimeout(resolve, 10));
      delivered = id !== "" && sendmail.deliveredIds().includes(id);
      if (performance.now() - flushedAt > 20_000) throw new Error(`not delivered: ${id} ${JSON.stringify(relay.events.slice(-3))}`);
    }
    const deliveredAt = performance.now();
    const sent = await response;
    expect(sent.status).toBe(202);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    // Order: health probes were answered while the conversion still ran, i.e. before the /send answer
    // that waits for it.
    expect(probes.filter((p) => p.answeredAt < answeredAt).length).toBeGreaterThanOrEqual(3);
    // Relative to the window measured here: no probe waited a third of it (a blocked loop makes one
    // probe wait for the whole conversion, which is most of the window).
    const window = deliveredAt - flushedAt;
    const longest = Math.max(...probes.map((p) => p.answeredAt - p.sentAt));
    expect(longest).toBeLessThan(window / 3);
    // The job got its text part from the conversion.
    const message = sendmail.records().find((record) => record.messageId === `${id}@example.com`)!.message;
    expect(decodePart(textThenHtml(message)[0]).trim()).toBe('a'.repeat(64_000));
  });
});

test('an HTML-only job queued by an older relay (no text part stored) is converted at delivery, in the worker thread', async () => {
  const built = buildRelay();
  try {
    const queueRoot = queueWithDirs(built.dir, 'legacy');
    const job = queuedJob({ text: null, html: '<p>Queued <b>before</b> the upgrade <img src="x.png" alt="logo"></p>' });
    writeFileSync(path.join(queueRoot, 'pending', `${job.id}.json`), serializeJob(job));
    const sendmail = new FakeSendmail(built.dir);
    const relay = await startRelay({ built, queueRoot, sendmail });
    try {
      await relay.waitFor((event) => event.event === 'delivered' && event.id === job.id, 10_000, 'legacy job delivered');
      const message = sendmail.records().find((record) => record.messageId === `${job.id}@example.com`)!.message;
      expect(decodePart(textThenHtml(message)[0]).trim()).toBe('Queued before the upgrade logo');
    } finally {
      await reap(relay);
    }
  } finally {
    removeDir(built.dir);
  }
});

describe('sendmail exit status: permanent or temporary', () => {
  const shared = sharedRelay({ QUEUE_MAX_ATTEMPTS: '3' });

  const LAST_LINE = `sendmail: fatal: bounces@example.com(1001): refused [31mred ${'0'.repeat(300)}`.slice(0, 200);

  const PERMANENT: [number, string][] = [
    [64, 'EX_USAGE'],
    [65, 'EX_DATAERR'],
    [66, 'EX_NOINPUT'],
    [67, 'EX_NOUSER'],
    [68, 'EX_NOHOST'],
    [70, 'EX_SOFTWARE'],
    [72, 'EX_OSFILE'],
    [73, 'EX_CANTCREAT'],
    [76, 'EX_PROTOCOL'],
    [77, 'EX_NOPERM'],
    [78, 'EX_CONFIG'],
  ];
  test.each(PERMANENT)('exit %i (%s) -> failed/ at once with the status and the last stderr line', async (code, name) => {
    const { relay, sendmail, queueRoot } = shared;
    sendmail.mode(`exit-${code}`);
    const id = (await send(relay.port, validMail())).json.id as string;
    const failed = await relay.waitFor((event) => event.id === id && (event.event === 'failed' || event.event === 'retry'), 5_000, 'outcome');
    const reason = `sendmail exited ${code} (${name}): ${LAST_LINE}`;
    expect(failed).toMatchObject({ event: 'failed', attempts: 1, exitStatus: code, permanent: true, reason });
    expect(parseJob(readFileSync(path.join(queueRoot, 'failed', `${id}.json`)))).toMatchObject({ attempts: 1, lastError: reason });
    expect(sendmail.records().filter((record) => record.messageId === `${id}@example.com`)).toHaveLength(1);
  });

  const TEMPORARY: [string, `exit-${number}` | 'signal', string][] = [
    ['exit 75 (EX_TEMPFAIL)', 'exit-75', `sendmail exited 75 (EX_TEMPFAIL): ${LAST_LINE}`],
    ['exit 71 (EX_OSERR)', 'exit-71', `sendmail exited 71 (EX_OSERR): ${LAST_LINE}`],
    ['exit 74 (EX_IOERR)', 'exit-74', `sendmail exited 74 (EX_IOERR): ${LAST_LINE}`],
    ['exit 69 (EX_UNAVAILABLE)', 'exit-69', `sendmail exited 69 (EX_UNAVAILABLE): ${LAST_LINE}`],
    ['exit 1 (not a sysexits code)', 'exit-1', `sendmail exited 1: ${LAST_LINE}`],
    ['killed by a signal', 'signal', 'sendmail killed by SIGKILL'],
  ];
  test.each(TEMPORARY)('%s -> retried with backoff, failed/ only after the last attempt', async (_what, mode, reason) => {
    const { relay, sendmail } = shared;
    sendmail.mode(mode);
    const id = (await send(relay.port, validMail())).json.id as string;
    const first = await relay.waitFor((event) => event.id === id && (event.event === 'failed' || event.event === 'retry'), 5_000, 'outcome');
    expect(first).toMatchObject({ event: 'retry', attempts: 1, reason });
    const failed = await relay.waitFor((event) => event.id === id && event.event === 'failed', 5_000, 'failed after the retries');
    expect(failed).toMatchObject({ attempts: 3, permanent: false, reason });
  });
});
