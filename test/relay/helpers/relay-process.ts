// Test harness for the BUILT relay: compiles server.js and the env file from a config exactly as
// `relayconf build` does (relayServerFiles + relayEnvFile), runs `node server.js` as a child process
// with the env file's settings pointed at a temp queue and a fake sendmail, and reads its JSON log.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { loadConfigText } from '../../../src/config/load.js';
import type { RelayModel } from '../../../src/config/model.js';
import { relayEnvFile } from '../../../src/outputs/relay-env.js';
import { relayServerFiles } from '../../../src/outputs/relay-server.js';
import { newJob, type Job } from '../../../src/relay/job.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURE = path.join(ROOT, 'test/relay/fixtures/relay.config.yaml');
export const BUNDLE = path.join(ROOT, 'dist/relay/server.bundle.cjs');
export const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
/** The node that runs server.js: RELAY_TEST_NODE=/path/to/node18 checks the Node 18 floor. */
export const RELAY_NODE = process.env.RELAY_TEST_NODE || process.execPath;
export const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

/** Rebuilds dist/relay/server.bundle.cjs when missing or older than any relay source file. */
export function ensureBundle(): void {
  const sources = readdirSync(path.join(ROOT, 'src/relay')).map((name) => path.join(ROOT, 'src/relay', name));
  sources.push(path.join(ROOT, 'src/tools/bundle-relay.mjs'));
  const newest = Math.max(...sources.map((file) => statSync(file).mtimeMs));
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newest) return;
  execFileSync(process.execPath, [path.join(ROOT, 'src/tools/bundle-relay.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** The fixture config, optionally edited (e.g. a lower rate limit), loaded like the CLI loads it. */
export function loadModel(edit: (text: string) => string = (text) => text): RelayModel {
  const text = edit(readFileSync(FIXTURE, 'utf8'));
  const loaded = loadConfigText(text, { file: 'relay.config.yaml', absPath: FIXTURE });
  if (!loaded.model) throw new Error(`fixture does not load: ${JSON.stringify(loaded.findings)}`);
  return loaded.model;
}

export interface BuiltRelay {
  dir: string;
  serverPath: string;
  envPath: string;
  /** The env file's variables, parsed the way systemd's EnvironmentFile= reads KEY=VALUE lines. */
  envFile: Record<string, string>;
  model: RelayModel;
}

export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`not KEY=VALUE: ${line}`);
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

/** Writes opt/<name>/server.js and etc/<name>.env into a fresh temp dir (never under the package:
 * its package.json says "type": "module", which would make node read server.js as ESM). */
export function buildRelay(model: RelayModel = loadModel()): BuiltRelay {
  ensureBundle();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-test-'));
  chmodSync(dir, 0o755);
  const [server] = relayServerFiles(model);
  const env = relayEnvFile(model);
  const serverPath = path.join(dir, server.path);
  const envPath = path.join(dir, env.path);
  for (const file of [server, env]) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dir, file.path), file.content, { mode: file.mode });
  }
  return { dir, serverPath, envPath, envFile: parseEnvFile(env.content), model };
}

const FAKE_SENDMAIL = `#!/bin/sh
# Fake sendmail for the relay tests: records argv and stdin, then behaves as $FAKE_SENDMAIL_DIR/mode says.
# Shell builtins only, except cat for stdin (byte-exact) and rm in fail-tokens mode: the SIGKILL test
# drains hundreds of jobs through it. Records are named by pid, with .x added when a pid comes round again.
d="\${FAKE_SENDMAIL_DIR:?}"
f="$d/records/rec.$$"
while [ -e "$f.started" ]; do f="$f.x"; done
: > "$f.started"
for a in "$@"; do printf '%s\\n' "$a"; done > "$f.argv"
cat > "$f.eml"
mode=ok
[ -f "$d/mode" ] && read -r mode < "$d/mode"
rc=0
case "$mode" in
  fail-always) echo "fake sendmail: mailbox unavailable" >&2; rc=75 ;;
  fail-tokens)
    for t in "$d"/fail-tokens/*; do
      if [ -e "$t" ] && rm "$t" 2>/dev/null; then echo "fake sendmail: try again later" >&2; rc=75; fi
      break
    done ;;
  sleep-*) sleep "\${mode#sleep-}" ;;
  exit-*)
    # Like Postfix's sendmail: a warning, then the fatal line last; this one carries an escape
    # sequence, a bell and a long tail, which the relay must strip and cut before logging it.
    echo "sendmail: warning: inet_protocols: disabling IPv6 name/address support" >&2
    printf 'sendmail: fatal: bounces@example.com(1001): refused \\033[31mred\\007 %0300d\\n' 0 >&2
    rc="\${mode#exit-}" ;;
  signal) kill -KILL $$ ;;
esac
echo "$rc" > "$f.status"
exit "$rc"
`;

export interface SendmailRecord {
  argv: string[];
  message: string;
  /** Exit status the fake returned; null while it still runs (or was killed). */
  status: number | null;
  messageId: string | null;
}

export class FakeSendmail {
  readonly dir: string;
  readonly path: string;

  constructor(parent: string) {
    this.dir = path.join(parent, 'sendmail');
    mkdirSync(path.join(this.dir, 'records'), { recursive: true });
    mkdirSync(path.join(this.dir, 'fail-tokens'), { recursive: true });
    chmodSync(this.dir, 0o777);
    chmodSync(path.join(this.dir, 'records'), 0o777);
    chmodSync(path.join(this.dir, 'fail-tokens'), 0o777);
    this.path = path.join(this.dir, 'sendmail');
    writeFileSync(this.path, FAKE_SENDMAIL, { mode: 0o755 });
    this.mode('ok');
  }

  mode(mode: 'ok' | 'fail-always' | 'fail-tokens' | 'signal' | `sleep-${number}` | `exit-${number}`): void {
    writeFileSync(path.join(this.dir, 'mode'), mode);
  }

  /** The next `count` invocations fail with 75 (EX_TEMPFAIL). */
  failNext(count: number): void {
    for (let i = 0; i < count; i++) writeFileSync(path.join(this.dir, 'fail-tokens', `t${i}`), '');
    this.mode('fail-tokens');
  }

  records(): SendmailRecord[] {
    const dir = path.join(this.dir, 'records');
    // One invocation = rec.<pid>[.x...].{started,argv,eml,status}; order by when each started (ns mtime).
    const started = (name: string) => {
      try {
        return statSync(path.join(dir, `${name}.started`), { bigint: true }).mtimeNs;
      } catch {
        return 0n;
      }
    };
    const names = readdirSync(dir)
      .filter((name) => /^rec\.\d+(\.x)*\.started$/.test(name))
      .map((name) => name.slice(0, -'.started'.length))
      .map((name) => ({ name, at: started(name) }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.name.localeCompare(b.name)))
      .map((entry) => entry.name);
    return names.map((name) => {
      const base = path.join(dir, name);
      const read = (suffix: string) => (existsSync(base + suffix) ? readFileSync(base + suffix, 'utf8') : null);
      const message = read('.eml') ?? '';
      const status = read('.status');
      return {
        argv: (read('.argv') ?? '').split('\n').filter((line, i, all) => i < all.length - 1 || line !== ''),
        message,
        status: status === null ? null : Number(status.trim()),
        messageId: /^Message-ID: <([^>]+)>$/im.exec(message)?.[1] ?? null,
      };
    });
  }

  /** Job ids (the Message-ID's local part) of every invocation that exited 0, with repeats. */
  deliveredIds(): string[] {
    return this.records()
      .filter((record) => record.status === 0 && record.messageId)
      .map((record) => record.messageId!.split('@')[0]);
  }

  startedCount(): number {
    return readdirSync(path.join(this.dir, 'records')).filter((name) => name.endsWith('.started')).length;
  }
}

export interface RelayEvent {
  event: string;
  id?: string;
  [key: string]: unknown;
}

export interface RelayProcess {
  child: ChildProcess;
  port: number;
  events: RelayEvent[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(predicate: (event: RelayEvent) => boolean, timeoutMs?: number, what?: string): Promise<RelayEvent>;
  kill(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  built: BuiltRelay;
  queueRoot: string;
  sendmail: FakeSendmail | string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string | undefined>;
  token?: string | null;
  /** Run as this uid/gid (tests that need permissions to bite while the suite runs as root). */
  uid?: number;
  gid?: number;
}

/** Spawns `node server.js` with the generated env file's variables; resolves once it logs `started`. */
export function spawnRelay(options: StartOptions): RelayProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...options.built.envFile,
    RELAY_LISTEN: '127.0.0.1:0',
    QUEUE_ROOT: options.queueRoot,
    SENDMAIL_PATH: typeof options.sendmail === 'string' ? options.sendmail : options.sendmail.path,
    QUEUE_BACKOFF_FIRST_MS: '50',
    QUEUE_BACKOFF_MAX_MS: '200',
    // The sendmail hand-off, one job at a time: what the tests around a fake sendmail exercise. The SMTP
    // hand-off's tests (smtp-handoff.process.test.ts) override both.
    RELAY_HANDOFF: 'sendmail',
    HANDOFF_CONCURRENCY: '1',
  };
  if (typeof options.sendmail !== 'string') env.FAKE_SENDMAIL_DIR = options.sendmail.dir;
  if (options.token !== null) env.SMTP_RELAY_TOKEN = options.token ?? TOKEN;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(RELAY_NODE, [options.built.serverPath], {
    env,
    cwd: path.dirname(options.built.serverPath),
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  const events: RelayEvent[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.trim() === '') continue;
      events.push(JSON.parse(line) as RelayEvent);
    }
    for (const waiter of waiters) waiter();
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters) waiter();
      resolve({ code, signal });
    });
  });
  const relay: RelayProcess = {
    child,
    port: 0,
    events,
    stderr: () => stderr,
    exited,
    waitFor(predicate, timeoutMs = 10_000, what = 'event') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            cleanup();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(new Error(`relay exited (${child.exitCode ?? child.signalCode}) before ${what}; stderr: ${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what}; last events: ${JSON.stringify(events.slice(-5))}; stderr: ${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    kill(signal) {
      child.kill(signal);
    },
  };
  return relay;
}

export async function startRelay(options: StartOptions): Promise<RelayProcess> {
  const relay = spawnRelay(options);
  const started = await relay.waitFor((event) => event.event === 'started', 15_000, 'started');
  relay.port = started.port as number;
  return relay;
}

/** Stops a relay if it still runs (SIGKILL: cleanup after a failed test must not hang). */
export async function reap(relay: RelayProcess | undefined): Promise<void> {
  if (!relay || relay.child.exitCode !== null || relay.child.signalCode !== null) return;
  relay.kill('SIGKILL');
  await relay.exited;
}

export interface SharedRelay {
  built: BuiltRelay;
  sendmail: FakeSendmail;
  relay: RelayProcess;
  queueRoot: string;
}

/**
 * One relay with a fake sendmail shared by the tests of the calling describe block: started in
 * beforeAll, killed and removed in afterAll. The returned object is filled in when beforeAll runs.
 */
export function sharedRelay(env: Record<string, string> = {}): SharedRelay {
  const shared = {} as SharedRelay;
  beforeAll(async () => {
    shared.built = buildRelay();
    shared.sendmail = new FakeSendmail(shared.built.dir);
    shared.queueRoot = newQueueRoot(shared.built.dir);
    shared.relay = await startRelay({ built: shared.built, queueRoot: shared.queueRoot, sendmail: shared.sendmail, env });
  });
  afterAll(async () => {
    await reap(shared.relay);
    removeDir(shared.built.dir);
  });
  return shared;
}

export function newQueueRoot(parent: string): string {
  const root = path.join(parent, 'queue');
  mkdirSync(root, { mode: 0o750 });
  return root;
}

export function listQueue(root: string, dir: 'pending' | 'processing' | 'failed'): string[] {
  return readdirSync(path.join(root, dir)).filter((name) => !name.startsWith('.')).sort();
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RequestOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  agent?: http.Agent | false;
  /** Source address of the connection (any 127.0.0.0/8 address reaches a loopback listener on Linux). */
  localAddress?: string;
}

export function request(port: number, options: RequestOptions = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/send',
        headers: options.headers ?? {},
        agent: options.agent ?? false,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON (health) or empty
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /send with the right token and JSON content type. */
export function send(port: number, payload: unknown, extra: RequestOptions = {}): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return request(port, { ...extra, headers: { ...AUTH, ...(extra.headers ?? {}) }, body });
}

export const validMail = (overrides: Record<string, unknown> = {}) => ({
  to: 'alice@example.org',
  from: { email: 'support@example.com', name: 'Example Support' },
  subject: 'Your request has been received',
  text: 'Plain text body',
  ...overrides,
});

export async function until(check: () => boolean, timeoutMs: number, what: string, stepMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

/** A valid job as the relay would write it, for tests that put jobs into the queue by hand. */
export function queuedJob(overrides: Partial<Job> = {}): Job {
  const job = newJob({
    from: { address: 'support@example.com', name: 'Example Support' },
    to: ['alice@example.org'],
    replyTo: null,
    subject: 'written by hand',
    text: 'hello',
    html: null,
    returnPath: 'bounces@example.com',
  });
  return { ...job, ...overrides };
}
