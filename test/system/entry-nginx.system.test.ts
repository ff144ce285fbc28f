// System test of the nginx entry site: `nginx -t` on every site relayconf writes (examples and the
// gateway variants), and a live loopback run: TLS through nginx to the relay, the allowlist, nginx's
// own 413 and 404, mTLS, and the relay's per-caller limits seeing the real client address.
// nginx runs with a private prefix and config that includes the generated site; /etc is never touched.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCaPath } from '../../src/config/entry.js';
import type { RelayModel } from '../../src/config/model.js';
import { clientAuthenticator } from '../../src/relay/auth.js';
import { createRelayHttp, type RelayHttp } from '../../src/relay/http.js';
import { newJob } from '../../src/relay/job.js';
import type { LogFields, RelayEvent } from '../../src/relay/log.js';
import { AUTH_FAILURES_PER_MINUTE, ClientRateLimits, RateLimiter } from '../../src/relay/rate-limit.js';
import type { MailRequest } from '../../src/relay/validate.js';
import { certbotPaths, nginxSiteFiles } from '../../src/outputs/nginx-site.js';
import { relayData } from '../../src/outputs/relay-server.js';
import { compile } from '../../src/outputs/compile.js';
import { expectedFiles, listExamples } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';
import { modelFrom } from '../outputs/model.js';

const HOST = 'mail-relay.acme-mail.net';
const TOKEN = 'entry-test-token-0123456789abcdef0123456789';
const MAIL = { to: 'alice@example.org', from: { email: 'support@acme-mail.net' }, subject: 'Through the gateway', text: 'Hello' };

function run(cmd: string, args: string[]): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${cmd} is not installed: run .ci/install-system-deps.sh (Debian packages nginx, openssl)`);
  if (result.error) throw result.error;
  return result;
}

function openssl(args: string[]): void {
  const result = run('openssl', args);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
}

/** A throwaway CA, a server certificate for the entry name and a client certificate, all from that CA. */
function makeCertificates(dir: string) {
  const file = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=relayconf test CA']);
  for (const [name, subject, ext] of [
    ['server', `/CN=${HOST}`, `subjectAltName=DNS:${HOST}\nextendedKeyUsage=serverAuth\n`],
    ['client', '/CN=app-server-1', 'extendedKeyUsage=clientAuth\n'],
  ]) {
    openssl(['req', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject]);
    writeFileSync(file(`${name}.ext`), ext);
    openssl(['x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`)]);
  }
  return { ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key'), clientCert: file('client.pem'), clientKey: file('client.key') };
}

type Certs = ReturnType<typeof makeCertificates>;

/**
 * The generated site with only what must differ on a test machine swapped, each swap asserted to
 * happen exactly once per occurrence: certbot's paths for the throwaway certificate, the listen
 * ports for ephemeral loopback ones, the client CA path for the throwaway CA.
 */
function localSite(model: RelayModel, certs: Certs, ports?: { https: number; http: number }): string {
  const [file] = nginxSiteFiles(model);
  let text = file.content;
  const swap = (from: string, to: string) => {
    expect(text.split(from).length - 1, `${from} in the generated site`).toBeGreaterThan(0);
    text = text.split(from).join(to);
  };
  const { fullchain, privkey } = certbotPaths(HOST);
  swap(`ssl_certificate ${fullchain};`, `ssl_certificate ${certs.cert};`);
  swap(`ssl_certificate_key ${privkey};`, `ssl_certificate_key ${certs.key};`);
  if (model.relay.entry.gateway === 'mtls') swap(`ssl_client_certificate ${clientCaPath(model)};`, `ssl_client_certificate ${certs.ca};`);
  if (ports) {
    swap('    listen 443 ssl;\n', `    listen 127.0.0.1:${ports.https} ssl;\n`);
    swap('    listen 80;\n', `    listen 127.0.0.1:${ports.http};\n`);
  }
  return text;
}

/** A private nginx prefix whose nginx.conf includes the given sites; nothing outside `dir` is used. */
function nginxPrefix(dir: string, sites: string[]): string {
  mkdirSync(dir, { recursive: true });
  // Workers run as nobody: they must reach the prefix (bodies stay in memory, so they write nothing here).
  chmodSync(dir, 0o711);
  const includes = sites.map((site, i) => {
    const file = path.join(dir, `site-${i}.conf`);
    writeFileSync(file, site);
    return `    include ${file};`;
  });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      `    access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind}_temp;`),
      ...includes,
      '}',
      '',
    ].join('\n'),
  );
  return conf;
}

function nginxTest(dir: string, sites: string[]): SpawnSyncReturns<string> {
  const conf = nginxPrefix(dir, sites);
  return run('nginx', ['-t', '-q', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf]);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, process: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (process.exitCode !== null) throw new Error(`nginx exited (${process.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${log()}`);
}

interface Reply {
  status: number;
  body: string;
  json: { ok: boolean; queued?: boolean; id?: string; error?: { code: string; message: string } } | null;
}

interface CallOptions {
  port: number;
  method?: string;
  path?: string;
  from?: string;
  token?: string;
  body?: string;
  headers?: Record<string, string>;
  clientCert?: { cert: string; key: string };
}

function call(certs: Certs, options: CallOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? JSON.stringify(MAIL);
    const req = https.request(
      {
        host: '127.0.0.1',
        port: options.port,
        servername: HOST,
        ca: readFileSync(certs.ca),
        ...(options.clientCert ? { cert: readFileSync(options.clientCert.cert), key: readFileSync(options.clientCert.key) } : {}),
        localAddress: options.from ?? '127.0.0.2',
        method: options.method ?? 'POST',
        path: options.path ?? '/send',
        agent: false,
        headers: {
          host: HOST,
          authorization: `Bearer ${options.token ?? TOKEN}`,
          'content-type': 'application/json',
          ...(options.method === 'GET' ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: Reply['json'] = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, body: text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : body);
  });
}

const ENTRY_NGINX = `relay:\n  entry: { hostname: ${HOST}, gateway: nginx-allowlist, allowFrom: [198.51.100.0/24, "2001:db8:5::/48"] }\n`;

describe('nginx -t on every generated site', () => {
  let certs: Certs;
  let work: string;
  beforeAll(() => {
    work = tempDir('relayconf-nginx-t-');
    certs = makeCertificates(work);
  });

  const variants: [string, string][] = [
    ['nginx-allowlist', ENTRY_NGINX],
    ['nginx-allowlist with IPv6', `mta:\n  ipv6: 2a01:4f8:1:2::10\n  ipv6Ptr: mail.acme-mail.net\n${ENTRY_NGINX}`],
    ['mtls without an allowlist', `relay:\n  entry: { hostname: ${HOST}, gateway: mtls }\n`],
    ['mtls with an allowlist and a wildcard relay', `relay:\n  listen: 0.0.0.0:2600\n  entry: { hostname: ${HOST}, gateway: mtls, allowFrom: [10.0.0.0/8] }\n`],
  ];

  it.each(variants)('%s', (name, fragment) => {
    const result = nginxTest(path.join(work, name.replace(/\W+/g, '-')), [localSite(modelFrom(fragment), certs)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('every example that declares an nginx gateway', async () => {
    const sites: string[] = [];
    for (const example of listExamples().filter((e) => !e.invalid)) {
      const { files } = await expectedFiles(example);
      for (const file of files.filter((f) => f.path.startsWith('etc/nginx/'))) {
        const { fullchain, privkey } = certbotPaths(HOST);
        expect(file.content).toContain(`ssl_certificate ${fullchain};`);
        sites.push(file.content.replace(`ssl_certificate ${fullchain};`, `ssl_certificate ${certs.cert};`).replace(`ssl_certificate_key ${privkey};`, `ssl_certificate_key ${certs.key};`));
      }
    }
    expect(sites.length).toBeGreaterThan(0);
    const result = nginxTest(path.join(work, 'examples'), sites);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on a broken site (the check can fail)', () => {
    const broken = localSite(modelFrom(ENTRY_NGINX), certs).replace('    deny all;\n', '    deny all\n');
    const result = nginxTest(path.join(work, 'broken'), [broken]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/emerg/);
  });
});

describe('live on loopback: a caller through nginx to the relay', () => {
  const BODY_LIMIT = 4096;
  let certs: Certs;
  let web: RelayHttp;
  let nginx: ChildProcess;
  let prefix: string;
  const queued: MailRequest[] = [];
  const logs: { event: RelayEvent; fields?: LogFields }[] = [];
  /** Requests the relay itself received: nginx's own answers never reach it. */
  let relayRequests = 0;
  const ports = { https: 0, http: 0, mtls: 0, mtlsHttp: 0 };
  let errorLog = () => '';

  beforeAll(async () => {
    const work = tempDir('relayconf-nginx-live-');
    certs = makeCertificates(work);
    const fragment = (listen: string, name: string, entry: string) =>
      `name: ${name}\nrelay:\n  listen: ${listen}\n  limits: { bodyBytes: ${BODY_LIMIT}, ratePerMinute: 1000 }\n  entry: ${entry}\n`;
    // The relay first (its port goes into the site), with the data the build compiles for this config.
    const first = modelFrom(fragment('127.0.0.1:2525', 'acme-relay', `{ hostname: ${HOST}, gateway: nginx-allowlist, allowFrom: [127.0.0.2] }`));
    const data = relayData(first);
    web = createRelayHttp({
      data,
      // The single-token setup: one implicit client with the relay's per-minute limit.
      authenticate: clientAuthenticator([{ token: TOKEN, client: data.clients[0] }]),
      limiter: new ClientRateLimits(data.clients),
      // A stopped clock: no budget refills while the test runs, however slow the machine.
      authFailures: new RateLimiter(AUTH_FAILURES_PER_MINUTE, () => 0),
      enqueue: async (mail) => {
        queued.push(mail);
        return newJob(mail);
      },
      htmlToText: { budgetMs: 1000, convert: async () => 'text' },
      log: (event, fields) => logs.push({ event, fields }),
    });
    web.server.on('request', () => relayRequests++);
    await web.listen('127.0.0.1', 0);
    const relayPort = (web.server.address() as net.AddressInfo).port;
    for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();

    const allowlist = modelFrom(fragment(`127.0.0.1:${relayPort}`, 'acme-relay', `{ hostname: ${HOST}, gateway: nginx-allowlist, allowFrom: [127.0.0.2] }`));
    const mtls = modelFrom(fragment(`127.0.0.1:${relayPort}`, 'acme-mtls', `{ hostname: ${HOST}, gateway: mtls }`));
    // The full build holds the same site: the test runs what build writes.
    expect(compile(allowlist).find((f) => f.path === 'etc/nginx/sites-available/acme-relay.conf')?.content).toBe(nginxSiteFiles(allowlist)[0].content);
    prefix = path.join(work, 'nginx');
    const conf = nginxPrefix(prefix, [localSite(allowlist, certs, { https: ports.https, http: ports.http }), localSite(mtls, certs, { https: ports.mtls, http: ports.mtlsHttp })]);
    nginx = spawn('nginx', ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr!.on('data', (chunk) => (stderr += chunk));
    await waitForPort(ports.https, nginx, () => `${stderr} ${readFileSync(path.join(prefix, 'error.log'), 'utf8')}`);
    await waitForPort(ports.mtls, nginx, () => stderr);
    errorLog = () => `${stderr} ${readFileSync(path.join(prefix, 'error.log'), 'utf8')}`;
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await web?.stop();
  });

  it('an allowed source gets 202 from the relay over TLS, queued with its mail', async () => {
    const reply = await call(certs, { port: ports.https }).catch((error: Error) => {
      throw new Error(`${error.message}: ${errorLog()}`);
    });
    expect(reply.status).toBe(202);
    expect(reply.json).toMatchObject({ ok: true, queued: true });
    expect(reply.json!.id).toMatch(/\S/);
    expect(queued.at(-1)).toMatchObject({ subject: 'Through the gateway' });
    const health = await call(certs, { port: ports.https, method: 'GET', path: '/health' });
    expect([health.status, health.body]).toEqual([200, '{"status":"ok"}']);
  });

  it('a source outside the allowlist gets 403 from nginx, with a JSON body, and the relay never sees it', async () => {
    const before = relayRequests;
    const reply = await call(certs, { port: ports.https, from: '127.0.0.1' });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ ok: false, error: { code: 'forbidden', message: 'this source address may not use the relay' } });
    // An unknown path is 404 for everyone (nginx's return runs before its access check); nothing reaches the relay.
    expect((await call(certs, { port: ports.https, from: '127.0.0.1', path: '/nope' })).status).toBe(404);
    expect(relayRequests).toBe(before);
  });

  it('an oversize body gets 413 from nginx, not from the relay', async () => {
    const before = relayRequests;
    const body = JSON.stringify({ ...MAIL, text: 'x'.repeat(BODY_LIMIT) });
    const reply = await call(certs, { port: ports.https, body });
    expect(reply.status).toBe(413);
    expect(reply.json).toEqual({ ok: false, error: { code: 'payload_too_large', message: 'the body is larger than the relay accepts' } });
    expect(relayRequests).toBe(before);
  });

  it('the outcome routes reach the relay for one path segment only, with their method', async () => {
    const passes = async (method: string, path: string) => {
      const before = relayRequests;
      const reply = await call(certs, { port: ports.https, method, path });
      return { status: reply.status, reached: relayRequests > before };
    };
    expect((await passes('GET', '/messages/0m3k5x2a1-0123456789abcdef0123')).reached).toBe(true);
    expect((await passes('GET', '/suppressions')).reached).toBe(true);
    expect((await passes('DELETE', '/suppressions/a%40example.org')).reached).toBe(true);
    expect(await passes('GET', '/messages/a/b')).toEqual({ status: 404, reached: false });
    expect(await passes('GET', '/messages/')).toEqual({ status: 404, reached: false });
    expect(await passes('GET', '/suppressions/a%40example.org')).toEqual({ status: 405, reached: false });
    expect(await passes('DELETE', '/messages/0m3k5x2a1-0123456789abcdef0123')).toEqual({ status: 405, reached: false });
  });

  it('an unknown path gets 404 and a wrong method 405 from nginx; plain HTTP serves no API', async () => {
    const before = relayRequests;
    const unknown = await call(certs, { port: ports.https, path: '/admin' });
    expect(unknown.status).toBe(404);
    expect(unknown.json?.error?.code).toBe('not_found');
    // /metrics too: the relay answers it to loopback peers, and nginx is one, so nginx must never pass it on.
    for (const path of ['/send/', '/sendx', '/SEND', '/send.json', '/metrics']) expect((await call(certs, { port: ports.https, path })).status, path).toBe(404);
    expect((await call(certs, { port: ports.https, method: 'GET', path: '/metrics' })).status).toBe(404);
    const wrongMethod = await call(certs, { port: ports.https, method: 'GET', path: '/send' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json?.error?.code).toBe('method_not_allowed');
    // A request line nginx cannot parse: its own 400, never a 500 (no named location without a URI).
    expect((await call(certs, { port: ports.https, path: '/send%00' })).status).toBe(400);
    const plain = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: ports.http, method: 'POST', path: '/send', headers: { host: HOST }, localAddress: '127.0.0.2' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(plain).toBe(404);
    expect(relayRequests).toBe(before);
  });

  it('the relay counts failed authentications under the real client address, not nginx\'s or a forged one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_FAILURES_PER_MINUTE; i++) {
      // A forged X-Real-IP from the client: nginx replaces it with the address it accepted.
      statuses.push((await call(certs, { port: ports.https, token: 'wrong-token-0123456789abcdef0123456789', headers: { 'x-real-ip': '203.0.113.9' } })).status);
    }
    expect(statuses).toEqual([...Array(AUTH_FAILURES_PER_MINUTE).fill(401), 429]);
    expect(logs.filter((l) => l.event === 'auth_throttled').map((l) => l.fields)).toEqual([{ source: '127.0.0.2', peer: '127.0.0.1', retryAfterSeconds: expect.any(Number) }]);
  });

  it('mtls: no client certificate gets 400 from nginx; a certificate from the CA gets 202', async () => {
    const before = queued.length;
    const bare = await call(certs, { port: ports.mtls });
    expect(bare.status).toBe(400);
    expect(bare.json).toEqual({ ok: false, error: { code: 'client_certificate_required', message: "a valid client certificate from the relay's CA is required" } });
    const withCert = await call(certs, { port: ports.mtls, from: '127.0.0.1', clientCert: { cert: certs.clientCert, key: certs.clientKey } });
    expect(withCert.status).toBe(202);
    expect(queued.length).toBe(before + 1);
  });
});
