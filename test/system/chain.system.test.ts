// System test (issue 7): the compiled output is a working mail relay. The repository's relay.config.yaml
// (milterDefault: tempfail) gets a fresh DKIM key from `relayconf keygen`, is built with `relayconf build`,
// and is applied to THIS machine by its own APPLY.md (first-time, copy into the store, install into /, secrets, apply, verify),
// with a test overlay (chain/overlay.ts) that points Postfix's relayhost at an SMTP sink on 127.0.0.1.
// Then the real programs run on loopback: the generated server.js under the unit's user, groups and
// NoNewPrivileges (setpriv), handing mail to Postfix's smtpd over its pooled SMTP connections (relay.handoff
// smtp, the default, signed on the smtpd_milters path), Postfix and OpenDKIM with the generated files.
// mailauth judges what reaches the sink against the build's own dns/records.json, served on 127.0.0.1.
// Needs root and a machine nobody uses for mail: it takes over /etc/postfix, /etc/opendkim*, the
// postfix and opendkim daemons and the relay's paths, and restores them all afterwards (chain/host-changes.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import libqp from 'libqp';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { loadConfigFile } from '../../src/config/load.js';
import type { DomainModel, RelayModel } from '../../src/config/model.js';
import { applySteps, runStep, type Emulator, type StepLog } from './chain/apply-md.js';
import { HostChanges } from './chain/host-changes.js';
import { authenticateAsReceiver, headerValues, multipartParts, serveZone, verifyDkim, type ZoneDns } from './chain/mail-check.js';
import { applyMainCfOverlay, MAILLOG, mainCfOverlay, moveSmtpdPort, postconfN } from './chain/overlay.js';
import { canConnect, readProc, run, waitFor } from './chain/processes.js';
import { parseEnvFile, parseUnit, startRelayUnit, type RunningRelay, type UnitService } from './chain/relay-unit.js';
import { opendkimSettings, OpenDkim, Postfix } from './chain/services.js';
import { startSink, type Captured, type Sink } from './chain/sink.js';
import { SESSION_MAX_AGE_MS } from '../../src/relay/smtp-handoff.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO, 'dist/cli/bin.cjs');
const SOURCE_CONFIG = path.join(REPO, 'relay.config.yaml');
/** Off /tmp (OpenDKIM refuses keys under world-writable directories), root-only; removed at the end. */
const ROOT = '/var/lib/relayconf-chain-test';
const CONFIG_DIR = path.join(ROOT, 'config');
const PRIVATE_DIR = path.join(ROOT, 'dkim-private');
const OUT = path.join(ROOT, 'out');
const OUT_ACCEPT = path.join(ROOT, 'out-accept');
/** Tags every subject of this run, so nothing an earlier run left can be counted. */
const RUN = randomBytes(4).toString('hex');

const startedAt = performance.now();
let changes: HostChanges | undefined;
let sink: Sink | undefined;
let zone: ZoneDns | undefined;
let relay: RunningRelay | undefined;
let postfix: Postfix;
let opendkim: OpenDkim;
let model: RelayModel;
let domain: DomainModel;
let unit: UnitService;
let token: string;
let envOverlay: Record<string, string> = {};
let overlay: Record<string, string>;
let smtpdPort = 25;
const stepLogs = new Map<string, StepLog[]>();
const timings: string[] = [];

async function cli(args: string[], cwd: string) {
  return run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Every file of a build tree, relative, sorted. */
function treeFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? treeFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

function treeDirs(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [path.join(prefix, e.name), ...treeDirs(dir, path.join(prefix, e.name))]);
}

/** The files APPLY.md's copy step puts on the server (it excludes dns/, MANIFEST and APPLY.md). */
const serverFiles = (out: string) => treeFiles(out).filter((f) => !f.startsWith('dns/') && f !== 'MANIFEST' && f !== 'APPLY.md');

function maillogSize(): number {
  try {
    return statSync(MAILLOG).size;
  } catch {
    return 0;
  }
}

function maillogSince(offset: number): string {
  try {
    return readFileSync(MAILLOG).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

interface Sent {
  status: number;
  body: { ok: boolean; id?: string; error?: { code: string; field?: string } };
  at: number;
}

async function send(payload: Record<string, unknown>): Promise<Sent> {
  const response = await fetch(`http://127.0.0.1:${relay!.port}/send`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const at = Date.now();
  return { status: response.status, body: (await response.json()) as Sent['body'], at };
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const subjectOf = (m: Captured) => headerValues(m.raw, 'Subject')[0] ?? '';
const arrivedWith = (subject: string) => sink!.messages.filter((m) => subjectOf(m) === subject);
const waitArrival = (subject: string, timeoutMs: number) => waitFor(`"${subject}" to reach the sink`, () => arrivedWith(subject)[0], timeoutMs, 50);

/** postqueue -j: one JSON object per queued message (maildrop included), as Postfix itself reports it. */
async function postfixQueue(): Promise<{ queue_name: string; sender: string; queue_id: string }[]> {
  const { stdout } = await run('postqueue', ['-j']);
  return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function relayQueueFiles(): string[] {
  const root = parseEnvFile(readFileSync(`/etc/${model.name}.env`, 'utf8')).QUEUE_ROOT;
  return ['pending', 'processing', 'failed'].flatMap((d) => (existsSync(path.join(root, d)) ? readdirSync(path.join(root, d)).map((f) => `${d}/${f}`) : []));
}

function mail(subject: string, extra: Record<string, unknown> = {}) {
  return {
    to: 'customer@example.org',
    from: { email: domain.senders[0].address, name: domain.senders[0].name ?? undefined },
    subject,
    text: `Plain text of ${subject}`,
    ...extra,
  };
}

/** Claims every absolute path a step's lines name (install -d ..., > file), before the step runs. */
function claimPathsOf(lines: string[]): void {
  for (const line of lines) {
    for (const word of line.split(/[\s()>]+/)) {
      const candidate = word.replace(/^["']|["';]$/g, '');
      if (/^\/(etc|var|opt|run|srv)\//.test(candidate) && !candidate.includes('$')) changes!.claimNew(candidate);
    }
  }
}

async function startRelay(): Promise<void> {
  relay = await startRelayUnit(unit, changes!, envOverlay);
}

/** systemctl, for the commands APPLY.md uses, on a machine without systemd as PID 1. */
const systemctl: Emulator = async (words) => {
  const [, verb, ...rest] = words;
  const now = rest.includes('--now');
  const units = rest.filter((w) => !w.startsWith('--'));
  if (verb === 'daemon-reload') return '';
  if (verb === 'enable' && !now) return '';
  for (const name of units) {
    const action = verb === 'enable' ? 'start' : verb;
    if (action !== 'start' && action !== 'restart') throw new Error(`systemctl ${verb}: not emulated`);
    if (name === 'opendkim.service') await (action === 'start' ? opendkim.start() : opendkim.restart());
    else if (name === 'postfix.service') await (action === 'start' ? postfix.start() : postfix.restart());
    else if (name === unit.unitName) {
      if (relay && action === 'restart') await relay.stop();
      if (action === 'restart' || !relay) await startRelay();
    } else throw new Error(`systemctl ${verb} ${name}: unknown unit`);
  }
  return '';
};

/** journalctl -u UNIT -n N: the relay's stdout, or for postfix@- the mail log, is what the journal would hold. */
const journalctl: Emulator = async (words) => {
  const n = Number(words[words.indexOf('-n') + 1] ?? 50);
  if (words[2] === 'postfix@-') return maillogSince(0).split('\n').filter(Boolean).slice(-n).join('\n');
  if (words[2] !== unit.unitName || !relay) throw new Error(`journalctl: only -u ${unit.unitName} and -u postfix@- are emulated`);
  return relay.stdout().split('\n').filter(Boolean).slice(-n).join('\n');
};

/** APPLY.md's copy, run on this machine: the tree at OUT goes to the store directory here instead of over ssh. */
const copyHere = (out: string) => (line: string) => line.replace(' out/ ', ` ${out}/ `).replace('root@"$HOST":/', '/');

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await work();
  } finally {
    timings.push(`${what} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('the chain test runs Postfix, OpenDKIM and setpriv: run it as root (CI does)');
  for (const tool of ['/usr/sbin/postfix', '/usr/sbin/opendkim', '/usr/bin/setpriv', '/usr/bin/rsync', '/usr/bin/systemd-tmpfiles', '/usr/sbin/useradd', '/usr/bin/curl']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: run .ci/install-system-deps.sh`);
  }
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);

  changes = await HostChanges.begin(ROOT);
  postfix = new Postfix(changes);
  opendkim = new OpenDkim(changes);
  const running = await postfix.runningMaster();
  if (running !== null) throw new Error(`a Postfix master (pid ${running}) already runs here; the chain test would take it over: stop it first`);
  const queued = await postfix.queuedFiles();
  if (queued.length > 0) throw new Error(`Postfix's queue holds ${queued.length} message(s) (${queued.slice(0, 3).join(', ')}); the chain test needs it empty`);
  changes.purgePostfixQueueAtEnd(await postfix.queueDirectory());

  // 1. The config, a fresh key for its signing selector (keygen), the build, and the milterDefault: accept variant.
  await timed('keygen + 2 builds', async () => {
    const loaded = await loadConfigFile(SOURCE_CONFIG);
    if (!loaded.model) throw new Error(`${SOURCE_CONFIG} does not load`);
    mkdirSync(CONFIG_DIR, { recursive: true, mode: 0o700 });
    copyFileSync(SOURCE_CONFIG, path.join(CONFIG_DIR, 'relay.config.yaml'));
    for (const d of loaded.model.domains) {
      for (const selector of d.dkim.selectors) {
        const target = path.join(CONFIG_DIR, selector.publicKeyFile);
        mkdirSync(path.dirname(target), { recursive: true });
        if (selector.name === d.dkim.signWith) {
          // keygen writes the public key where the config references it; the private key goes off the tree.
          await cli(['keygen', '--domain', d.name, '--selector', selector.name, '--private-dir', PRIVATE_DIR, '--public-file', selector.publicKeyFile, 'relay.config.yaml'], CONFIG_DIR);
        } else {
          copyFileSync(selector.publicKeyPath, target);
        }
      }
    }
    await cli(['build', 'relay.config.yaml', '--out', OUT], CONFIG_DIR);
    const variant = parseDocument(readFileSync(path.join(CONFIG_DIR, 'relay.config.yaml'), 'utf8'));
    expect(variant.getIn(['delivery', 'milterDefault'])).toBe('tempfail');
    variant.setIn(['delivery', 'milterDefault'], 'accept');
    writeFileSync(path.join(CONFIG_DIR, 'relay.accept.yaml'), variant.toString());
    await cli(['build', 'relay.accept.yaml', '--out', OUT_ACCEPT], CONFIG_DIR);
    const built = await loadConfigFile(path.join(CONFIG_DIR, 'relay.config.yaml'));
    model = built.model!;
    domain = model.domains[0];
  });
  const unitFile = serverFiles(OUT).find((f) => f.startsWith('etc/systemd/system/'))!;
  unit = parseUnit(path.basename(unitFile), readFileSync(path.join(OUT, unitFile), 'utf8'));

  // 2. Loopback ports: the sink anywhere; Postfix's 25, OpenDKIM's and the relay's as generated when free.
  sink = await startSink();
  zone = await serveZone(path.join(OUT, 'dns/records.json'));
  const dkimSocket = opendkimSettings(readFileSync(path.join(OUT, 'etc/opendkim.conf'), 'utf8'));
  if (await canConnect(dkimSocket.host, dkimSocket.port)) throw new Error(`${dkimSocket.host}:${dkimSocket.port} (OpenDKIM's generated socket) is taken: stop what listens there`);
  if (await canConnect('127.0.0.1', 25)) smtpdPort = await freePort();
  // The relay hands off to Postfix's smtpd; when it had to move, the relay follows it (chain/overlay.ts).
  if (smtpdPort !== 25) envOverlay = { HANDOFF_SMTP: `127.0.0.1:${smtpdPort}` };
  const listen = parseEnvFile(readFileSync(path.join(OUT, `etc/${model.name}.env`), 'utf8')).RELAY_LISTEN;
  const [listenHost, listenPort] = [listen.slice(0, listen.lastIndexOf(':')), Number(listen.slice(listen.lastIndexOf(':') + 1))];
  if (await canConnect(listenHost, listenPort)) envOverlay = { ...envOverlay, RELAY_LISTEN: `${listenHost}:0` };

  // 3. APPLY.md, step by step. Copy: the tree's rsync into / (every directory is 0755 like its target, so
  // / and /etc keep their modes; the test checks that first, since rsync -p would change them).
  const steps = applySteps(readFileSync(path.join(OUT, 'APPLY.md'), 'utf8'));
  for (const dir of ['', ...treeDirs(OUT).filter((d) => d !== 'dns')]) {
    const target = path.join('/', dir);
    const mode = (p: string) => (statSync(p).mode & 0o7777).toString(8);
    if (existsSync(target) && mode(target) !== mode(path.join(OUT, dir))) {
      throw new Error(`rsync -p would change ${target} from ${mode(target)} to ${mode(path.join(OUT, dir))}`);
    }
  }
  changes.claim('/etc/postfix');
  // Postfix's own state: its data directory (locks, TLS session cache) and the queue's pid/ lock files.
  changes.claim('/var/lib/postfix');
  changes.claim(path.join(await postfix.queueDirectory(), 'pid'));
  changes.claimNew(MAILLOG);
  for (const file of serverFiles(OUT)) changes.claimNew(path.join('/', file));
  if ((await run('sh', ['-c', `getent passwd ${unit.user} || true`])).stdout === '') changes.addUser(unit.user);
  for (const name of ['first-time', 'secrets']) claimPathsOf(steps.get(name) ?? []);
  // first-time makes the directory the copy lands in; install checks the copy and puts it into /.
  await timed('APPLY.md first-time, copy, install', async () => {
    stepLogs.set('first-time', await runStep(steps, 'first-time', { emulate: {} }));
    stepLogs.set('copy', await runStep(steps, 'copy', { emulate: {}, rewrite: copyHere(OUT) }));
    stepLogs.set('install', await runStep(steps, 'install', { emulate: {} }));
  });
  overlay = mainCfOverlay(await postconfN(path.join(OUT, 'etc/postfix')), sink.port);
  await applyMainCfOverlay(overlay);
  if (smtpdPort !== 25) moveSmtpdPort(smtpdPort);

  await timed('APPLY.md secrets', async () => {
    stepLogs.set('secrets', await runStep(steps, 'secrets', { env: { DKIM_PRIVATE_DIR: PRIVATE_DIR }, emulate: {} }));
  });
  token = readFileSync(unit.loadCredentials[0].path, 'utf8').trim();
  await timed('APPLY.md apply (postmap, postfix check, start OpenDKIM, Postfix, relay)', async () => {
    stepLogs.set('apply', await runStep(steps, 'apply', { emulate: { systemctl } }));
  });
  await timed('APPLY.md verify', async () => {
    stepLogs.set('verify', await runStep(steps, 'verify', { emulate: { journalctl }, rewrite: (l) => l.replace(`http://${listen}/`, `http://${listenHost}:${relay!.port}/`) }));
  });
});

afterEach((context) => {
  // On a failure, show what Postfix and the relay said: there is no other log on this machine.
  if (context.task.result?.state !== 'fail') return;
  process.stderr.write(`--- ${MAILLOG} (last 40 lines)\n${maillogSince(0).split('\n').slice(-41).join('\n')}\n`);
  if (relay) process.stderr.write(`--- relay stdout (last 20 lines)\n${relay.stdout().split('\n').slice(-21).join('\n')}\n--- relay stderr\n${relay.stderr()}\n`);
});

afterAll(async () => {
  try {
    await relay?.stop().catch(() => undefined);
    await changes?.undo();
  } finally {
    await zone?.close();
    await sink?.close();
    const wall = ((performance.now() - startedAt) / 1000).toFixed(1);
    process.stdout.write(`chain system test: wall time ${wall} s (${timings.join('; ')})\n`);
  }
});

describe('relay -> Postfix smtpd -> OpenDKIM -> recipient, on loopback, as built from relay.config.yaml', () => {
  test('the tree applies by its APPLY.md; the overlay changes only what a test machine needs', async () => {
    // Installed files are the generated bytes, except main.cf (the overlay) and master.cf (only if port 25 was taken).
    for (const file of serverFiles(OUT)) {
      if (file === 'etc/postfix/main.cf' || (file === 'etc/postfix/master.cf' && smtpdPort !== 25)) continue;
      expect(readFileSync(path.join('/', file)).equals(readFileSync(path.join(OUT, file))), `/${file} differs from the build`).toBe(true);
    }
    const generated = await postconfN(path.join(OUT, 'etc/postfix'));
    const installed = await postconfN();
    const changed = [...new Set([...generated.keys(), ...installed.keys()])].filter((k) => generated.get(k) !== installed.get(k)).sort();
    expect(changed).toEqual(Object.keys(overlay).sort());
    for (const key of changed) expect(installed.get(key)).toBe(overlay[key]);
    expect(installed.get('relayhost')).toBe(`[127.0.0.1]:${sink!.port}`);
    expect(generated.get('relayhost') ?? '').toBe('');

    // keygen's private key: 0600 in 0700 directories off /tmp; APPLY.md's secrets step put it where the generated
    // KeyTable points (no path rewritten), owned by opendkim, and OpenDKIM runs with RequireSafeKeys as generated.
    const modeOf = (p: string) => (statSync(p).mode & 0o777).toString(8);
    const privateKey = path.join(PRIVATE_DIR, domain.name, `${domain.dkim.signWith}.private`);
    expect([modeOf(PRIVATE_DIR), modeOf(path.dirname(privateKey)), modeOf(privateKey)]).toEqual(['700', '700', '600']);
    const keyTable = readFileSync('/etc/opendkim/KeyTable', 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const keyPaths = keyTable.map((l) => l.trim().split(/\s+/)[1].split(':').slice(2).join(':'));
    expect(keyPaths).toEqual([`/etc/opendkim/keys/${domain.name}/${domain.dkim.signWith}.private`]);
    const opendkimUid = Number((await run('id', ['-u', 'opendkim'])).stdout.trim());
    expect({ uid: statSync(keyPaths[0]).uid, mode: modeOf(keyPaths[0]) }).toEqual({ uid: opendkimUid, mode: '600' });
    expect(readFileSync(keyPaths[0]).equals(readFileSync(privateKey))).toBe(true);
    expect(readFileSync('/etc/opendkim.conf', 'utf8')).toMatch(/^RequireSafeKeys\s+yes$/m);

    // The relay runs as the unit says: its user and group, systemd-journal as its only other group (the SMTP
    // hand-off needs no postdrop; the journal group lets it follow Postfix's delivery log), no new privileges,
    // no capabilities.
    expect(parseEnvFile(readFileSync(`/etc/${model.name}.env`, 'utf8')).RELAY_HANDOFF).toBe('smtp');
    const status = readProc(relay!.pid, 'status')!;
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(status)![1].trim().split(/\s+/);
    const [uid, gid] = [(await run('id', ['-u', unit.user])).stdout.trim(), (await run('id', ['-g', unit.user])).stdout.trim()];
    expect(unit.supplementaryGroups).toEqual(['systemd-journal']);
    const journalGid = (await run('getent', ['group', 'systemd-journal'])).stdout.split(':')[2];
    expect(field('Uid')).toEqual([uid, uid, uid, uid]);
    expect(field('Gid')).toEqual([gid, gid, gid, gid]);
    expect(field('Groups')).toEqual([journalGid]);
    expect(field('NoNewPrivs')).toEqual(['1']);
    expect(field('CapBnd')).toEqual(['0000000000000000']);
    expect(field('Umask')).toEqual([unit.umask]);
    expect(readProc(relay!.pid, 'cmdline')!.split('\0').filter(Boolean)).toEqual(unit.execStart);
    expect(relay!.lines.find((l) => l.event === 'started')).toMatchObject({ token: `credential /run/credentials/${unit.unitName}/${model.name}-token` });

    // APPLY.md's verify step, run as written: health, an empty queue, the relay's start line in its journal.
    const verify = stepLogs.get('verify')!;
    expect(verify.map((s) => s.how)).toEqual(['sh', 'sh', 'emulated', 'emulated']);
    expect(JSON.parse(verify[0].stdout)).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 0, oldestPendingSeconds: 0, handoffFailuresInARow: 0 });
    expect(verify[1].stdout).toBe('Mail queue is empty\n');
    expect(verify[2].stdout).toMatch(/"event":"started"/);
    expect(stepLogs.get('apply')!.map((s) => s.line)).toContain('postfix check');

    // Postfix and OpenDKIM listen on loopback only.
    expect(await canConnect('127.0.0.1', smtpdPort)).toBe(true);
    const { stdout: sockets } = await run('ss', ['-ltnpH']);
    const owned = (pid: number) => sockets.split('\n').filter((l) => l.includes(`pid=${pid},`)).map((l) => l.split(/\s+/)[3]);
    expect(owned(postfix.pid!)).toEqual([`127.0.0.1:${smtpdPort}`]);
    expect(owned(opendkim.pid!)).toEqual([`127.0.0.1:${opendkimSettings().port}`]);
    expect(owned(relay!.pid)).toEqual([`127.0.0.1:${relay!.port}`]);
  });

  test('a message with text and html arrives within seconds, as sent, and DKIM, SPF and DMARC pass', async () => {
    const subject = `Order 1001 shipped [${RUN} happy]`;
    const sender = domain.senders[0];
    const replyTo = `help@${domain.name}`;
    const sent = await send(mail(subject, { replyTo, html: `<p>HTML of ${subject}</p>` }));
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ ok: true, queued: true, id: expect.stringMatching(/^[0-9a-z]{9}-[0-9a-f]{20}$/) });
    const message = await waitArrival(subject, 15_000);
    const latency = message.receivedAt - sent.at;
    timings.push(`POST /send -> sink ${latency} ms`);
    expect(latency).toBeLessThan(10_000);

    // Handed over by SMTP: the relay logged Postfix's queue id from the 250 reply to DATA, and Postfix's own
    // log has that id taking the message from the loopback client (smtpd) with the job's Message-ID (cleanup).
    const delivered = relay!.lines.filter((l) => l.event === 'delivered' && l.id === sent.body.id);
    expect(delivered).toEqual([expect.objectContaining({ attempts: 1, queueId: expect.stringMatching(/^[0-9A-Za-z]+$/), reply: expect.stringMatching(/^250 2\.0\.0 Ok: queued as /) })]);
    const queueId = delivered[0].queueId as string;
    expect(delivered[0].reply).toBe(`250 2.0.0 Ok: queued as ${queueId}`);
    const log = maillogSince(0);
    expect(log).toMatch(new RegExp(`postfix/smtpd\\[\\d+\\]: ${queueId}: client=\\S+\\[127\\.0\\.0\\.1\\]`));
    expect(log).toMatch(new RegExp(`postfix/cleanup\\[\\d+\\]: ${queueId}: message-id=<${escapeRe(sent.body.id!)}@${escapeRe(domain.name)}>`));

    expect(message.mailFrom).toBe(domain.returnPath);
    expect(message.rcptTo).toEqual(['customer@example.org']);
    expect(headerValues(message.raw, 'From')).toEqual([`${sender.name} <${sender.address}>`]);
    expect(headerValues(message.raw, 'Reply-To')).toEqual([replyTo]);
    expect(headerValues(message.raw, 'To')).toEqual(['customer@example.org']);
    expect(headerValues(message.raw, 'Subject')).toEqual([subject]);
    expect(headerValues(message.raw, 'Message-ID')).toEqual([`<${sent.body.id}@${domain.name}>`]);
    expect(headerValues(message.raw, 'Date')).toHaveLength(1);
    const mime = multipartParts(message.raw);
    expect(mime.type).toBe('multipart/alternative');
    expect(mime.parts).toEqual([
      { contentType: 'text/plain', body: `Plain text of ${subject}` },
      { contentType: 'text/html', body: `<p>HTML of ${subject}</p>` },
    ]);

    expect(headerValues(message.raw, 'DKIM-Signature')).toHaveLength(1);
    expect(await verifyDkim(message.raw, zone!)).toEqual([{ result: 'pass', domain: domain.name, selector: domain.dkim.signWith }]);
    // As the recipient would judge it arriving from mta.ipv4 with the generated HELO name.
    const verdict = await authenticateAsReceiver(message.raw, zone!, { ip: model.mta.ipv4, helo: model.mta.hostname, sender: message.mailFrom! });
    expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc }).toEqual({ spf: 'pass', dkim: ['pass'], dmarc: 'pass' });
    expect(verdict.headers).toMatch(new RegExp(`dkim=pass header\\.i=@${escapeRe(domain.name)} header\\.s=${escapeRe(domain.dkim.signWith)}`));

    // Control: the same message with one header changed no longer verifies, so "pass" above is earned.
    const tampered = message.raw.replace(`Subject: ${subject}`, `Subject: ${subject}!`);
    expect((await verifyDkim(tampered, zone!))[0].result).toBe('fail');
  });

  test('HTML only: the relay makes the text part (html-to-text in a worker thread, as the unit user under NoNewPrivileges)', async () => {
    const subject = `Order 1002 shipped [${RUN} html-only]`;
    const html = '<p>Your order shipped.</p><p><img src="https://example.com/logo.png" alt="Example Shop"></p>';
    const sent = await send(mail(subject, { text: undefined, html }));
    expect(sent.status).toBe(202);
    const message = await waitArrival(subject, 15_000);
    const mime = multipartParts(message.raw);
    expect(mime.type).toBe('multipart/alternative');
    expect(mime.parts.map((part) => part.contentType)).toEqual(['text/plain', 'text/html']);
    expect(mime.parts[0].body).toMatch(/^Your order shipped\.\r?\n\r?\nExample Shop$/);
    // The HTML part travels quoted-printable (its lines hold "=").
    expect(libqp.decode(mime.parts[1].body.replace(/\r\n/g, '\n')).toString('utf8')).toBe(html);
  });

  test('cc, bcc, an attachment and the one-click unsubscribe headers: bcc only in the envelope, the file intact, List-Unsubscribe(-Post) signed, DKIM passes', async () => {
    const subject = `Invoice 1003 [${RUN} fields]`;
    const pdf = Buffer.from(Array.from({ length: 6000 }, (_, i) => (i * 131 + 7) % 256));
    const unsubscribe = `<https://${domain.name}/unsubscribe/1003>, <mailto:unsubscribe@${domain.name}?subject=1003>`;
    const sent = await send(
      mail(subject, {
        cc: 'accounts@example.org',
        bcc: ['audit@example.net'],
        attachments: [{ filename: 'Rechnung März 1003.pdf', contentType: 'application/pdf', content: pdf.toString('base64') }],
        headers: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Entity-Ref-ID': `inv-1003-${RUN}` },
      }),
    );
    expect(sent.status).toBe(202);
    const message = await waitArrival(subject, 15_000);
    // Every recipient reaches the sink in the envelope (Postfix may split them over transactions); only To and Cc are in the headers.
    const envelope = () => arrivedWith(subject).flatMap((m) => m.rcptTo).sort();
    await waitFor('all three recipients', () => (envelope().length >= 3 ? true : undefined), 15_000, 50);
    expect(envelope()).toEqual(['accounts@example.org', 'audit@example.net', 'customer@example.org']);
    for (const copy of arrivedWith(subject)) expect(copy.raw).not.toContain('audit@example.net');
    expect(headerValues(message.raw, 'Cc')).toEqual(['accounts@example.org']);
    expect(headerValues(message.raw, 'Bcc')).toEqual([]);
    expect(message.raw).not.toContain('audit@example.net');
    expect(headerValues(message.raw, 'List-Unsubscribe')).toEqual([unsubscribe]);
    expect(headerValues(message.raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);

    const mime = multipartParts(message.raw);
    expect(mime.type).toBe('multipart/mixed');
    const attachment = mime.parts.find((part) => part.contentType === 'application/pdf');
    expect(attachment).toBeDefined();
    expect(Buffer.from(attachment!.body.replace(/\s+/g, ''), 'base64').equals(pdf)).toBe(true);
    expect(message.raw.replace(/\r\n[ \t]+/g, ' ')).toContain("filename*0*=utf-8''Rechnung%20M%C3%A4rz%201003.pdf");

    // RFC 8058 section 3: both list headers covered by the signature (h=), oversigned against additions.
    const signature = headerValues(message.raw, 'DKIM-Signature')[0].replace(/\s+/g, '');
    const signed = /(?:^|;)h=([^;]+)/.exec(signature)![1].toLowerCase().split(':');
    expect(signed.filter((h) => h === 'list-unsubscribe')).toHaveLength(2);
    expect(signed.filter((h) => h === 'list-unsubscribe-post')).toHaveLength(2);
    expect(await verifyDkim(message.raw, zone!)).toEqual([{ result: 'pass', domain: domain.name, selector: domain.dkim.signWith }]);
    // Control: a changed unsubscribe target no longer verifies.
    const tampered = message.raw.replace(`<https://${domain.name}/unsubscribe/1003>`, '<https://evil.example/u>');
    expect((await verifyDkim(tampered, zone!))[0].result).toBe('fail');
  });

  test('a sender outside the allowlist gets 400 and nothing reaches Postfix', async () => {
    const subject = `Not allowed [${RUN} stranger]`;
    const before = { log: maillogSize(), sink: sink!.messages.length, lines: relay!.lines.length };
    const sent = await send(mail(subject, { from: { email: `stranger@${domain.name}`, name: 'Stranger' } }));
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ ok: false, error: { code: 'sender_not_allowed', field: 'from.email' } });
    // Give a wrongly queued message the time the happy path needed many times over.
    await sleep(3000);
    expect(arrivedWith(subject)).toEqual([]);
    expect(sink!.messages.length).toBe(before.sink);
    expect(await postfixQueue()).toEqual([]);
    // No mail-flow line at all (anvil or scache statistics may log at any time; they are not mail).
    expect(maillogSince(before.log).split('\n').filter((l) => /postfix\/(postdrop|pickup|cleanup|qmgr|smtpd?)\[/.test(l))).toEqual([]);
    expect(relay!.lines.slice(before.lines).map((l) => l.event)).toEqual([]);
    expect(relayQueueFiles()).toEqual([]);
  });

  test("Postfix stopped: 20 sends are all accepted, wait in the relay's queue, and each arrives exactly once after it starts", async () => {
    await postfix.stop();
    const subjects = Array.from({ length: 20 }, (_, i) => `Receipt ${i + 1} [${RUN} burst]`);
    const results = await Promise.all(subjects.map((s) => send(mail(s))));
    expect(results.map((r) => r.status)).toEqual(subjects.map(() => 202));
    const ids = new Set(results.map((r) => r.body.id!));
    expect(ids.size).toBe(20);
    // Nothing listens on smtpd's port: each job's first hand-off fails and the job waits in pending/ for its
    // backoff (relay.queue.backoff.first), counted as an attempt.
    await waitFor('a failed first hand-off of all 20', () => relay!.lines.filter((l) => l.event === 'retry' && ids.has(l.id!)).length === 20, 30_000);
    const retries = relay!.lines.filter((l) => l.event === 'retry' && ids.has(l.id!));
    expect(retries.map((l) => [l.attempts, l.retryInMs])).toEqual(retries.map(() => [1, model.relay.queue.backoff.firstMs]));
    for (const l of retries) expect(l.reason).toMatch(/^SMTP hand-off failed \(ESOCKET\): connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(relayQueueFiles().sort()).toEqual([...ids].map((id) => `pending/${id}.json`).sort());
    expect(await postfix.queuedFiles()).toEqual([]);
    expect(sink!.messages.filter((m) => subjects.includes(subjectOf(m)))).toEqual([]);

    await postfix.start();
    await waitFor('all 20 to reach the sink', () => subjects.every((s) => arrivedWith(s).length > 0), model.relay.queue.backoff.firstMs + 45_000, 100);
    await sleep(2000); // room for a duplicate to show up
    expect(subjects.map((s) => arrivedWith(s).length)).toEqual(subjects.map(() => 1));
    for (const s of subjects) expect((await verifyDkim(arrivedWith(s)[0].raw, zone!))[0].result).toBe('pass');
    expect(await postfixQueue()).toEqual([]);
    expect(relayQueueFiles()).toEqual([]);
    const delivered = relay!.lines.filter((l) => l.event === 'delivered' && ids.has(l.id!));
    expect(delivered.map((l) => l.attempts)).toEqual(delivered.map(() => 2));
    expect(new Set(delivered.map((l) => l.queueId)).size).toBe(20);
    expect(relay!.lines.filter((l) => l.event === 'failed')).toEqual([]);
  }, 150_000);

  test('milterDefault tempfail (as configured): with OpenDKIM down Postfix defers, the job waits in the relay, and leaves signed once it is back', async () => {
    expect((await postconfN()).get('milter_default_action')).toBe('tempfail');
    await opendkim.stop('SIGKILL'); // a crash, not a clean stop
    const subject = `Password reset [${RUN} milter-down]`;
    const mark = maillogSize();
    const sent = await send(mail(subject));
    expect(sent.status).toBe(202);
    // smtpd cannot reach the milter and answers 4xx: the relay keeps the job and retries after its backoff.
    const retry = await relay!.waitForLine('a deferred hand-off', (l) => l.event === 'retry' && l.id === sent.body.id, 20_000);
    expect(retry).toMatchObject({ attempts: 1, replyCode: 451, reason: expect.stringMatching(/^Postfix deferred the message: 451 4\.7\.1 Service unavailable/) });
    expect(maillogSince(mark)).toMatch(/milter-reject: [A-Z]+ from \S+\[127\.0\.0\.1\]: 451 4\.7\.1 Service unavailable/);
    expect(arrivedWith(subject)).toEqual([]);
    expect(await postfixQueue()).toEqual([]);
    expect(relayQueueFiles()).toEqual([`pending/${sent.body.id}.json`]);

    await opendkim.start();
    const back = Date.now();
    const message = await waitArrival(subject, model.relay.queue.backoff.firstMs + 30_000);
    timings.push(`OpenDKIM back -> signed delivery ${message.receivedAt - back} ms (the relay's backoff)`);
    expect(await verifyDkim(message.raw, zone!)).toEqual([{ result: 'pass', domain: domain.name, selector: domain.dkim.signWith }]);
    expect(arrivedWith(subject)).toHaveLength(1);
    expect(await postfixQueue()).toEqual([]);
    expect(relayQueueFiles()).toEqual([]);
  }, 120_000);

  test('milterDefault accept (variant build): with OpenDKIM down mail leaves unsigned; with it up, signed', async () => {
    // The variant differs from the base build in main.cf's milter_default_action only, and in the alert that
    // watches OpenDKIM: with accept, its being down means mail leaves unsigned.
    const differing = treeFiles(OUT).filter((f) => !readFileSync(path.join(OUT, f)).equals(readFileSync(path.join(OUT_ACCEPT, f))));
    const rules = `etc/prometheus/rules/relayconf-${model.name}.rules.yml`;
    expect(differing).toEqual(['MANIFEST', 'etc/postfix/main.cf', rules]);
    expect(readFileSync(path.join(OUT_ACCEPT, rules), 'utf8')).toContain('- alert: RelayconfMailLeavingUnsigned');
    expect(readFileSync(path.join(OUT, rules), 'utf8')).toContain('- alert: RelayconfOpenDKIMDown');
    expect(treeFiles(OUT_ACCEPT)).toEqual(treeFiles(OUT));
    const [base, accept] = [await postconfN(path.join(OUT, 'etc/postfix')), await postconfN(path.join(OUT_ACCEPT, 'etc/postfix'))];
    expect([...accept.keys()].filter((k) => accept.get(k) !== base.get(k))).toEqual(['milter_default_action']);
    expect(accept.get('milter_default_action')).toBe('accept');

    // Apply it as an admin would: the copy and install steps (rsync --checksum moves main.cf and the rules file only), the overlay, a restart.
    const steps = applySteps(readFileSync(path.join(OUT_ACCEPT, 'APPLY.md'), 'utf8'));
    await runStep(steps, 'copy', { emulate: {}, rewrite: copyHere(OUT_ACCEPT) });
    await runStep(steps, 'install', { emulate: {} });
    await applyMainCfOverlay(overlay);
    if (smtpdPort !== 25) moveSmtpdPort(smtpdPort);
    await postfix.restart();
    expect((await postconfN()).get('milter_default_action')).toBe('accept');

    await opendkim.stop('SIGKILL');
    const subject = `Invoice 77 [${RUN} accept-down]`;
    const mark = maillogSize();
    expect((await send(mail(subject))).status).toBe(202);
    const message = await waitArrival(subject, 15_000);
    expect(headerValues(message.raw, 'DKIM-Signature')).toEqual([]);
    expect((await verifyDkim(message.raw, zone!)).map((v) => v.result)).toEqual(['none']);
    // Documented consequence: unsigned, yet DMARC still passes on aligned SPF alone (a forward breaks that).
    const verdict = await authenticateAsReceiver(message.raw, zone!, { ip: model.mta.ipv4, helo: model.mta.hostname, sender: message.mailFrom! });
    expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc }).toEqual({ spf: 'pass', dkim: ['none'], dmarc: 'pass' });
    const log = maillogSince(mark);
    expect(log).toMatch(/connect to Milter service inet:127\.0\.0\.1:\d+: Connection refused/);
    expect(log).not.toMatch(/milter-reject/);

    // Control: the same variant signs while OpenDKIM runs, so "unsigned" above is OpenDKIM being down. smtpd
    // asks its milters once per session: the relay renews its pooled sessions, so mail is signed again at
    // the latest one session age after OpenDKIM is back.
    await opendkim.start();
    await sleep(SESSION_MAX_AGE_MS + 1000);
    const signedSubject = `Invoice 78 [${RUN} accept-up]`;
    expect((await send(mail(signedSubject))).status).toBe(202);
    const signed = await waitArrival(signedSubject, 15_000);
    expect((await verifyDkim(signed.raw, zone!))[0]).toEqual({ result: 'pass', domain: domain.name, selector: domain.dkim.signWith });
  });

  test('Postfix logged no warning, error, fatal or panic other than the milter outages this test caused', () => {
    const problems = maillogSince(0)
      .split('\n')
      .filter((l) => /\b(warning|error|fatal|panic):/.test(l))
      // smtpd reports the outages now (the milter runs on the SMTP path): a refused connect, or a session's
      // milter connection that broke when OpenDKIM was killed under it.
      .filter((l) => !/smtpd\[\d+\]: warning: (connect to Milter service inet:127\.0\.0\.1:\d+: Connection refused|milter inet:127\.0\.0\.1:\d+: .+)$/.test(l));
    expect(problems).toEqual([]);
  });
});
