// The Postfix side of the relay bench: a private Postfix on loopback (own config directory, queue, data
// directory and ports; never the system instance) with an OpenDKIM milter signing on the smtpd path
// (smtpd_milters, milter_default_action = tempfail, so nothing is accepted unsigned) and smtp-sink as the
// next hop. Measures smtp-source's accept rate against it, and the relay's end-to-end rate into it:
// POST /send until the message is in Postfix's queue (the 250 reply to DATA in the smtp hand-off, the
// maildrop file in the sendmail hand-off). Needs root (Postfix and postdrop as the mail owner's peers).
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitListening(port, what, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`${what} did not listen on 127.0.0.1:${port}`);
    await sleep(100);
  }
}

/** Master.cf services of a relay-only Postfix; smtpd on `smtpPort`. */
function masterCf(smtpPort) {
  const services = [
    [`127.0.0.1:${smtpPort}`, 'inet', 'n', '-', 'n', '-', '-', 'smtpd'],
    ['pickup', 'unix', 'n', '-', 'n', '60', '1', 'pickup'],
    ['cleanup', 'unix', 'n', '-', 'n', '-', '0', 'cleanup'],
    ['qmgr', 'unix', 'n', '-', 'n', '300', '1', 'qmgr'],
    ['rewrite', 'unix', '-', '-', 'n', '-', '-', 'trivial-rewrite'],
    ['bounce', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['defer', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['trace', 'unix', '-', '-', 'n', '-', '0', 'bounce'],
    ['verify', 'unix', '-', '-', 'n', '-', '1', 'verify'],
    ['flush', 'unix', 'n', '-', 'n', '1000?', '0', 'flush'],
    ['proxymap', 'unix', '-', '-', 'n', '-', '-', 'proxymap'],
    ['proxywrite', 'unix', '-', '-', 'n', '-', '1', 'proxymap'],
    ['smtp', 'unix', '-', '-', 'n', '-', '-', 'smtp'],
    ['relay', 'unix', '-', '-', 'n', '-', '-', 'smtp'],
    ['showq', 'unix', 'n', '-', 'n', '-', '-', 'showq'],
    ['error', 'unix', '-', '-', 'n', '-', '-', 'error'],
    ['retry', 'unix', '-', '-', 'n', '-', '-', 'error'],
    ['discard', 'unix', '-', '-', 'n', '-', '-', 'discard'],
    ['local', 'unix', '-', 'n', 'n', '-', '-', 'local'],
    ['anvil', 'unix', '-', '-', 'n', '-', '1', 'anvil'],
    ['scache', 'unix', '-', '-', 'n', '-', '1', 'scache'],
    ['postlog', 'unix-dgram', 'n', '-', 'n', '-', '1', 'postlogd'],
  ];
  return `${services.map((s) => s.join(' ')).join('\n')}\n`;
}

/**
 * Starts smtp-sink, OpenDKIM and Postfix in a temp directory. `signDomains`: the From domains OpenDKIM
 * signs (the relay's sender domain and smtp-source's). `nextHopPort`: a receiving server the caller runs on
 * 127.0.0.1 instead of smtp-sink; `mainCf`: extra main.cf lines. Resolves with the ports and a stop().
 */
export async function startChain({ signDomains, nextHopPort = null, mainCf = [] }) {
  if (process.getuid?.() !== 0) return { skipped: 'needs root' };
  for (const tool of ['/usr/sbin/postfix', '/usr/sbin/smtp-source', '/usr/sbin/smtp-sink', '/usr/sbin/opendkim']) {
    if (!fs.existsSync(tool)) return { skipped: `${tool} missing` };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-bench-chain-'));
  fs.chmodSync(dir, 0o755);
  const etc = path.join(dir, 'etc');
  const data = path.join(dir, 'data');
  const dkim = path.join(dir, 'dkim');
  for (const d of [etc, data, dkim]) fs.mkdirSync(d);
  fs.mkdirSync(path.join(dir, 'spool'), { mode: 0o755 });
  execFileSync('chown', ['postfix', data]);
  const [smtpPort, sinkPort, milterPort] = [await freePort(), await freePort(), await freePort()];
  const maillog = path.join(dir, 'maillog');

  // OpenDKIM: one key for the listed domains, signing what arrives from loopback (InternalHosts default).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = path.join(dkim, 'bench.private');
  fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  const pidFile = path.join(dkim, 'opendkim.pid');
  fs.writeFileSync(
    path.join(dkim, 'opendkim.conf'),
    [
      'Syslog no',
      'Mode s',
      `Socket inet:${milterPort}@127.0.0.1`,
      `PidFile ${pidFile}`,
      `Domain ${signDomains.join(',')}`,
      'Selector bench',
      `KeyFile ${keyFile}`,
      'Canonicalization relaxed/simple',
      'SignatureAlgorithm rsa-sha256',
      'RequireSafeKeys no',
      '',
    ].join('\n'),
  );
  const opendkim = spawn('/usr/sbin/opendkim', ['-f', '-x', path.join(dkim, 'opendkim.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let opendkimErr = '';
  opendkim.stderr.on('data', (c) => (opendkimErr += c));
  const sink = nextHopPort === null ? spawn('/usr/sbin/smtp-sink', ['-u', 'postfix', `127.0.0.1:${sinkPort}`, '256'], { stdio: 'ignore' }) : null;

  // The generated main.cf's shape where throughput is concerned: loopback only, mynetworks loopback with
  // relay restrictions that end in reject, the milter on the smtpd path (and non_smtpd_milters for
  // sendmail's pickup path), tempfail while it is down, a relayhost (here the sink).
  fs.writeFileSync(
    path.join(etc, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${path.join(dir, 'spool')}`,
      `data_directory = ${data}`,
      'mail_owner = postfix',
      'setgid_group = postdrop',
      'myhostname = mail.example.com',
      'mydestination =',
      'inet_interfaces = 127.0.0.1',
      'inet_protocols = ipv4',
      'mynetworks = 127.0.0.0/8',
      'smtpd_client_restrictions = permit_mynetworks, reject',
      'smtpd_relay_restrictions = permit_mynetworks, reject',
      'smtpd_recipient_restrictions = permit_mynetworks, reject',
      `relayhost = [127.0.0.1]:${nextHopPort ?? sinkPort}`,
      'smtp_tls_security_level = none',
      'smtpd_tls_security_level = none',
      'milter_protocol = 6',
      'milter_default_action = tempfail',
      `smtpd_milters = inet:127.0.0.1:${milterPort}`,
      'non_smtpd_milters = $smtpd_milters',
      'alias_maps =',
      'alias_database =',
      'local_recipient_maps =',
      `maillog_file_prefixes = ${dir}`,
      `maillog_file = ${maillog}`,
      ...mainCf,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(etc, 'master.cf'), masterCf(smtpPort));

  const stop = async () => {
    try {
      execFileSync('postfix', ['-c', etc, 'stop'], { stdio: 'pipe' });
    } catch {
      // not started
    }
    opendkim.kill('SIGTERM');
    sink?.kill('SIGTERM');
    await sleep(500);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitListening(milterPort, `OpenDKIM (${opendkimErr.trim()})`);
    try {
      execFileSync('postfix', ['-c', etc, 'start'], { stdio: 'pipe' });
    } catch (error) {
      const log = fs.existsSync(maillog) ? fs.readFileSync(maillog, 'utf8') : '';
      throw new Error(`postfix -c ${etc} start failed: ${log.split('\n').filter((line) => /fatal|error/.test(line)).join('; ') || error.message}`);
    }
    await waitListening(smtpPort, 'Postfix smtpd');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    etc,
    smtpPort,
    maillog,
    /** Postfix's spool (queue_directory). */
    spool: path.join(dir, 'spool'),
    stop,
    /** Lines of Postfix's log that say a milter problem (must stay empty: tempfail would refuse mail). */
    milterTrouble: () => fs.readFileSync(maillog, 'utf8').split('\n').filter((l) => /milter/i.test(l) && /warning|reject|error/i.test(l)),
    /** Queue files Postfix still holds (maildrop, incoming, active, deferred). */
    queued: () => ['maildrop', 'incoming', 'active', 'deferred'].reduce((n, q) => n + countFiles(path.join(dir, 'spool', q)), 0),
  };
}

function countFiles(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** smtp-source's accept rate against the chain's smtpd: `sessions` in parallel, `messages` in all. */
export function smtpSourceRate(chain, { messages, sessions, bytes, reuse = false }) {
  const started = process.hrtime.bigint();
  execFileSync(
    '/usr/sbin/smtp-source',
    [...(reuse ? ['-d'] : []), '-s', String(sessions), '-m', String(messages), '-l', String(bytes), '-f', 'bounces@example.com', '-t', 'user@example.org', `127.0.0.1:${chain.smtpPort}`],
    { stdio: 'pipe' },
  );
  return messages / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * The relay's end-to-end rate: `total` POST /send from `clients` keep-alive clients against a relay whose
 * worker hands off to the chain, timed from the first POST until the last job's `delivered` event (the
 * job is in Postfix's queue and gone from the relay's). Latency per job: POST sent -> delivered event.
 */
export async function endToEnd({ relay, sender, clients, total, post }) {
  const postedAt = new Map();
  const latencies = [];
  const queueIds = new Set();
  let firstPost = null;
  let last = 0;
  let delivered = 0;
  const early = new Map();
  const allDelivered = new Promise((resolve) => {
    relay.onEvent = (event, at) => {
      if (event.event !== 'delivered') return;
      delivered += 1;
      last = at;
      if (event.queueId) queueIds.add(event.queueId);
      const sent = postedAt.get(event.id);
      // A job may be handed off before its 202 reaches the client: match it once the id is known.
      if (sent === undefined) early.set(event.id, at);
      else latencies.push(at - sent);
      if (delivered >= total) resolve();
    };
  });
  const started = process.hrtime.bigint();
  const accepted = await post(relay.port, sender, clients, total, (id, sentAt) => {
    firstPost ??= sentAt;
    postedAt.set(id, sentAt);
    const at = early.get(id);
    if (at !== undefined) {
      early.delete(id);
      latencies.push(at - sentAt);
    }
  });
  const acceptSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await allDelivered;
  relay.onEvent = null;
  latencies.sort((a, b) => a - b);
  const seconds = (last - firstPost) / 1000;
  return {
    clients,
    messages: total,
    acceptedPerSecond: (accepted.statuses[202] ?? 0) / acceptSeconds,
    statuses: accepted.statuses,
    perSecond: total / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    queueIds: queueIds.size,
  };
}
