// Guest-side API client of the deploy VM test (test/vm/deploy): paced concurrent POST /send calls, with one command run in the middle.
// Plain Node 18, no npm. Starts send i at i*INTERVAL ms without waiting for earlier ones (so sends
// are in flight while the command runs), runs COMMAND (sh -c) just before send AT starts, and
// writes every outcome to OUT as JSON: the status and id of each send (or the socket error), how
// often it was refused, and the command's timing and exit code. A refused connection
// (ECONNREFUSED: nothing listens, so nothing was queued) is tried again every 500 ms for up to
// RETRY ms, as a caller of a restarting relay would; any other error is final, since the request
// may have been queued. Deciding what the outcomes mean is the host's job.
// Usage: node client.cjs --out FILE --count N --interval MS --tag TAG [--at K --run COMMAND] [--retry-refused MS]
// Env: RELAY_URL (http://127.0.0.1:2525), TOKEN_FILE, SENDER, SENDER_NAME, RCPT.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const { spawn } = require('node:child_process');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const count = Number(args.count);
const interval = Number(args.interval);
const at = args.at === undefined ? -1 : Number(args.at);
const retryMs = Number(args['retry-refused'] ?? 0);
if (!args.out || !(count > 0) || !(interval >= 0) || !args.tag) {
  process.stderr.write('usage: node client.cjs --out FILE --count N --interval MS --tag TAG [--at K --run COMMAND]\n');
  process.exit(2);
}
const env = (/** @type {string} */ name) => {
  const v = process.env[name];
  if (!v) { process.stderr.write(`client.cjs: ${name} is not set\n`); process.exit(2); }
  return v;
};
const url = new URL('/send', process.env.RELAY_URL || 'http://127.0.0.1:2525');
// Read as the callers of the relay would: `cat /etc/credstore/<name>-token` (APPLY.md, step secrets).
const token = fs.readFileSync(env('TOKEN_FILE'), 'utf8').trim();
const sender = env('SENDER');
const senderName = process.env.SENDER_NAME || undefined;
const rcpt = env('RCPT');
const t0 = Date.now();

/** One POST /send, tried again while refused; resolves with the outcome, never rejects. */
async function send(/** @type {number} */ i) {
  const subject = `${args.tag} ${i}`;
  const body = JSON.stringify({ to: rcpt, from: { email: sender, name: senderName }, subject, text: `Body of ${subject}.` });
  const firstMs = Date.now() - t0;
  let refused = 0;
  for (;;) {
    const outcome = await attempt(body);
    if (outcome.error !== 'ECONNREFUSED' || Date.now() - t0 - firstMs >= retryMs) return { i, subject, firstMs, refused, ...outcome };
    refused++;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** One HTTP request; resolves with status, id and body, or the socket error. */
function attempt(/** @type {string} */ body) {
  const startedMs = Date.now() - t0;
  return new Promise((resolve) => {
    const done = (/** @type {object} */ outcome) => resolve({ startedMs, endedMs: Date.now() - t0, ...outcome });
    const req = http.request(url, {
      method: 'POST',
      agent: false,
      timeout: 20_000,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let parsed = null;
        try { parsed = JSON.parse(text); } catch { /* kept as text */ }
        done({ status: res.statusCode, id: parsed && parsed.id ? parsed.id : null, body: parsed ?? text });
      });
      res.on('error', (e) => done({ status: null, id: null, error: `response: ${e.code || e.message}` }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => done({ status: null, id: null, error: e.code || e.message }));
    req.end(body);
  });
}

/** COMMAND under sh -c; resolves with its timing, exit code and output. */
function runCommand(/** @type {string} */ command) {
  const startedMs = Date.now() - t0;
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (code, signal) => resolve({ command, startedMs, endedMs: Date.now() - t0, code, signal, output }));
  });
}

async function main() {
  /** @type {Promise<object>[]} */
  const sends = [];
  /** @type {Promise<object> | null} */
  let command = null;
  for (let i = 0; i < count; i++) {
    const due = t0 + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i === at && args.run) command = runCommand(args.run);
    sends.push(send(i));
  }
  const results = await Promise.all(sends);
  const commandResult = command ? await command : null;
  fs.writeFileSync(args.out, `${JSON.stringify({ tag: args.tag, count, interval, at, retryMs, command: commandResult, sends: results }, null, 1)}\n`);
  const accepted = results.filter((r) => r.status === 202).length;
  const refused = results.filter((r) => r.refused > 0).length;
  process.stdout.write(`client ${args.tag}: ${accepted}/${count} accepted (${refused} refused at first)${commandResult ? `; "${commandResult.command}" exited ${commandResult.code} at ${commandResult.startedMs}-${commandResult.endedMs} ms` : ''}\n`);
}

main().catch((e) => { process.stderr.write(`client.cjs: ${e && e.stack || e}\n`); process.exit(1); });
