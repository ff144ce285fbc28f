// Tests webhook-post.ts against loopback servers: 2xx taken, 3xx and 5xx not (no redirect followed),
// no answer within the timeout, a refused connection, and an https receiver whose certificate does not
// verify (a self-signed one made here with openssl): TLS is checked, NODE_TLS_REJECT_UNAUTHORIZED or not.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { postWebhook } from '../../src/relay/webhook-post.js';
import { tempDir } from '../helpers/tmp.js';

const servers: (http.Server | https.Server)[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('postWebhook', () => {
  test('2xx is taken; 3xx and 5xx are not, and a redirect is not followed', async () => {
    const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
    const port = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          seen.push({ path: req.url!, headers: req.headers, body });
          const status = Number(req.url!.slice(1));
          res.writeHead(status, status === 302 ? { location: '/204' } : {}).end('x'.repeat(10_000));
        });
      }),
    );
    const post = (status: number) => postWebhook(`http://127.0.0.1:${port}/${status}`, { 'x-relayconf-event-id': 'e1' }, '{"a":"ü"}', 2000).done;
    expect(await post(204)).toEqual({ ok: true, status: 204, reason: 'HTTP 204' });
    expect(await post(302)).toEqual({ ok: false, status: 302, reason: 'HTTP 302' });
    expect(await post(500)).toEqual({ ok: false, status: 500, reason: 'HTTP 500' });
    expect(seen.map((s) => s.path)).toEqual(['/204', '/302', '/500']);
    expect(seen[0].body).toBe('{"a":"ü"}');
    expect(seen[0].headers).toMatchObject({ 'content-type': 'application/json', 'content-length': '10', 'x-relayconf-event-id': 'e1', 'user-agent': 'relayconf-webhook/1' });
  });

  test('no answer within the timeout, and a refused connection, are failures with a reason', async () => {
    const port = await listen(http.createServer(() => undefined));
    expect(await postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', 150).done).toEqual({ ok: false, reason: 'timed out after 150 ms' });
    const closed = http.createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    servers.splice(servers.indexOf(closed), 1);
    expect(await postWebhook(`http://127.0.0.1:${closedPort}/`, {}, '{}', 2000).done).toEqual({ ok: false, reason: 'ECONNREFUSED' });
  });

  test('an https receiver with a certificate that does not verify is refused, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const dir = tempDir('relay-webhook-tls-');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'pipe' });
    let requests = 0;
    const port = await listen(https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => {
      requests += 1;
      res.writeHead(200).end();
    }));
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      expect(await postWebhook(`https://127.0.0.1:${port}/`, {}, '{}', 2000).done).toEqual({ ok: false, reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
    expect(requests).toBe(0);
  });

  test('abort() ends a request in flight', async () => {
    const port = await listen(http.createServer(() => undefined));
    const { done, abort } = postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', 5000);
    setTimeout(abort, 50);
    expect(await done).toEqual({ ok: false, reason: 'aborted: the relay is stopping' });
  });
});
