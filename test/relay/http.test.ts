// In-process tests of the HTTP front (src/relay/http.ts) for what the process tests cannot reach
// quickly: slow-client timeouts (headers, whole request) with short limits, a failing enqueue -> 503,
// stop(): idle connections dropped, a request in flight finished with Connection: close; the connection
// cap under a flood, failed-authentication budgets behind a gateway, a caller gone before queueing (also
// while the queue is still opening, or behind a slow pipelined request), and keep-alive connections
// without a request cap.
import net from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { clientAuthenticator } from '../../src/relay/auth.js';
import { DEFAULT_MAX_CONNECTIONS, canonicalAddress, createRelayHttp, failureBucket, isJsonContentType, type HtmlConverter, type RelayHttp } from '../../src/relay/http.js';
import { HtmlToText } from '../../src/relay/html-worker.js';
import { newJob, type Job } from '../../src/relay/job.js';
import type { LogFields, RelayEvent } from '../../src/relay/log.js';
import { AUTH_FAILURES_PER_MINUTE, AUTH_FAILURES_PER_PEER_PER_MINUTE, ClientRateLimits, RateLimiter } from '../../src/relay/rate-limit.js';
import type { MailRequest } from '../../src/relay/validate.js';
import { relayData } from '../../src/outputs/relay-server.js';
import { AUTH, BUNDLE, ensureBundle, loadModel, request, TOKEN, validMail } from './helpers/relay-process.js';

const data = relayData(loadModel());
let web: RelayHttp | null = null;
afterEach(async () => {
  await web?.stop();
  web = null;
});

interface StartExtras {
  data?: typeof data;
  authFailures?: RateLimiter;
  peerAuthFailures?: RateLimiter;
  htmlToText?: HtmlConverter;
  maxConnections?: number;
  requestTimeoutMs?: number;
  queueReady?: () => Promise<void>;
}

async function start(enqueue: (mail: MailRequest) => Promise<Job>, logs: { event: RelayEvent; fields?: LogFields }[] = [], extras: StartExtras = {}) {
  web = createRelayHttp({
    data: extras.data ?? data,
    authenticate: clientAuthenticator([{ token: TOKEN, client: (extras.data ?? data).clients[0] }]),
    limiter: new ClientRateLimits([]),
    authFailures: extras.authFailures ?? new RateLimiter(0),
    peerAuthFailures: extras.peerAuthFailures,
    enqueue,
    htmlToText: extras.htmlToText ?? {
      budgetMs: 1000,
      convert: async () => {
        throw new Error('no HTML expected in this test');
      },
    },
    log: (event, fields) => logs.push({ event, fields }),
    headersTimeoutMs: 300,
    requestTimeoutMs: extras.requestTimeoutMs ?? 800,
    stopGraceMs: 500,
    maxConnections: extras.maxConnections,
    queueReady: extras.queueReady,
  });
  await web.listen('127.0.0.1', 0);
  return (web.server.address() as net.AddressInfo).port;
}

/** The log entry of a request whose caller left before its job was written. */
const CLIENT_GONE = { event: 'client_gone', fields: { reason: 'the caller disconnected before its mail was queued; nothing queued' } };

/** An enqueue that records the mail it was given. */
function recorder() {
  const queued: MailRequest[] = [];
  const enqueue = async (mail: MailRequest): Promise<Job> => {
    queued.push(mail);
    return newJob(mail);
  };
  return { queued, enqueue };
}

/** Writes `parts` with pauses and returns what comes back until the server closes. */
function slowClient(port: number, parts: string[], pauseMs: number): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    let i = 0;
    const next = () => {
      if (i < parts.length && !socket.destroyed) {
        socket.write(parts[i++]);
        setTimeout(next, pauseMs);
      }
    };
    next();
  });
}

test('isJsonContentType', () => {
  expect(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset="UTF-8"', 'application/json; foo=bar'].map(isJsonContentType)).toEqual([true, true, true, true]);
  expect([undefined, '', 'text/json', 'application/json; charset=iso-8859-1', 'application/json+x'].map(isJsonContentType)).toEqual([false, false, false, false, false]);
});

test('headers that trickle in past headersTimeout -> 408 JSON and the connection closed', async () => {
  const port = await start(async (mail) => newJob(mail));
  const parts = ['POST /send HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n', 'X-E: 5\r\n'];
  const { text, ms } = await slowClient(port, parts, 200);
  expect(text).toMatch(/^HTTP\/1\.1 408 /);
  expect(text).toContain('{"ok":false,"error":{"code":"request_timeout","message":"request timed out"}}');
  expect(ms).toBeLessThan(2000);
});

test('a body that trickles in past requestTimeout -> 408 and closed', async () => {
  const port = await start(async (mail) => newJob(mail));
  const head = `POST /send HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
  const { text, ms } = await slowClient(port, [head, ...Array(20).fill('{')], 150);
  expect(text).toMatch(/^HTTP\/1\.1 408 /);
  expect(ms).toBeLessThan(3000);
});

test('an enqueue that fails -> 503 queue_unavailable with Retry-After; nothing about the cause leaks', async () => {
  const port = await start(async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, open /var/spool/x/pending/.y.tmp'), { code: 'ENOSPC' });
  });
  const response = await request(port, { headers: AUTH, body: JSON.stringify(validMail()) });
  expect(response.status).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.json).toEqual({ ok: false, error: { code: 'queue_unavailable', message: 'the job could not be stored durably; it was not queued, retry later' } });
  expect(response.text).not.toContain('ENOSPC');
});

test('stop(): a request in flight finishes (202, Connection: close), idle connections go, new ones are refused', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const port = await start(async (mail) => {
    await gate;
    return newJob(mail);
  });
  // An idle keep-alive connection.
  const idle = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => idle.once('connect', resolve));
  const idleClosed = new Promise((resolve) => idle.once('close', resolve));
  const inFlight = request(port, { headers: AUTH, body: JSON.stringify(validMail()) });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stopped = web!.stop();
  await idleClosed;
  await expect(request(port, { method: 'GET', path: '/health' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  release();
  const response = await inFlight;
  expect(response.status).toBe(202);
  expect(response.headers.connection).toBe('close');
  await stopped;
  web = null;
});

/** Writes one HTTP/1.1 request on an open socket and reads one response (Content-Length framed). */
function exchange(socket: net.Socket, raw: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/^content-length: *(\d+)$/im.exec(buffer.slice(0, end))?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve({ status: Number(buffer.slice(9, 12)), body: buffer.slice(end + 4, end + 4 + length) });
    };
    const onClose = () => reject(new Error(`closed after ${JSON.stringify(buffer)}`));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(raw);
  });
}

const connect = (port: number): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });

const sendRaw = (body: string) =>
  `POST /send HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const closed = (socket: net.Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

test('at the cap a new connection takes the place of the oldest that never sent a request; a served keep-alive client stays', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const port = await start(async (mail) => newJob(mail), logs, { maxConnections: 3 });
  const post = sendRaw(JSON.stringify(validMail()));
  const client = await connect(port);
  expect((await exchange(client, post)).status).toBe(202);
  // Two connections that send nothing fill the cap.
  const silent = [await connect(port), await connect(port)];
  let silentBytes = '';
  for (const socket of silent) socket.on('data', (chunk) => (silentBytes += chunk.toString()));
  // A fourth caller is served: the oldest silent connection made room, closed without a byte.
  const health = await request(port, { method: 'GET', path: '/health' });
  expect([health.status, health.text]).toEqual([200, '{"status":"ok"}']);
  await closed(silent[0]);
  expect(silentBytes).toBe('');
  expect(silent[1].destroyed).toBe(false);
  // The served keep-alive client kept its connection.
  const again = await exchange(client, post);
  expect(again.status).toBe(202);
  expect(JSON.parse(again.body)).toMatchObject({ ok: true, queued: true });
  expect(logs.filter((entry) => entry.event === 'connections_capped')).toEqual([{ event: 'connections_capped', fields: { limit: 3 } }]);
  client.destroy();
  silent[1].destroy();
});

test('at the cap with every connection mid-request a new one is closed unanswered; logged once however often', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered = 0;
  const port = await start(
    async (mail) => {
      entered++;
      await gate;
      return newJob(mail);
    },
    logs,
    { maxConnections: 2 },
  );
  const body = JSON.stringify(validMail());
  const inFlight = [request(port, { headers: AUTH, body }), request(port, { headers: AUTH, body })];
  await until(() => entered === 2);
  for (let i = 0; i < 2; i++) {
    const extra = net.connect(port, '127.0.0.1');
    let received = '';
    extra.on('data', (chunk) => (received += chunk.toString()));
    extra.on('error', () => undefined);
    extra.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed(extra);
    expect(received).toBe('');
  }
  release();
  expect((await Promise.all(inFlight)).map((response) => response.status)).toEqual([202, 202]);
  expect(logs.filter((entry) => entry.event === 'connections_capped')).toEqual([{ event: 'connections_capped', fields: { limit: 2 } }]);
  // A freed slot is usable again.
  expect((await request(port, { method: 'GET', path: '/health' })).status).toBe(200);
});

test('a flood that keeps more unauthenticated connections open than the cap does not lock out an authenticated caller', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const cap = 16;
  const port = await start(async (mail) => newJob(mail), logs, { maxConnections: cap });
  // Like the attack: cap + 4 sockets that send a request line, never finish the headers, and reconnect
  // the moment the relay closes one.
  const flood = new Set<net.Socket>();
  let floodClosed = 0;
  let flooding = true;
  const floodOne = () => {
    const socket = net.connect(port, '127.0.0.1');
    flood.add(socket);
    socket.on('connect', () => socket.write('POST /send HTTP/1.1\r\nHost: x\r\n'));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      flood.delete(socket);
      floodClosed++;
      if (flooding) setImmediate(floodOne);
    });
  };
  for (let i = 0; i < cap + 4; i++) floodOne();
  // The cap is reached and the flood is being closed and reconnecting.
  await until(() => floodClosed >= cap);
  const body = JSON.stringify(validMail());
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    statuses.push(await request(port, { headers: AUTH, body }).then((response) => response.status, () => 0));
  }
  flooding = false;
  for (const socket of flood) socket.destroy();
  expect(statuses).toEqual(Array(10).fill(202));
  expect(logs.filter((entry) => entry.event === 'connections_capped')).toEqual([{ event: 'connections_capped', fields: { limit: cap } }]);
});

test('the default connection cap and slow-client timeouts are set', async () => {
  web = createRelayHttp({
    data,
    authenticate: clientAuthenticator([{ token: TOKEN, client: data.clients[0] }]),
    limiter: new ClientRateLimits([]),
    authFailures: new RateLimiter(0),
    enqueue: async (mail) => newJob(mail),
    htmlToText: { budgetMs: 1000, convert: async (html) => html },
    log: () => undefined,
  });
  const { server } = web;
  expect([web.maxConnections, server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([DEFAULT_MAX_CONNECTIONS, 10_000, 30_000, 5_000]);
  // No per-connection request cap (see the comment in createRelayHttp).
  expect(server.maxRequestsPerSocket).toBe(0);
  expect(DEFAULT_MAX_CONNECTIONS).toBeGreaterThan(0);
});

test('failed authentications from IPv6 callers share one budget per /64; IPv4 callers keep one per address', async () => {
  const port = await start(async (mail) => newJob(mail), [], {
    data: { ...data, gatewayPeers: ['127.0.0.1'] },
    authFailures: new RateLimiter(AUTH_FAILURES_PER_MINUTE, () => 0),
  });
  const wrong = (from: string) =>
    request(port, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef0123456789', 'content-type': 'application/json', 'x-real-ip': from }, body: '{}' }).then((r) => r.status);
  const spend = async (from: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE; i++) statuses.push(await wrong(from));
    return statuses;
  };
  expect(await spend('2001:db8:1:2::a')).toEqual(Array(AUTH_FAILURES_PER_MINUTE).fill(401));
  // Same /64, other interface identifiers and spellings: the budget is spent.
  expect(await wrong('2001:db8:1:2:ffff:ffff:ffff:b')).toBe(429);
  expect(await wrong('2001:0DB8:0001:0002:0:0:0:c')).toBe(429);
  // The neighbouring /64 has its own budget.
  expect(await wrong('2001:db8:1:3::a')).toBe(401);
  // IPv4: one address spent, the next address untouched.
  expect(await spend('192.0.2.1')).toEqual(Array(AUTH_FAILURES_PER_MINUTE).fill(401));
  expect(await wrong('192.0.2.1')).toBe(429);
  expect(await wrong('192.0.2.2')).toBe(401);
});

test('behind a gateway, made-up X-Real-IP values share the peer budget; the right token still passes', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const port = await start(async (mail) => newJob(mail), logs, {
    data: { ...data, gatewayPeers: ['127.0.0.1'] },
    // A stopped clock: no budget refills while the test runs, however slow the machine.
    authFailures: new RateLimiter(AUTH_FAILURES_PER_MINUTE, () => 0),
    peerAuthFailures: new RateLimiter(AUTH_FAILURES_PER_PEER_PER_MINUTE, () => 0),
  });
  const wrong = (from: string) =>
    request(port, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef0123456789', 'content-type': 'application/json', 'x-real-ip': from }, body: '{}' }).then((r) => r.status);
  // Every attempt from a fresh forwarded address, alternating IPv6 /64s and IPv4 addresses.
  const statuses: number[] = [];
  for (let i = 0; i < AUTH_FAILURES_PER_PEER_PER_MINUTE + 10; i++) statuses.push(await wrong(i % 2 ? `2001:db8:9:${i}::1` : `203.0.113.${i}`));
  expect(statuses.filter((status) => status === 401)).toHaveLength(AUTH_FAILURES_PER_PEER_PER_MINUTE);
  expect(statuses.slice(AUTH_FAILURES_PER_PEER_PER_MINUTE)).toEqual(Array(10).fill(429));
  expect(logs.filter((entry) => entry.event === 'auth_throttled')).toEqual([
    { event: 'auth_throttled', fields: { source: `203.0.113.${AUTH_FAILURES_PER_PEER_PER_MINUTE}`, peer: '127.0.0.1', retryAfterSeconds: 1 } },
  ]);
  // Failed authentications cost only failed authentications: the real caller behind the gateway is served.
  const legit = await request(port, { headers: { ...AUTH, 'x-real-ip': '203.0.113.200' }, body: JSON.stringify(validMail()) });
  expect(legit.status).toBe(202);
});

test('forwarded addresses are read in any spelling: brackets, long form, IPv4-mapped, NAT64', async () => {
  const port = await start(async (mail) => newJob(mail), [], {
    data: { ...data, gatewayPeers: ['127.0.0.1'] },
    authFailures: new RateLimiter(AUTH_FAILURES_PER_MINUTE, () => 0),
  });
  const wrong = (from: string) =>
    request(port, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef0123456789', 'content-type': 'application/json', 'x-real-ip': from }, body: '{}' }).then((r) => r.status);
  const spend = async (from: string, times = AUTH_FAILURES_PER_MINUTE) => {
    for (let i = 0; i < times; i++) expect(await wrong(from)).toBe(401);
  };
  await spend('[2001:db8:9:1::1]');
  // A bracketed address is read, not replaced by the gateway peer (loopback, still untouched here).
  expect(await wrong('::1')).toBe(401);
  expect(await wrong('2001:db8:9:1::2')).toBe(429);
  await spend('::ffff:198.51.100.7');
  expect(await wrong('64:ff9b::c633:6407')).toBe(429);
  expect(await wrong('198.51.100.7')).toBe(429);
  // The loopback budget less the one the probe above spent.
  await spend('0:0:0:0:0:0:0:1', AUTH_FAILURES_PER_MINUTE - 1);
  expect(await wrong('::ffff:127.0.0.1')).toBe(429);
  expect(await wrong('127.0.0.2')).toBe(429);
});

test('canonicalAddress: one spelling per address; IPv4 carried in IPv6 is the IPv4 address', () => {
  expect(
    ['0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:203.0.113.7', '[2001:DB8:9:1::1]', '64:ff9b::cb00:7107', '64:ff9b::203.0.113.7', '2002:cb00:7107:5::1', 'fe80::1%eth0', ' 192.0.2.1 '].map(canonicalAddress),
  ).toEqual(['::1', '127.0.0.1', '203.0.113.7', '2001:db8:9:1::1', '203.0.113.7', '203.0.113.7', '203.0.113.7', 'fe80::1', '192.0.2.1']);
  // Not addresses: the legacy shorthand forms ipaddr.js would take, a list, junk.
  expect(['127.1', '0x7f.0.0.1', '192.0.2.1, 192.0.2.2', 'localhost', ''].map(canonicalAddress)).toEqual([null, null, null, null, null]);
});

test('failureBucket: IPv6 by /64 (any spelling), IPv4 per address, loopback as one', () => {
  expect(['0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '[::1]'].map(failureBucket)).toEqual(['loopback', 'loopback', 'loopback']);
  expect(['::ffff:203.0.113.7', '64:ff9b::203.0.113.7'].map(failureBucket)).toEqual(['203.0.113.7', '203.0.113.7']);
  expect(failureBucket('[2001:db8:9:1::1]')).toBe('2001:db8:9:1::/64');
  expect(failureBucket('2001:db8:1:2::a')).toBe(failureBucket('2001:0db8:0001:0002:abcd:0:0:1'));
  expect(failureBucket('2001:db8:1:2::a')).not.toBe(failureBucket('2001:db8:1:3::a'));
  expect(failureBucket('fe80::1%eth0')).toBe(failureBucket('fe80::2'));
  expect(failureBucket('192.0.2.1')).toBe('192.0.2.1');
  expect(failureBucket('192.0.2.1')).not.toBe(failureBucket('192.0.2.2'));
  expect([failureBucket('127.0.0.5'), failureBucket('::1')]).toEqual(['loopback', 'loopback']);
});

test('a caller that hangs up while its text part is made gets nothing queued; a caller that stays does', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const { queued, enqueue } = recorder();
  let converting!: () => void;
  const started = new Promise<void>((resolve) => (converting = resolve));
  const port = await start(
    enqueue,
    logs,
    {
      htmlToText: {
        budgetMs: 1000,
        // A conversion already running when its caller goes away: it finishes (with text) regardless.
        convert: (html, signal) => {
          if (html.includes('stays')) return Promise.resolve('stays');
          converting();
          return new Promise((resolve) => signal!.addEventListener('abort', () => resolve('converted'), { once: true }));
        },
      },
    },
  );
  const client = await connect(port);
  client.on('error', () => undefined);
  client.write(sendRaw(JSON.stringify(validMail({ text: undefined, html: '<p>hangs up</p>' }))));
  await started;
  client.destroy();
  await until(() => logs.some((entry) => entry.event === 'client_gone') || queued.length > 0);
  expect(queued).toEqual([]);
  expect(logs.filter((entry) => entry.event === 'client_gone')).toEqual([CLIENT_GONE]);
  const stays = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: undefined, html: '<p>stays</p>' })) });
  expect(stays.status).toBe(202);
  expect(queued.map((mail) => mail.text)).toEqual(['stays']);
});

test('at the cap a connection whose pipelined request is still in progress is not taken for idle once the earlier one is answered', async () => {
  const { queued, enqueue } = recorder();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let secondStarted!: () => void;
  const second = new Promise<void>((resolve) => (secondStarted = resolve));
  const port = await start(enqueue, [], {
    maxConnections: 1,
    htmlToText: {
      budgetMs: 1000,
      convert: async (html) => {
        if (html.includes('first')) return 'first';
        secondStarted();
        await released;
        return 'second';
      },
    },
  });
  const client = await connect(port);
  let answers = '';
  client.on('data', (chunk) => (answers += chunk.toString()));
  const html = (word: string) => JSON.stringify(validMail({ subject: word, text: undefined, html: `<p>${word}</p>` }));
  client.write(sendRaw(html('first')) + sendRaw(html('second')));
  await second;
  await until(() => answers.includes('HTTP/1.1 202'));
  // The first is answered, the second still converting: a newcomer at the cap finds no room.
  const newcomer = net.connect(port, '127.0.0.1');
  newcomer.on('error', () => undefined);
  await closed(newcomer);
  release();
  await until(() => (answers.match(/HTTP\/1\.1 202/g) ?? []).length === 2 || client.destroyed);
  expect(queued.map((mail) => mail.subject)).toEqual(['first', 'second']);
  expect(client.destroyed).toBe(false);
  client.destroy();
});

const openConnections = () => new Promise<number>((resolve, reject) => web!.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

test('a request pipelined behind a slow one is not queued before its answer can go out: the caller hanging up meanwhile gets nothing queued', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const { queued, enqueue } = recorder();
  let converting!: () => void;
  const started = new Promise<void>((resolve) => (converting = resolve));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const port = await start(enqueue, logs, {
    htmlToText: {
      budgetMs: 1000,
      // The first request's text part takes a while; the caller's abort does not cut it short here.
      convert: async () => {
        converting();
        await finished;
        return 'slow';
      },
    },
  });
  const client = await connect(port);
  client.on('error', () => undefined);
  // Two requests in one write: the second is read and checked while the first is still converting.
  client.write(sendRaw(JSON.stringify(validMail({ text: undefined, html: '<p>slow</p>' }))) + sendRaw(JSON.stringify(validMail({ subject: 'pipelined' }))));
  await started;
  // Give the second request every chance to reach the queue while its answer waits behind the first.
  await new Promise((resolve) => setTimeout(resolve, 100));
  client.destroy();
  await closed(client);
  // The relay has seen the connection close before the first request's text part is done.
  while ((await openConnections()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  finish();
  await until(() => logs.filter((entry) => entry.event === 'client_gone').length === 2 || queued.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(queued).toEqual([]);
  expect(logs.filter((entry) => entry.event === 'client_gone')).toEqual([CLIENT_GONE, CLIENT_GONE]);
});

test('pipelined requests from a caller that stays are queued and answered in order', async () => {
  const { queued, enqueue } = recorder();
  const port = await start(enqueue, [], {
    htmlToText: { budgetMs: 1000, convert: () => new Promise((resolve) => setTimeout(() => resolve('slow'), 100)) },
  });
  const client = await connect(port);
  let answers = '';
  client.on('data', (chunk) => (answers += chunk.toString()));
  client.write(sendRaw(JSON.stringify(validMail({ subject: 'first', text: undefined, html: '<p>slow</p>' }))) + sendRaw(JSON.stringify(validMail({ subject: 'second' }))));
  await until(() => (answers.match(/HTTP\/1\.1 202/g) ?? []).length === 2);
  expect(queued.map((mail) => mail.subject)).toEqual(['first', 'second']);
  client.destroy();
});

test('a caller that hangs up or half-closes while its request waits for the queue gets nothing queued; a caller that stays does', async () => {
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  const { queued, enqueue } = recorder();
  // The queue still opening (start-up recovery): every request waits here, before the write.
  let open!: () => void;
  const opening = new Promise<void>((resolve) => (open = resolve));
  let waiting = 0;
  const queueReady = () => {
    waiting++;
    return opening;
  };
  const port = await start(enqueue, logs, { queueReady });
  const body = (subject: string) => JSON.stringify(validMail({ subject }));
  // One caller drops the connection, one shuts down its sending side (FIN) and keeps reading.
  const hangs = await connect(port);
  hangs.on('error', () => undefined);
  hangs.write(sendRaw(body('hangs up')));
  await until(() => waiting === 1);
  hangs.destroy();
  const halfCloses = await connect(port);
  let halfCloseAnswer = '';
  halfCloses.on('data', (chunk) => (halfCloseAnswer += chunk.toString()));
  halfCloses.on('error', () => undefined);
  halfCloses.write(sendRaw(body('half-closes')));
  await until(() => waiting === 2);
  halfCloses.end();
  await closed(halfCloses);
  // The relay has seen both connections close before the queue opens.
  while ((await openConnections()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const stays = request(port, { headers: AUTH, body: body('stays') });
  await until(() => waiting === 3);
  open();
  const response = await stays;
  expect(response.status).toBe(202);
  expect(response.json).toMatchObject({ ok: true, queued: true });
  expect(queued.map((mail) => mail.subject)).toEqual(['stays']);
  expect(halfCloseAnswer).toBe('');
  expect(logs.filter((entry) => entry.event === 'client_gone')).toEqual([CLIENT_GONE, CLIENT_GONE]);
});

test('a queue that cannot open -> 503 queue_unavailable, nothing queued', async () => {
  const { queued, enqueue } = recorder();
  const port = await start(enqueue, [], { queueReady: async () => Promise.reject(new Error('EACCES: permission denied, mkdir /var/spool/x')) });
  const response = await request(port, { headers: AUTH, body: JSON.stringify(validMail()) });
  expect([response.status, response.headers['retry-after']]).toEqual([503, '5']);
  expect(response.json).toEqual({ ok: false, error: { code: 'queue_unavailable', message: 'the job could not be stored durably; it was not queued, retry later' } });
  expect(queued).toEqual([]);
});

test('one keep-alive connection carries any number of requests: no per-connection cap closes it', async () => {
  const port = await start(async (mail) => newJob(mail));
  const client = await connect(port);
  const post = sendRaw(JSON.stringify(validMail()));
  // Past the request caps admins know from other servers (Apache's 100 by default).
  const statuses: number[] = [];
  for (let i = 0; i < 150; i++) statuses.push((await exchange(client, i % 10 === 0 ? post : 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n')).status);
  expect(statuses).toEqual(Array.from({ length: 150 }, (_, i) => (i % 10 === 0 ? 202 : 200)));
  expect(client.destroyed).toBe(false);
  client.destroy();
});

test('text of only white space next to html: the text part is made from the html', async () => {
  const { queued, enqueue } = recorder();
  const port = await start(
    enqueue,
    [],
    { htmlToText: { budgetMs: 1000, convert: async (html) => `from ${html}` } },
  );
  const response = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: ' ', html: '<p>Hi</p>' })) });
  expect(response.status).toBe(202);
  expect(queued.map((mail) => [mail.text, mail.html])).toEqual([['from <p>Hi</p>', '<p>Hi</p>']]);
});

test('text that shows nothing -> 400 no_text: given alone, or made from html of zero-width characters; nothing queued', async () => {
  const { queued, enqueue } = recorder();
  const port = await start(enqueue, [], { htmlToText: { budgetMs: 1000, convert: async () => '\u200B\u2800\n\u3164' } });
  const given = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: '\u200B\u200D\uFEFF \u2800' })) });
  expect([given.status, given.json]).toEqual([
    400,
    { ok: false, error: { code: 'no_text', field: 'text', message: 'text has nothing to read (only white space or invisible characters); give text with words in it, or html' } },
  ]);
  const derived = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: '\u2060', html: '<p>&#8203;</p>' })) });
  expect([derived.status, derived.json]).toEqual([
    400,
    { ok: false, error: { code: 'no_text', field: 'text', message: 'html has no text for the text/plain part (images without alt text?); give text as well' } },
  ]);
  expect(queued).toEqual([]);
});

describe('html-to-text in a worker thread with a time budget', () => {
  let converter: HtmlToText | null = null;
  afterEach(async () => {
    await converter?.close();
    converter = null;
  });

  test('html that cannot be converted within the budget -> 422 naming html; the next html-only request is converted', async () => {
    ensureBundle();
    // A budget a cold worker meets easily for a small page even on a loaded machine, and markup that
    // takes html-to-text many times longer on any machine (about 5 MB of tiny elements, under a
    // body limit raised for this test).
    converter = new HtmlToText({ script: BUNDLE, budgetMs: 1_000 });
    const { queued, enqueue } = recorder();
    const port = await start(
      enqueue,
      [],
      { htmlToText: converter, data: { ...data, limits: { ...data.limits, bodyBytes: 8 * 1024 * 1024 } }, requestTimeoutMs: 30_000 },
    );
    const heavy = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: undefined, html: '<b>a</b>'.repeat(600_000) })) });
    expect(heavy.status).toBe(422);
    expect(heavy.json).toEqual({
      ok: false,
      error: {
        code: 'html_too_complex',
        field: 'html',
        message: 'html could not be turned into the text/plain part within 1 s; simplify it or give text as well',
      },
    });
    // The budget stopped that worker; a fresh one converts the next request.
    const light = await request(port, { headers: AUTH, body: JSON.stringify(validMail({ text: undefined, html: '<p>Hello <b>Alice</b></p>' })) });
    expect(light.status).toBe(202);
    expect(queued.map((mail) => [mail.text, mail.html])).toEqual([['Hello Alice', '<p>Hello <b>Alice</b></p>']]);
  });
});
