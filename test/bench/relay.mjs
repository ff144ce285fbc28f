// Benchmark of the generated relay: accepted POST /send per second with p50/p99 latency at 1, 16 and 64
// concurrent clients, beside baselines measured in the same run on the same disk:
//   floor   - a loop that writes the same job bytes to a temp file, fsyncs it, renames it into place and
//             fsyncs the directory (what a 202 promises, with nothing else around it);
//   postfix - Postfix's own SMTP accept rate: smtp-source -s 64 -m N -l SIZE against a private Postfix
//             on loopback (own config dir, queue and ports) with the OpenDKIM milter on, relaying to
//             smtp-sink (relay-chain.mjs), measured before and after the relay's runs.
// And the whole path: POST /send until the message is in that Postfix's queue, 64 clients, in each
// hand-off mode (smtp, the default, and sendmail), with the ratio to Postfix's own rate.
// Plus the drain rate with a no-op sendmail (/bin/true). The server under test is the real
// opt/<name>/server.js compiled from relay.config.yaml (rate limit switched off: the load comes from
// one IP). Run: `node test/bench/relay.mjs [--quick] [--json]` or `npm run bench -- relay`. Postfix
// needs root (skipped otherwise). Figures move with the machine's load: compare the ratios, which are
// measured in the same run, not the absolute rates.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { endToEnd, smtpSourceRate, startChain } from './relay-chain.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const TEXT_BYTES = 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The compile step as `relayconf build` runs it, from the TypeScript sources (esbuild, no tsc needed). */
async function loadCompiler() {
  if (!fs.existsSync(path.join(ROOT, 'dist/relay/server.bundle.cjs'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'src/tools/bundle-relay.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const { build } = await import('esbuild');
  const outDir = path.join(ROOT, 'node_modules/.cache/relayconf-bench');
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'compile.mjs');
  await build({
    stdin: {
      contents: [
        "export { loadConfigText } from './src/config/load.ts';",
        "export { relayServerFiles } from './src/outputs/relay-server.ts';",
        "export { relayEnvFile } from './src/outputs/relay-env.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    // Paths derived from import.meta.url (the package-root lookup, the relay bundle) resolve as in src/.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(ROOT, 'src/outputs/relay-server.ts')).href) },
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

export async function buildServer(dir) {
  const { loadConfigText, relayServerFiles, relayEnvFile } = await loadCompiler();
  const configPath = path.join(ROOT, 'relay.config.yaml');
  const text = fs.readFileSync(configPath, 'utf8').replace(/ratePerMinute: \d+/, 'ratePerMinute: 0');
  const loaded = loadConfigText(text, { file: 'relay.config.yaml', absPath: configPath });
  if (!loaded.model) throw new Error(`relay.config.yaml does not load: ${JSON.stringify(loaded.findings)}`);
  const [server] = relayServerFiles(loaded.model);
  const env = relayEnvFile(loaded.model);
  const serverPath = path.join(dir, 'server.js');
  fs.writeFileSync(serverPath, server.content, { mode: 0o644 });
  const envVars = {};
  for (const line of env.content.split('\n')) {
    if (line && !line.startsWith('#')) envVars[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  const sender = loaded.model.domains[0].senders[0].address;
  return { serverPath, envVars, sender };
}

/** Starts server.js; resolves with its port and a counter of `delivered` events. */
export async function startRelay(built, queueRoot, sendmailPath, extraEnv = {}) {
  const child = spawn(process.execPath, [built.serverPath], {
    env: {
      PATH: process.env.PATH,
      ...built.envVars,
      RELAY_LISTEN: '127.0.0.1:0',
      QUEUE_ROOT: queueRoot,
      SENDMAIL_PATH: sendmailPath,
      SMTP_RELAY_TOKEN: TOKEN,
      // The accept, mixed and drain sections park or no-op a sendmail, one job at a time; the end-to-end
      // section picks its hand-off and concurrency itself.
      RELAY_HANDOFF: 'sendmail',
      HANDOFF_CONCURRENCY: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // onEvent(event, performance.now()) sees every log line (the end-to-end run times delivered events).
  const relay = { child, port: 0, delivered: 0, onDelivered: null, onEvent: null };
  let partial = '';
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`relay exited ${code} before it started`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop();
      for (const line of lines) {
        const event = JSON.parse(line);
        relay.onEvent?.(event, performance.now());
        if (event.event === 'started') {
          relay.port = event.port;
          resolve();
        } else if (event.event === 'delivered') {
          relay.delivered += 1;
          relay.onDelivered?.();
        }
      }
    });
  });
  return relay;
}

async function kill(relay, signal = 'SIGKILL') {
  if (relay.child.exitCode !== null || relay.child.signalCode !== null) return;
  const exited = new Promise((resolve) => relay.child.once('exit', resolve));
  relay.child.kill(signal);
  await exited;
}

function payload(sender, n) {
  return Buffer.from(
    JSON.stringify({
      to: `user${n}@example.org`,
      from: { email: sender },
      subject: `Your receipt ${n}`,
      text: 'x'.repeat(TEXT_BYTES),
    }),
  );
}

/**
 * `total` POST /send over `concurrency` keep-alive connections, one request in flight on each; latency
 * of each 202. A raw-socket client rather than http.request: the load generator shares the machine's
 * cores with the relay, so it should cost as little CPU as smtp-source does on the Postfix side.
 */
export async function load(port, sender, concurrency, total, onAccepted = null) {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const head = `POST /send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n`;
  const connect = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
      socket.setNoDelay(true);
    });
  /** Sends one request and resolves with [status, keepAlive] once the whole response is in. */
  const exchange = (socket, body) =>
    new Promise((resolve, reject) => {
      let buffer = Buffer.alloc(0);
      const onData = (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headText = buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headText)?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        socket.off('data', onData);
        socket.off('error', onError);
        const body = onAccepted ? buffer.subarray(end + 4, end + 4 + length).toString('utf8') : '';
        resolve([Number(headText.slice(9, 12)), !/\r\nconnection: *close/i.test(headText), body]);
      };
      const onError = (error) => {
        socket.off('data', onData);
        reject(error);
      };
      socket.on('data', onData);
      socket.once('error', onError);
      socket.write(`${head}Content-Length: ${body.length}\r\n\r\n`);
      socket.write(body);
    });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      let socket = null;
      for (let i = next++; i < total; i = next++) {
        const t = process.hrtime.bigint();
        const sentAt = performance.now();
        let status;
        try {
          socket ??= await connect();
          const [code, keepAlive, body] = await exchange(socket, payload(sender, i));
          status = code;
          if (code === 202 && onAccepted) onAccepted(JSON.parse(body).id, sentAt);
          if (!keepAlive) {
            socket.destroy();
            socket = null;
          }
        } catch (error) {
          status = error.code ?? 'error';
          socket?.destroy();
          socket = null;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 202) latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      socket?.destroy();
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { clients: concurrency, requests: total, perSecond: (statuses[202] ?? 0) / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), statuses };
}

/** The floor: write + fsync + close + rename + directory fsync of the same job bytes, serially. */
function floor(dir, bytes, ops) {
  fs.mkdirSync(dir, { recursive: true });
  const dirFd = fs.openSync(dir, 'r');
  const latencies = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) {
    const t = process.hrtime.bigint();
    const temp = path.join(dir, `.job${i}.tmp`);
    const fd = fs.openSync(temp, 'wx', 0o640);
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, path.join(dir, `job${i}.json`));
    fs.fsyncSync(dirFd);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(dirFd);
  fs.rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return { ops, perSecond: ops / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The private Postfix + OpenDKIM + smtp-sink chain: smtp-source's rate before and after, and the relay's
 * end-to-end rate into it in each hand-off mode (HANDOFF_CONCURRENCY jobs in hand, as each mode's build generates).
 */
export async function benchChain(built, scale) {
  const chain = await startChain({ signDomains: [built.sender.split('@')[1], 'example.com'] });
  if (chain.skipped) return { postfix: { skipped: chain.skipped } };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-bench-e2e-'));
  try {
    const sessions = 64;
    const messages = Math.round(2000 * scale);
    smtpSourceRate(chain, { messages: Math.round(300 * scale), sessions, bytes: TEXT_BYTES }); // warm-up
    const before = smtpSourceRate(chain, { messages, sessions, bytes: TEXT_BYTES });
    const reusing = smtpSourceRate(chain, { messages, sessions, bytes: TEXT_BYTES, reuse: true });
    const endToEndRuns = {};
    for (const [mode, total] of [
      // At least 5,000 in a full run: long enough that start-up and the last stragglers do not set the rate.
      ['smtp', Math.round(5000 * scale)],
      // Fewer: one process per message makes it the slow one, and the rate settles well within 500.
      ['sendmail', Math.round(500 * scale)],
    ]) {
      const queueRoot = path.join(work, `queue-${mode}`);
      fs.mkdirSync(queueRoot);
      const relay = await startRelay(built, queueRoot, '/usr/sbin/sendmail', {
        RELAY_HANDOFF: mode,
        // as generated for each mode: the bench's build is smtp (8 jobs in hand); a sendmail build writes 1
        // BENCH_HANDOFF_CONCURRENCY tries another pool size for smtp without a rebuild (tuning, not the default)
        HANDOFF_CONCURRENCY: mode === 'smtp' ? (process.env.BENCH_HANDOFF_CONCURRENCY ?? built.envVars.HANDOFF_CONCURRENCY) : '1',
        HANDOFF_SMTP: `127.0.0.1:${chain.smtpPort}`,
        // Postfix's sendmail and postdrop read this instance's main.cf (root may name any directory).
        MAIL_CONFIG: chain.etc,
      });
      try {
        endToEndRuns[mode] = await endToEnd({ relay, sender: built.sender, clients: 64, total, post: load });
      } finally {
        await kill(relay, 'SIGTERM');
      }
    }
    const after = smtpSourceRate(chain, { messages, sessions, bytes: TEXT_BYTES });
    await sleep(2000);
    return {
      postfix: { sessions, messages, before, after, perSecond: (before + after) / 2, perSecondReusingConnections: reusing, milterTrouble: chain.milterTrouble().length, milter: 'OpenDKIM, milter_default_action = tempfail' },
      endToEnd: endToEndRuns,
    };
  } finally {
    await chain.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Runs every measurement; prints the human report unless `print` is false; returns the figures. */
export async function benchRelay({ quick = false, print = true } = {}) {
  const scale = quick ? 0.25 : 1;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-bench-'));
  const built = await buildServer(work);
  // sendmail that parks the worker on its first job: the accept path is measured on its own.
  const parked = path.join(work, 'parked-sendmail');
  fs.writeFileSync(parked, '#!/bin/sh\nexec sleep 3600\n', { mode: 0o755 });
  const result = { loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))), cpus: os.cpus().length, node: process.version };
  try {
    // Accept, worker parked.
    const queue = path.join(work, 'queue-accept');
    fs.mkdirSync(queue);
    let relay = await startRelay(built, queue, parked, { SENDMAIL_TIMEOUT_MS: '3600000' });
    await load(relay.port, built.sender, 16, Math.round(400 * scale)); // warm-up (JIT, page cache)
    const pendingDir = path.join(queue, 'pending');
    const jobBytes = fs.readFileSync(path.join(pendingDir, fs.readdirSync(pendingDir).find((name) => name.endsWith('.json'))));
    const floorDir = path.join(work, 'floor');
    const floorBefore = floor(floorDir, jobBytes, Math.round(1500 * scale));
    result.relay = [];
    for (const [clients, total] of [
      [1, 800],
      [16, 3000],
      [64, 4000],
    ]) {
      result.relay.push(await load(relay.port, built.sender, clients, Math.round(total * scale)));
    }
    const floorAfter = floor(floorDir, jobBytes, Math.round(1500 * scale));
    await kill(relay);
    result.floor = {
      jobBytes: jobBytes.length,
      before: floorBefore,
      after: floorAfter,
      perSecond: (floorBefore.perSecond + floorAfter.perSecond) / 2,
    };

    // Accept at 64 clients while the worker drains into a no-op sendmail (the realistic mix).
    const queueMixed = path.join(work, 'queue-mixed');
    fs.mkdirSync(queueMixed);
    relay = await startRelay(built, queueMixed, '/bin/true');
    result.relayWhileDraining = await load(relay.port, built.sender, 64, Math.round(3000 * scale));
    await kill(relay);

    // Drain: N jobs accepted with the worker parked, then a restart with a no-op sendmail.
    const queueDrain = path.join(work, 'queue-drain');
    fs.mkdirSync(queueDrain);
    const jobs = Math.round(1000 * scale);
    relay = await startRelay(built, queueDrain, parked, { SENDMAIL_TIMEOUT_MS: '3600000' });
    await load(relay.port, built.sender, 16, jobs);
    await kill(relay);
    const drainStarted = process.hrtime.bigint();
    relay = await startRelay(built, queueDrain, '/bin/true');
    await new Promise((resolve) => {
      relay.onDelivered = () => relay.delivered >= jobs && resolve();
      relay.onDelivered();
    });
    result.drain = { jobs, perSecond: jobs / (Number(process.hrtime.bigint() - drainStarted) / 1e9), sendmail: '/bin/true' };
    await kill(relay, 'SIGTERM');

    Object.assign(result, await benchChain(built, scale));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const at64 = result.relay.find((level) => level.clients === 64);
  result.ratios = {
    relay64OverFloor: at64.perSecond / result.floor.perSecond,
    relay64OverPostfix: result.postfix.perSecond ? at64.perSecond / result.postfix.perSecond : null,
    relay64OverPostfixReusingConnections: result.postfix.perSecondReusingConnections ? at64.perSecond / result.postfix.perSecondReusingConnections : null,
    endToEndOverPostfix: result.endToEnd?.smtp && result.postfix.perSecond ? result.endToEnd.smtp.perSecond / result.postfix.perSecond : null,
    sendmailEndToEndOverPostfix: result.endToEnd?.sendmail && result.postfix.perSecond ? result.endToEnd.sendmail.perSecond / result.postfix.perSecond : null,
  };
  if (print) console.log(report(result));
  return result;
}

function report(r) {
  const f = (x, d = 0) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
  const lines = [
    `machine: ${r.cpus} cpus, load average ${r.loadAverage.join(' ')} at start, ${r.node}`,
    `floor (serial write+fsync+rename+dir fsync of the same ${r.floor.jobBytes}-byte job): ${f(r.floor.perSecond)}/s ` +
      `(before ${f(r.floor.before.perSecond)}/s p50 ${f(r.floor.before.p50Ms, 2)} ms p99 ${f(r.floor.before.p99Ms, 2)} ms; after ${f(r.floor.after.perSecond)}/s)`,
    'relay accepted POST /send (worker parked), keep-alive clients:',
    ...r.relay.map(
      (l) =>
        `  ${String(l.clients).padStart(2)} clients: ${f(l.perSecond).padStart(5)}/s  p50 ${f(l.p50Ms, 2)} ms  p99 ${f(l.p99Ms, 2)} ms  ` +
        `= ${f((100 * l.perSecond) / r.floor.perSecond)}% of floor  (${JSON.stringify(l.statuses)})`,
    ),
    `relay at 64 clients while draining to /bin/true: ${f(r.relayWhileDraining.perSecond)}/s p50 ${f(r.relayWhileDraining.p50Ms, 2)} ms p99 ${f(r.relayWhileDraining.p99Ms, 2)} ms`,
    ...(r.postfix.skipped
      ? [`postfix: skipped (${r.postfix.skipped})`]
      : [
          `postfix smtpd, OpenDKIM milter on, smtp-source -s ${r.postfix.sessions} -m ${r.postfix.messages} -l ${TEXT_BYTES}: ${f(r.postfix.perSecond)}/s ` +
            `(before ${f(r.postfix.before)}/s, after ${f(r.postfix.after)}/s; new connection per message), ${f(r.postfix.perSecondReusingConnections)}/s with -d; ` +
            `milter trouble in Postfix's log: ${r.postfix.milterTrouble} lines`,
          ...Object.entries(r.endToEnd).map(
            ([mode, e]) =>
              `end-to-end, relay.handoff ${mode}, ${e.clients} clients, ${e.messages} messages (POST /send -> in Postfix's queue): ${f(e.perSecond)}/s, ` +
              `relay accepting ${f(e.acceptedPerSecond)}/s meanwhile; POST -> ${mode === 'smtp' ? 'queue id' : 'maildrop'} p50 ${f(e.p50Ms, 1)} ms p99 ${f(e.p99Ms, 1)} ms` +
              `${mode === 'smtp' ? ` (${e.queueIds} distinct queue ids)` : ''} ${JSON.stringify(e.statuses)}`,
          ),
          `sendmail hand-off end-to-end/postfix ratio: ${f(r.ratios.sendmailEndToEndOverPostfix, 2)}`,
          `end-to-end/postfix ratio: ${f(r.ratios.endToEndOverPostfix, 2)}`,
        ]),
    `drain with a no-op sendmail (${r.drain.sendmail}): ${f(r.drain.perSecond)} jobs/s over ${r.drain.jobs} jobs`,
    `ratios at 64 clients: relay/floor ${f(r.ratios.relay64OverFloor, 2)} (goal >= 0.70), relay/postfix ${f(r.ratios.relay64OverPostfix, 2)} ` +
      `(goal >= 1.00; vs postfix -d ${f(r.ratios.relay64OverPostfixReusingConnections, 2)})`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const result = await benchRelay({ quick: process.argv.includes('--quick') });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
}

export { report as reportRelay };
