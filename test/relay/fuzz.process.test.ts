// Seeded fuzz of the built server.js (issue 5 item 5): 5,000 random or malformed requests (mutated JSON,
// random bytes, wrong types, control characters, odd methods/paths/headers, oversized and chunked
// bodies, raw non-HTTP garbage). Every answer must be 2xx, 4xx or 503 with a JSON error body and no
// stack trace; the server must stay up; every 202 must be a durable job whose MIME (built by the same
// src/relay/mime.ts the bundle carries) is well-formed with no injected header. The worker is parked on
// a sleeping sendmail meanwhile, so the run measures the HTTP side and not hundreds of process spawns.
// Seed: RELAY_FUZZ_SEED (default 0x5eed), printed on failure so a run can be replayed.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseJob } from '../../src/relay/job.js';
import { buildMessage } from '../../src/relay/mime.js';
import { isVisiblyEmpty } from '../../src/relay/visible.js';
import { rng, type Rng } from '../helpers/prng.js';
import {
  buildRelay,
  FakeSendmail,
  listQueue,
  newQueueRoot,
  reap,
  removeDir,
  request,
  startRelay,
  TOKEN,
  type BuiltRelay,
  type RelayProcess,
} from './helpers/relay-process.js';

const SEED = Number(process.env.RELAY_FUZZ_SEED ?? 0x5eed);
const TOTAL = 5000;
const LIMIT = 4096;
const ALLOWED = new Set([200, 202, 400, 401, 404, 405, 408, 413, 415, 429, 431, 503]);


const NASTY = ['\r', '\n', '\r\n', '\0', '\x07', '\x1b', '\u2028', '\ufeff', '\ud800', '"', '\\', '<', '>', ',', ';', ':', '@', ' ', '\t', '😀', 'é', '%0d%0a', 'Bcc: victim@example.net'];

function randomString(r: Rng, max = 40): string {
  let out = '';
  const length = r.int(max);
  for (let i = 0; i < length; i++) {
    const roll = r.next();
    if (roll < 0.15) out += r.pick(NASTY);
    else if (roll < 0.25) out += String.fromCodePoint(r.int(0x2fff));
    else out += String.fromCharCode(32 + r.int(95));
  }
  return out;
}

function randomValue(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return randomString(r);
    case 1:
      return r.int(2) ? r.int(1e9) : -r.next() * 1e308;
    case 2:
      return r.int(2) === 0;
    case 3:
      return null;
    case 4:
      return `${randomString(r, 10)}@${r.pick(['example.org', 'example.com', 'x', '[1.2.3.4]', 'ex ample.org'])}`;
    case 5:
      return Array.from({ length: r.int(6) }, () => randomValue(r, depth + 1));
    case 6:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [randomString(r, 8), randomValue(r, depth + 1)]));
    default:
      return { path: '/etc/passwd', href: 'http://127.0.0.1:1/' };
  }
}

// A valid request's text must show something: white space and invisible characters alone are refused (no_text).
const readable = (text: string) => (isVisiblyEmpty(text) ? `text${text}` : text);

const valid = (r: Rng) => ({
  to: r.int(3) ? `user${r.int(1000)}@example.org` : [`a${r.int(99)}@example.org`, `b${r.int(99)}@mail.example.net`],
  from: r.pick([{ email: 'support@example.com' }, { email: 'noreply@example.com', name: 'Ünïcode Näme' }, { email: 'hello@other.example' }]),
  subject: r.pick(['Receipt', 'Grüße', '件名', 'x'.repeat(40)]),
  ...(r.int(2) ? { text: readable(randomString(r, 200).replace(/[\ud800-\udfff]/g, '')) } : { html: '<p>hi</p>' }),
});

function mutate(r: Rng): unknown {
  const body: Record<string, unknown> = valid(r);
  const fields = ['to', 'from', 'replyTo', 'subject', 'text', 'html', 'cc', 'bcc', 'headers', '__proto__', 'constructor'];
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const field = r.pick(fields);
    const roll = r.int(4);
    if (roll === 0) delete body[field];
    else if (roll === 1) body[field] = randomValue(r);
    else if (roll === 2 && field === 'from') body.from = { email: randomValue(r), name: randomValue(r) };
    else body[field] = `${String(body[field] ?? '')}${r.pick(NASTY)}${randomString(r, 10)}`;
  }
  return body;
}

interface Plan {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  chunked?: boolean;
}

function plan(r: Rng): Plan {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const roll = r.next();
  const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null');
  if (roll < 0.06) return { kind: 'valid', method: 'POST', path: '/send', headers: auth, body: json(valid(r)) };
  if (roll < 0.45) return { kind: 'mutated', method: 'POST', path: '/send', headers: auth, body: json(mutate(r)) };
  if (roll < 0.55) return { kind: 'random-json', method: 'POST', path: '/send', headers: auth, body: json(randomValue(r)) };
  if (roll < 0.62) {
    const bytes = Buffer.alloc(r.int(300));
    for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256);
    return { kind: 'random-bytes', method: 'POST', path: '/send', headers: auth, body: bytes };
  }
  if (roll < 0.66) {
    const size = LIMIT + 1 + r.int(3 * LIMIT);
    return { kind: 'oversize', method: 'POST', path: '/send', headers: auth, body: Buffer.alloc(size, 0x7b), chunked: r.int(2) === 0 };
  }
  if (roll < 0.76) {
    const headers: Record<string, string> = {};
    if (r.int(2)) headers['content-type'] = r.pick(['application/json', 'text/plain', 'application/json; charset=utf-16', '', 'application/json;;;']);
    if (r.int(2)) headers.authorization = r.pick([`Bearer ${TOKEN}`, `Bearer ${TOKEN.slice(1)}`, 'Bearer', `bearer ${TOKEN}`, `Basic ${TOKEN}`, 'Bearer \u00ff']);
    return { kind: 'headers', method: 'POST', path: '/send', headers, body: json(valid(r)) };
  }
  if (roll < 0.88) {
    const method = r.pick(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'POST', 'TRACE']);
    const path = r.pick(['/', '/health', '/send', '/send?x=1', '/health?y', '//send', '/send/..', '/%2e%2e/etc/passwd', `/${'a'.repeat(r.int(3000))}`, '/send#frag']);
    return { kind: 'route', method, path, headers: r.int(2) ? auth : {}, body: r.int(2) ? json(valid(r)) : undefined };
  }
  return { kind: 'raw', method: '', path: '', headers: {} };
}

function rawGarbage(r: Rng): Buffer {
  const options = [
    () => 'GARBAGE\r\n\r\n',
    () => `POST /send HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    () => `POST /send HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n\r\nzz\r\nnot hex\r\n0\r\n\r\n`,
    () => `GET /health HTTP/1.1\r\nBad Header\r\n\r\n`,
    () => `GET /health HTTP/9.9\r\n\r\n`,
    () => `GET /he\x00alth HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `POST /send HTTP/1.1\r\nContent-Length: -1\r\n\r\n`,
    () => `POST /send HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n`,
    () => `GET /health HTTP/1.1\r\nX: ${'y'.repeat(20_000)}\r\n\r\n`,
    () => `GET /health HTTP/1.0\r\n\r\n`,
    () => `GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /send HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => randomString(r, 200) + '\r\n\r\n',
  ];
  return Buffer.from(r.pick(options)(), 'latin1');
}

/** Sends raw bytes, half-closes, returns what came back (status line or nothing). */
function sendRaw(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (data) => (text += data.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on('error', () => undefined);
    socket.end(bytes);
  });
}

let built: BuiltRelay;
let sendmail: FakeSendmail;
let relay: RelayProcess;
let queueRoot: string;

beforeAll(async () => {
  built = buildRelay();
  sendmail = new FakeSendmail(built.dir);
  queueRoot = newQueueRoot(built.dir);
  sendmail.mode('sleep-600');
  relay = await startRelay({ built, queueRoot, sendmail, env: { SENDMAIL_TIMEOUT_MS: '900000' } });
});
afterAll(async () => {
  await reap(relay);
  removeDir(built.dir);
});

test(`seeded fuzz: ${TOTAL} random or malformed requests -> only 2xx/4xx/503, JSON errors, the server stays up`, async () => {
  const r = rng(SEED);
  const plans = Array.from({ length: TOTAL }, () => plan(r));
  const raws = plans.map((p) => (p.kind === 'raw' ? rawGarbage(r) : null));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  const accepted: string[] = [];
  let index = 0;

  const one = async (i: number) => {
    const p = plans[i];
    if (p.kind === 'raw') {
      const text = await sendRaw(relay.port, raws[i]!);
      const statusLines = [...text.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]));
      for (const status of statusLines) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (!ALLOWED.has(status)) problems.push(`#${i} raw: status ${status}: ${JSON.stringify(raws[i]!.toString('latin1').slice(0, 80))}`);
      }
      if (/\n\s+at |node:internal|Error: /.test(text)) problems.push(`#${i} raw: stack-like text in ${JSON.stringify(text.slice(0, 200))}`);
      return;
    }
    // Node's client sends a GET/DELETE/OPTIONS body without a length unless told: say it, or the body
    // would reach the server as a second (garbage) request on the wire.
    const headers = p.body && !p.chunked ? { ...p.headers, 'content-length': String(p.body.length) } : p.headers;
    const response = await new Promise<{ status: number; text: string; type: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: relay.port, method: p.method, path: p.path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type']) }));
      });
      req.on('error', reject);
      if (p.body && p.chunked) {
        // Chunked, in pieces, no Content-Length.
        for (let at = 0; at < p.body.length; at += 1000) req.write(p.body.subarray(at, at + 1000));
        req.end();
      } else {
        req.end(p.body);
      }
    }).catch((error: NodeJS.ErrnoException) => ({ status: -1, text: error.code ?? String(error), type: '' }));
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status === -1) {
      // The server may close a connection it answered early (413 mid-upload); anything else is a problem.
      if (!(p.kind === 'oversize' && /ECONNRESET|EPIPE/.test(response.text))) {
        problems.push(`#${i} ${p.kind} ${p.method} ${p.path.slice(0, 30)} body=${p.body?.length}: connection error ${response.text}`);
      }
      return;
    }
    if (!ALLOWED.has(response.status)) problems.push(`#${i} ${p.kind} ${p.method} ${p.path}: status ${response.status} ${response.text.slice(0, 200)}`);
    if (/\n\s+at |node:internal|Error: /.test(response.text)) problems.push(`#${i} ${p.kind}: stack-like body ${response.text.slice(0, 200)}`);
    if (response.status >= 400 && p.method !== 'HEAD') {
      let body: any;
      try {
        body = JSON.parse(response.text);
      } catch {
        problems.push(`#${i} ${p.kind}: non-JSON error body ${response.text.slice(0, 100)}`);
        return;
      }
      if (body.ok !== false || typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') {
        problems.push(`#${i} ${p.kind}: bad error shape ${response.text.slice(0, 200)}`);
      }
    }
    if (response.status === 202) accepted.push(JSON.parse(response.text).id);
    if (p.kind === 'valid' && response.status !== 202) problems.push(`#${i} valid: ${response.status} ${response.text}`);
    if (p.kind === 'oversize' && response.status !== 413) problems.push(`#${i} oversize: ${response.status}`);
  };

  const workers = Array.from({ length: 8 }, async () => {
    while (index < plans.length) await one(index++);
  });
  const T0 = Date.now();
  await Promise.all(workers);
  agent.destroy();
  const requestMs = Date.now() - T0;

  expect(problems, `seed ${SEED}: ${problems.length} problems`).toEqual([]);
  expect(statuses['202']).toBeGreaterThan(200);
  // Still up and answering; nothing on stderr.
  expect((await request(relay.port, { method: 'GET', path: '/health' })).status).toBe(200);
  expect(relay.child.exitCode).toBe(null);
  expect(relay.stderr()).toBe('');
  // Every 202 is a job on disk (one in sendmail's hands, the rest pending), and each job's message has
  // exactly one From/To/Subject/Message-ID/Date, no Bcc/Cc or other injected header, ASCII-only headers.
  const files = [...listQueue(queueRoot, 'pending'), ...listQueue(queueRoot, 'processing').filter((name) => name.endsWith('.json'))];
  expect(files.map((name) => name.slice(0, -5)).sort()).toEqual([...accepted].sort());
  const pendingNow = new Set(listQueue(queueRoot, 'pending'));
  for (const name of files) {
    const dir = pendingNow.has(name) ? 'pending' : 'processing';
    const message = (await buildMessage(parseJob(readFileSync(path.join(queueRoot, dir, name))))).toString('utf8');
    const head = message.slice(0, message.indexOf('\n\n'));
    const names = head
      .split('\n')
      .filter((line) => !/^[ \t]/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    for (const header of ['from', 'to', 'subject', 'message-id', 'date']) expect(names.filter((n) => n === header)).toHaveLength(1);
    expect(names.filter((n) => !['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding', 'reply-to'].includes(n))).toEqual([]);
    expect(head).toMatch(/^[\x20-\x7e\n\t]*$/);
  }
  console.log(`fuzz seed ${SEED}: ${TOTAL} requests in ${requestMs} ms: ${JSON.stringify(statuses)}`);
}, 120_000);
