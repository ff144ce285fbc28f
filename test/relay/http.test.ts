// In-process tests of the HTTP front (src/relay/http.ts) for what the process tests cannot reach
// quickly: slow-client timeouts (headers, whole request) with short limits, a failing enqueue -> 503,
// and stop(): idle connections dropped, a request in flight finished with Connection: close.
import net from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { bearerChecker } from '../../src/relay/auth.js';
import { createRelayHttp, isJsonContentType, type RelayHttp } from '../../src/relay/http.js';
import { newJob, type Job } from '../../src/relay/job.js';
import type { LogFields, RelayEvent } from '../../src/relay/log.js';
import { RateLimiter } from '../../src/relay/rate-limit.js';
import type { MailRequest } from '../../src/relay/validate.js';
import { relayData } from '../../src/outputs/relay-server.js';
import { loadModel, request, TOKEN, validMail, AUTH } from './helpers/relay-process.js';

const data = relayData(loadModel());
let web: RelayHttp | null = null;
afterEach(async () => {
  await web?.stop();
  web = null;
});

async function start(enqueue: (mail: MailRequest) => Promise<Job>, logs: { event: RelayEvent; fields?: LogFields }[] = []) {
  web = createRelayHttp({
    data,
    checkToken: bearerChecker(TOKEN),
    limiter: new RateLimiter(0),
    authFailures: new RateLimiter(0),
    enqueue,
    log: (event, fields) => logs.push({ event, fields }),
    headersTimeoutMs: 300,
    requestTimeoutMs: 800,
    stopGraceMs: 500,
  });
  await web.listen('127.0.0.1', 0);
  return (web.server.address() as net.AddressInfo).port;
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
