// Tests of the relay's build outputs: opt/<name>/server.js (src/outputs/relay-server.ts) and
// etc/<name>.env (src/outputs/relay-env.ts): paths, modes, the compiled data, the bundle carried
// verbatim, byte-for-byte determinism (also of the esbuild bundle itself), and no token anywhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { relayEnvFile } from '../../src/outputs/relay-env.js';
import { relayData, relayServerFiles } from '../../src/outputs/relay-server.js';
import { BUNDLE, ensureBundle, loadModel, parseEnvFile, ROOT } from './helpers/relay-process.js';

beforeAll(() => ensureBundle());

describe('relayServerFiles', () => {
  test('one file, opt/<name>/server.js, mode 0644: header, data constant, the bundle, the call', () => {
    const files = relayServerFiles(loadModel());
    expect(files.map((file) => [file.path, file.mode])).toEqual([['opt/test-mail-relay/server.js', 0o644]]);
    const content = files[0].content;
    expect(content.startsWith('#!/usr/bin/env node\n// /opt/test-mail-relay/server.js: the test-mail-relay HTTP mail relay.')).toBe(true);
    expect(content).toContain('\n// Token: systemd credential test-mail-relay-token, else SMTP_RELAY_TOKEN; at least 32 bytes.\n');
    expect(content).toContain(readFileSync(BUNDLE, 'utf8').trimEnd());
    expect(content.endsWith('\nmodule.exports.runRelay(RELAY_DATA);\n')).toBe(true);
    const json = /\nconst RELAY_DATA = (\{[\s\S]*?\n\});\n/.exec(content)![1];
    expect(JSON.parse(json)).toEqual({
      name: 'test-mail-relay',
      senders: [
        { address: 'support@example.com', name: 'Example Support', returnPath: 'bounces@example.com' },
        { address: 'noreply@example.com', name: 'Exämple Tëam', returnPath: 'bounces@example.com' },
        { address: 'plain@example.com', name: null, returnPath: 'bounces@example.com' },
        { address: 'hello@other.example', name: 'Other Hello', returnPath: 'return@bounce.other.example' },
      ],
      limits: { bodyBytes: 4096, ratePerMinute: 0, subjectChars: 40, recipients: 3 },
      tokenMinBytes: 32,
      clients: [
        { name: 'default', credential: 'test-mail-relay-token', implicit: true, senders: null, limits: { requestsPerMinute: 0, messagesPerHour: 0, messagesPerDay: 0 } },
      ],
      gatewayPeers: [],
      defaults: {
        listen: '127.0.0.1:2525',
        queueRoot: '/var/spool/test-mail-relay',
        maxAttempts: 3,
        backoffFirstMs: 30_000,
        backoffMaxMs: 3_600_000,
        handoff: 'smtp',
        smtpAddress: '127.0.0.1:25',
        handoffConcurrency: 16,
        sendmailPath: '/usr/sbin/sendmail',
        sendmailTimeoutMs: 30_000,
      },
    });
  });

  test('the root relay.config.yaml compiles too, with its allowlist and defaults', () => {
    const data = relayData(loadModel(() => readFileSync(path.join(ROOT, 'relay.config.yaml'), 'utf8')));
    expect(data.senders.map((sender) => sender.address)).toEqual(['support@example.com', 'noreply@example.com', 'tickets@example.com']);
    expect(data.limits).toEqual({ bodyBytes: 524_288, ratePerMinute: 60, subjectChars: 200, recipients: 10 });
    expect(data.defaults.queueRoot).toBe('/var/spool/example-mail-relay');
  });

  test('gatewayPeers: loopback only for a same-host proxy that sets X-Real-IP (nginx allowlist or mTLS)', () => {
    const peersFor = (gateway: string) =>
      relayData(loadModel((text) => text.replace('relay:\n', `relay:\n  entry: { hostname: relay.example.com, gateway: ${gateway} }\n`))).gatewayPeers;
    expect(peersFor('nginx-allowlist')).toEqual(['127.0.0.1', '::1']);
    expect(peersFor('mtls')).toEqual(['127.0.0.1', '::1']);
    expect(peersFor('cloudflare-access')).toEqual([]);
    expect(peersFor('vpn')).toEqual([]);
    expect(peersFor('none')).toEqual([]);
    // On a private address of its own, nginx reaches the relay from that address.
    const privatePeers = relayData(
      loadModel((text) => text.replace('relay:\n', 'relay:\n  entry: { hostname: relay.example.com, gateway: nginx-allowlist }\n').replace(/^  listen: .*$/m, '  listen: 10.0.0.5:2525')),
    ).gatewayPeers;
    expect(privatePeers).toEqual(['127.0.0.1', '::1', '10.0.0.5']);
  });

  test('byte-for-byte deterministic: same model, same bytes; the esbuild bundle itself is reproducible', () => {
    expect(relayServerFiles(loadModel())).toEqual(relayServerFiles(loadModel()));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-bundle-'));
    for (const name of ['a.cjs', 'b.cjs']) {
      execFileSync(process.execPath, [path.join(ROOT, 'src/tools/bundle-relay.mjs'), path.join(dir, name)], { cwd: os.tmpdir(), stdio: 'pipe' });
    }
    const a = readFileSync(path.join(dir, 'a.cjs'));
    expect(a.equals(readFileSync(path.join(dir, 'b.cjs')))).toBe(true);
    // Built from another working directory, the paths in its comments are still package-relative.
    expect(a.toString('utf8')).toContain('// src/relay/main.ts');
    expect(a.toString('utf8')).not.toContain(ROOT);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the bundle targets Node 18 and inlines nodemailer and prom-client: it requires only node built-ins', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    const required = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(5);
    const builtins = new Set(['fs', 'path', 'crypto', 'http', 'https', 'net', 'tls', 'os', 'url', 'util', 'dns', 'stream', 'zlib', 'child_process', 'events', 'worker_threads',
      // readline: the start-up look-up reads journalctl's output and the mail log line by line (handoff-lookup.ts).
      'readline',
      // prom-client's: process and perf_hooks (event-loop figures), v8 (heap), cluster (only its unused cluster aggregator).
      'process', 'perf_hooks', 'v8', 'cluster']);
    expect(required.filter((name) => !builtins.has(name.replace(/^node:/, '')))).toEqual([]);
    expect(bundle).toContain('// node_modules/nodemailer/lib/mail-composer/index.js');
    // The conversion worker runs this same file, so html-to-text and ipaddr.js are inlined too.
    expect(bundle).toContain('// node_modules/html-to-text/lib/html-to-text.mjs');
    expect(bundle).toContain('// node_modules/ipaddr.js/lib/ipaddr.js');
    // /metrics: the Prometheus client is inlined too.
    expect(bundle).toContain('// node_modules/prom-client/lib/registry.js');
  });

  test('a missing bundle is an error that says to run the build', () => {
    const missing = pathToFileURL(path.join(os.tmpdir(), 'no-such-dir', 'server.bundle.cjs'));
    expect(() => relayServerFiles(loadModel(), missing)).toThrow(/relay bundle .*server\.bundle\.cjs is missing: run `npm run build`/);
  });
});

describe('relayEnvFile', () => {
  test('etc/<name>.env, mode 0644, every setting the relay reads, commented, never a token', () => {
    const file = relayEnvFile(loadModel());
    expect([file.path, file.mode]).toEqual(['etc/test-mail-relay.env', 0o644]);
    expect(parseEnvFile(file.content)).toEqual({
      POSTFIX_LOG: 'journal',
      RELAY_LISTEN: '127.0.0.1:2525',
      QUEUE_ROOT: '/var/spool/test-mail-relay',
      QUEUE_MAX_ATTEMPTS: '3',
      QUEUE_BACKOFF_FIRST_MS: '30000',
      QUEUE_BACKOFF_MAX_MS: '3600000',
      RELAY_HANDOFF: 'smtp',
      HANDOFF_CONCURRENCY: '16',
      HANDOFF_SMTP: '127.0.0.1:25',
      SENDMAIL_TIMEOUT_MS: '30000',
    });
    expect(file.content.split('\n')[0]).toBe('# /etc/test-mail-relay.env: runtime settings of the test-mail-relay relay (/opt/test-mail-relay/server.js).');
    expect(file.content).toContain('# The bearer token is NOT in this file: it is the systemd credential test-mail-relay-token');
    expect(file.content).not.toMatch(/^[^#]*TOKEN/m);
    expect(file.content.endsWith('\n')).toBe(true);
  });

  test('relay.handoff: sendmail hands one job at a time (each job in hand can be sent twice after a kill), SMTP keeps sixteen', () => {
    const model = loadModel((text) => text.replace(/^relay:\n/m, 'relay:\n  handoff: sendmail\n'));
    const env = parseEnvFile(relayEnvFile(model).content);
    // sendmail learns no queue id, so there is no Postfix log to follow either.
    expect([env.RELAY_HANDOFF, env.HANDOFF_CONCURRENCY, env.SENDMAIL_PATH, env.HANDOFF_SMTP, env.POSTFIX_LOG]).toEqual(['sendmail', '1', '/usr/sbin/sendmail', undefined, undefined]);
    expect(relayData(model).defaults).toMatchObject({ handoff: 'sendmail', handoffConcurrency: 1 });
    expect(relayData(loadModel()).defaults).toMatchObject({ handoff: 'smtp', handoffConcurrency: 16 });
  });

  test('an IPv6 listen address keeps its brackets; durations come out in ms', () => {
    const model = loadModel((text) =>
      text.replace('listen: 127.0.0.1:2525', 'listen: "[::1]:8025"').replace('backoff: { first: 30s, max: 1h }', 'backoff: { first: 2m, max: 2h }'),
    );
    const env = parseEnvFile(relayEnvFile(model).content);
    expect([env.RELAY_LISTEN, env.QUEUE_BACKOFF_FIRST_MS, env.QUEUE_BACKOFF_MAX_MS]).toEqual(['[::1]:8025', '120000', '7200000']);
    expect(relayData(model).defaults.listen).toBe('[::1]:8025');
  });
});
