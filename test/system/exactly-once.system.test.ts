// Exactly once across crashes, against a real Postfix: the built server.js hands jobs over SMTP to the
// relay bench's private Postfix on loopback (test/bench/relay-chain.mjs: OpenDKIM signing, maillog_file),
// which relays to a sink that takes everything. Clients send without pause while the relay is SIGKILLed
// and restarted on the same queue at least 20 times, each kill at a random moment with hand-offs in
// flight. Afterwards every accepted id has reached the sink exactly once (counted by the Message-ID the
// relay fixes per job), no id twice, and the recoveries that found a job already in Postfix's hands (its
// Message-ID in cleanup's log line, then queued) are in the relay's log. Needs root (Postfix).
import http from 'node:http';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startChain } from '../bench/relay-chain.mjs';
import { fileScan, findTakenJobs } from '../../src/relay/handoff-lookup.js';
import { buildMessage } from '../../src/relay/mime.js';
import { buildRelay, listQueue, newQueueRoot, queuedJob, reap, removeDir, request, send, startRelay, until, validMail, type BuiltRelay, type RelayProcess } from '../relay/helpers/relay-process.js';
import { sample } from '../relay/helpers/metrics-text.js';
import { startSink, type Sink } from './chain/sink.js';

const root = process.getuid?.() === 0;
const KILLS = 20;
let sink: Sink | undefined;
let chain: Awaited<ReturnType<typeof startChain>> | undefined;
let built: BuiltRelay | undefined;
const runs: RelayProcess[] = [];

beforeAll(async () => {
  if (!root) return;
  sink = await startSink();
  chain = await startChain({ signDomains: ['example.com'], nextHopPort: sink.port });
  if ('skipped' in chain) throw new Error(`the Postfix chain did not start: ${chain.skipped}`);
  built = buildRelay();
});

afterAll(async () => {
  for (const run of runs) await reap(run);
  if (chain && !('skipped' in chain)) await chain.stop();
  await sink?.close();
  if (built) removeDir(built.dir);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The job id in a captured message's Message-ID (`<id@example.com>`), or null. */
function jobIdOf(raw: string): string | null {
  return /^Message-ID: <([0-9a-z]{9}-[0-9a-f]{20})@example\.com>\r?$/im.exec(raw)?.[1] ?? null;
}

test.runIf(root)(`${KILLS} SIGKILLs while clients send: every accepted id reaches the sink exactly once`, async () => {
  const queueRoot = newQueueRoot(built!.dir);
  const env = {
    RELAY_HANDOFF: 'smtp',
    HANDOFF_SMTP: `127.0.0.1:${chain!.smtpPort}`,
    HANDOFF_CONCURRENCY: '4',
    SENDMAIL_TIMEOUT_MS: '10000',
    POSTFIX_LOG: `file:${chain!.maillog}`,
  };
  const start = async () => {
    const run = await startRelay({ built: built!, queueRoot, sendmail: '/bin/false', env });
    runs.push(run);
    return run;
  };
  let current = await start();

  // Four clients send continuously to whichever relay runs, at about what Postfix hands on (a backlog would
  // only lengthen the drain); a refused connection (the relay is down) waits a little.
  const accepted = new Set<string>();
  let sending = true;
  const agent = new http.Agent({ keepAlive: false });
  let seq = 0;
  const client = async () => {
    while (sending) {
      const n = seq++;
      try {
        const response = await send(current.port, validMail({ subject: `soak ${n}`, to: [`user${n}@example.org`] }), { agent });
        if (response.status === 202) accepted.add(response.json.id);
        await sleep(40);
      } catch {
        await sleep(20);
      }
    }
  };
  const clients = Promise.all(Array.from({ length: 4 }, client));

  // Each kill at a random moment once the run has handed jobs off, while hand-offs are in flight.
  let killedWithJobsInHand = 0;
  for (let kill = 0; kill < KILLS; kill += 1) {
    const run = current;
    await run.waitFor((event) => event.event === 'delivered', 15_000, 'a delivery before the kill');
    await sleep(50 + Math.floor(Math.random() * 400));
    const inHand = listQueue(queueRoot, 'processing').filter((name) => name.endsWith('.json')).length;
    run.kill('SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    if (inHand > 0) killedWithJobsInHand += 1;
    current = await start();
  }
  // A last stretch of load on the surviving relay, then drain: the relay's queue, then Postfix's.
  await sleep(1_000);
  sending = false;
  await clients;
  agent.destroy();
  await until(() => listQueue(queueRoot, 'pending').length === 0 && listQueue(queueRoot, 'processing').length === 0, 60_000, `the relay queue to drain (${accepted.size} accepted, ${sink!.messages.length} at the sink)`, 100);
  await until(() => chain!.queued() === 0, 60_000, "Postfix's queue to drain", 100);
  await sleep(500);

  expect(killedWithJobsInHand).toBeGreaterThanOrEqual(KILLS / 2);
  expect(accepted.size).toBeGreaterThan(100);
  const counts = new Map<string, number>();
  for (const message of sink!.messages) {
    const id = jobIdOf(message.raw);
    expect(id, `a message without the relay's Message-ID:\n${message.raw.slice(0, 500)}`).not.toBeNull();
    counts.set(id!, (counts.get(id!) ?? 0) + 1);
  }
  const missing = [...accepted].filter((id) => !counts.has(id));
  const twice = [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${id} x${count}`);
  expect({ missing, twice }).toEqual({ missing: [], twice: [] });
  // Only a job whose 202 the kill swallowed (written, never answered) may arrive without being accepted.
  expect(counts.size - accepted.size).toBeLessThanOrEqual(KILLS * 4);
  expect(listQueue(queueRoot, 'failed')).toEqual([]);

  // The recoveries happened: jobs left in processing/ were found in Postfix's hands and not handed off again.
  const events = runs.flatMap((run) => run.events);
  const recovered = events.filter((event) => event.event === 'recovered').length;
  const foundInPostfix = events.filter((event) => event.event === 'delivered' && event.recovered === true);
  expect(recovered).toBeGreaterThanOrEqual(KILLS / 2);
  expect(foundInPostfix.length).toBeGreaterThan(0);
  for (const event of foundInPostfix) expect(event.queueId).toMatch(/^[0-9A-F]{6,}$/);
  // Some by the log alone: killed after Postfix's 250 and before the outcome record was written.
  const foundInLog = foundInPostfix.filter((event) => String(event.reply).endsWith("(found in Postfix's log after a restart)"));
  expect(foundInLog.length).toBeGreaterThan(0);
  process.stdout.write(
    `exactly-once soak: ${KILLS} kills (${killedWithJobsInHand} with jobs in hand), ${accepted.size} accepted, ${sink!.messages.length} at the sink, ` +
      `${recovered} recovered, ${foundInPostfix.length} found already in Postfix (${foundInLog.length} by its log)\n`,
  );
}, 240_000);

/** Talks SMTP to Postfix's smtpd up to and into DATA; `complete` ends the message, else the connection is dropped mid-body. */
async function transfer(port: number, messageId: string, complete: boolean, message?: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let received = '';
  socket.on('data', (chunk: string) => (received += chunk));
  const reply = async (code: string) => {
    const end = Date.now() + 10_000;
    while (!new RegExp(`^${code} .*\\r\\n`, 'm').test(received)) {
      if (Date.now() > end) throw new Error(`no ${code} reply from smtpd: ${received}`);
      await sleep(10);
    }
    const text = received;
    received = '';
    return text;
  };
  await reply('220');
  for (const [command, code] of [['EHLO test.local', '250'], ['MAIL FROM:<bounces@example.com>', '250'], ['RCPT TO:<someone@example.org>', '250'], ['DATA', '354']]) {
    socket.write(`${command}\r\n`);
    await reply(code);
  }
  socket.write(message ?? `From: support@example.com\r\nTo: someone@example.org\r\nSubject: abandoned?\r\nMessage-ID: ${messageId}\r\n\r\nfirst line\r\n`);
  if (!complete) {
    // What a SIGKILL does to the relay's connection: gone mid-body.
    await sleep(300);
    socket.destroy();
    return '';
  }
  socket.write('.\r\n');
  const queued = await reply('250');
  socket.end('QUIT\r\n');
  return queued;
}

test.runIf(root)("Postfix's log tells a message it queued from one whose transfer was cut off mid-DATA", async () => {
  const abandoned = { id: '0mx42swpb-aaaaaaaaaaaaaaaaaaaa', messageId: '<0mx42swpb-aaaaaaaaaaaaaaaaaaaa@example.com>', since: new Date(Date.now() - 1000) };
  const finished = { id: '0mx42swpb-bbbbbbbbbbbbbbbbbbbb', messageId: '<0mx42swpb-bbbbbbbbbbbbbbbbbbbb@example.com>', since: new Date(Date.now() - 1000) };
  await transfer(chain!.smtpPort, abandoned.messageId, false);
  const reply = await transfer(chain!.smtpPort, finished.messageId, true);
  const queueId = /queued as ([0-9A-F]+)/.exec(reply)![1];
  const taken = await findTakenJobs([abandoned, finished], fileScan(chain!.maillog), { graceMs: 3_000 });
  expect([...taken.keys()]).toEqual([finished.id]);
  expect(taken.get(finished.id)!.queueId).toBe(queueId);
  // The abandoned transfer was in the log (cleanup saw its Message-ID), so it was told apart, not missed.
  const log = readFileSync(chain!.maillog, 'utf8');
  expect(log).toContain(`message-id=${abandoned.messageId}`);
  expect(log).toMatch(/lost connection after DATA/);
});

/** A TCP proxy to Postfix's smtpd that passes everything but the 250 reply naming a queue id: there it drops both sides. */
async function replyLosingProxy(port: number): Promise<{ port: number; dropped: () => number; close: () => Promise<void> }> {
  let dropped = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (/queued as /.test(chunk.toString('latin1'))) {
        dropped += 1;
        end();
      } else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    dropped: () => dropped,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.runIf(root)("a 250 lost on the way back (Postfix queued it, the relay never read the reply): found in Postfix's log, not sent again", async () => {
  const proxy = await replyLosingProxy(chain!.smtpPort);
  const queueRoot = newQueueRoot(mkdtempSync(`${built!.dir}/lost-replies-`));
  const run = await startRelay({
    built: built!,
    queueRoot,
    sendmail: '/bin/false',
    env: { RELAY_HANDOFF: 'smtp', HANDOFF_SMTP: `127.0.0.1:${proxy.port}`, HANDOFF_CONCURRENCY: '2', SENDMAIL_TIMEOUT_MS: '10000', POSTFIX_LOG: `file:${chain!.maillog}` },
  });
  runs.push(run);
  const before = sink!.messages.length;
  const ids: string[] = [];
  for (let n = 0; n < 5; n += 1) {
    const response = await send(run.port, validMail({ subject: `lost reply ${n}`, to: [`lost${n}@example.org`] }));
    expect(response.status).toBe(202);
    ids.push(response.json.id);
  }
  for (const id of ids) await run.waitFor((event) => event.event === 'delivered' && event.id === id, 30_000, `${id} delivered`);
  await until(() => chain!.queued() === 0 && sink!.messages.length - before >= 5, 30_000, 'Postfix to pass them on', 100);
  await sleep(1_000);
  await proxy.close();
  expect(proxy.dropped()).toBe(5);
  const delivered = run.events.filter((event) => event.event === 'delivered');
  for (const event of delivered) {
    expect(event).toMatchObject({ recovered: true, attempts: 1, queueId: expect.stringMatching(/^[0-9A-F]{6,}$/) });
    expect(event.reply).toBe(`queued as ${event.queueId} (found in Postfix's log after its reply was lost)`);
  }
  expect(run.events.filter((event) => event.event === 'retry')).toEqual([]);
  const arrived = sink!.messages.slice(before).map((message) => jobIdOf(message.raw));
  expect(arrived.sort()).toEqual([...ids].sort());
  // /metrics counts them apart from plain hand-offs; no crash, so nothing recovered.
  const metrics = (await request(run.port, { method: 'GET', path: '/metrics' })).text;
  expect(sample(metrics, 'relayconf_relay_handoffs_found_in_log_total')).toBe(5);
  expect(sample(metrics, 'relayconf_relay_handoff_outcomes_total', { outcome: 'delivered' })).toBe(5);
  expect(sample(metrics, 'relayconf_relay_recovered_jobs_total')).toBe(0);
});

test.runIf(root)('a job\'s Message-ID in a message a local user submitted with sendmail (pickup) is not its hand-off, though Postfix queued it', async () => {
  const forged = { id: '0mx42swpc-cccccccccccccccccccc', messageId: '<0mx42swpc-cccccccccccccccccccc@example.com>', since: new Date(Date.now() - 1000) };
  const message = `From: mallory@example.com\nTo: ok@example.org\nSubject: not the relay's\nMessage-ID: ${forged.messageId}\n\nforged\n`;
  execFileSync('sendmail', ['-C', chain!.etc, '-f', 'mallory@example.com', '-t', '-oi'], { input: message });
  const log = () => readFileSync(chain!.maillog, 'utf8');
  await until(() => new RegExp(`([0-9A-F]+): message-id=${forged.messageId}`).test(log()), 15_000, 'cleanup logged the forged Message-ID');
  const queueId = new RegExp(`([0-9A-F]+): message-id=${forged.messageId}`).exec(log())![1];
  await until(() => log().includes(`${queueId}: from=<mallory@example.com>`), 15_000, 'qmgr queued it');
  // pickup's first line for it names the submitting uid.
  expect(log()).toMatch(new RegExp(`postfix/pickup\\[\\d+\\]: ${queueId}: uid=0 from=<mallory@example.com>`));
  expect((await findTakenJobs([forged], fileScan(chain!.maillog), { graceMs: 2_000 })).size).toBe(0);
});

test.runIf(root)('a long sender domain: the Message-ID header the relay builds is folded, and cleanup still logs it whole', async () => {
  const domain = `${'notifications.'.repeat(4)}example.com`;
  const job = { ...queuedJob(), from: { address: `support@${domain}`, name: null }, returnPath: `bounces@${domain}` };
  const long = { id: job.id, messageId: `<${job.id}@${domain}>`, since: new Date(Date.now() - 1000) };
  job.messageId = long.messageId;
  const built = (await buildMessage(job)).toString('utf8');
  expect(built).toContain(`Message-ID:\n ${long.messageId}\n`);
  const wire = `${built.replace(/\n/g, '\r\n').replace(/^\./gm, '..')}`;
  const reply = await transfer(chain!.smtpPort, long.messageId, true, wire);
  const queueId = /queued as ([0-9A-F]+)/.exec(reply)![1];
  const taken = await findTakenJobs([long], fileScan(chain!.maillog), { graceMs: 3_000 });
  expect(taken.get(long.id)?.queueId).toBe(queueId);
});
