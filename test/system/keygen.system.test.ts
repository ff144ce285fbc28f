// System test: OpenDKIM accepts the keys `relayconf keygen` writes. OpenDKIM signs a message offline
// (`opendkim -x CONF -t msg.eml`) with the private key, RequireSafeKeys left on; mailauth then
// verifies the signature against the TXT record keygen printed, served by a dns2 server on
// 127.0.0.1 and read through the resolver adapter check-dns uses.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDkimKeyPair } from '../../src/dkim/generate.js';
import { createResolver } from '../../src/dns/resolver.js';
import { splitTxt } from '../../src/dns/txt.js';
import { mailauthResolver } from '../../src/dns/spf-eval.js';
import { runCli } from '../helpers/cli.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

const MESSAGE = [
  'From: Example Support <support@example.com>',
  'To: someone@example.org',
  'Subject: keygen system test',
  'Date: Sun, 01 Nov 2026 10:00:00 +0000',
  'Message-ID: <keygen-system-test@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Signed by OpenDKIM with a key relayconf generated.',
  '',
].join('\r\n');

let keyDir: string;
let work: string;
let server: TestDnsServer;

beforeAll(async () => {
  // OpenDKIM refuses keys under a world-writable parent such as /tmp: keep them in a 0700 dir in $HOME.
  keyDir = mkdtempSync(path.join(os.homedir(), '.relayconf-systest-'));
  work = mkdtempSync(path.join(os.tmpdir(), 'relayconf-systest-'));
  server = await startDnsServer({ records: [] });
  try {
    execFileSync('opendkim', ['-V'], { stdio: 'pipe' });
  } catch {
    throw new Error('opendkim is not installed: apt-get install opendkim opendkim-tools (see .ci/install-system-deps.sh)');
  }
});

afterAll(async () => {
  await server?.close();
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs keygen in-process and returns the private key path and the TXT text it printed. */
async function keygen(selector: string, type: 'rsa' | 'ed25519', bits?: number) {
  const args = ['keygen', '--domain', 'example.com', '--selector', selector, '--type', type, '--private-dir', keyDir, ...(bits ? ['--bits', String(bits)] : [])];
  const run = await runCli(args, { cwd: work });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const owner = `${selector}._domainkey.example.com.`;
  const block = run.stdout.slice(run.stdout.indexOf(`${owner} `), run.stdout.indexOf('\n\n', run.stdout.indexOf(`${owner} `)));
  const strings = [...block.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return { privateKey: path.join(keyDir, 'example.com', `${selector}.private`), strings };
}

/** Signs MESSAGE offline with OpenDKIM and returns the signed message (signature header first). */
function opendkimSign(selector: string, keyFile: string, type: 'rsa' | 'ed25519'): string {
  const conf = path.join(work, `${selector}.conf`);
  const lines = ['Mode s', 'Domain example.com', `Selector ${selector}`, `KeyFile ${keyFile}`, 'Canonicalization relaxed/simple', 'Syslog no'];
  // OpenDKIM picks the algorithm globally; Ed25519 keys need it said.
  if (type === 'ed25519') lines.push('SignatureAlgorithm ed25519-sha256');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const eml = path.join(work, `${selector}.eml`);
  writeFileSync(eml, MESSAGE);
  // -t prints "opendkim: FILE:" then the DKIM-Signature header it would add; it exits 0 even when
  // it could not sign ("no signature added"), so the header itself is the proof.
  const output = execFileSync('opendkim', ['-x', conf, '-t', eml], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const start = output.indexOf('DKIM-Signature:');
  expect(start, `opendkim did not sign: ${output}`).toBeGreaterThanOrEqual(0);
  const header = output.slice(start).replace(/\r?\n$/, '').split(/\r?\n/).join('\r\n');
  return `${header}\r\n${MESSAGE}`;
}

async function verifyAgainst(message: string, selector: string, strings: string[]) {
  server.setZone({ records: [{ name: `${selector}._domainkey.example.com`, type: 'TXT', strings }] });
  const resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 1000, tries: 1 });
  const result = await dkimVerify(message, { resolver: mailauthResolver(resolver) as never });
  return result.results.map((r: { status: { result: string }; signingDomain?: string; selector?: string }) => ({ result: r.status.result, domain: r.signingDomain, selector: r.selector }));
}

describe('OpenDKIM signs with keygen keys; the printed record verifies', () => {
  test.each([
    ['rsa', 'sys2048', undefined],
    ['rsa', 'sys4096', 4096],
    ['ed25519', 'sysed', undefined],
  ] as const)('%s %s', async (type, selector, bits) => {
    const { privateKey, strings } = await keygen(selector, type, bits);
    const signed = opendkimSign(selector, privateKey, type);
    expect(signed).toMatch(new RegExp(`^DKIM-Signature: v=1; a=${type === 'rsa' ? 'rsa' : 'ed25519'}-sha256; c=relaxed/simple; d=example.com;\\s+s=${selector};`));
    expect(await verifyAgainst(signed, selector, strings)).toEqual([{ result: 'pass', domain: 'example.com', selector }]);
    // Control: the same signature against another key's record fails, so "pass" above means something.
    const other = generateDkimKeyPair(type).dnsPublicKey;
    const wrong = splitTxt(`v=DKIM1; h=sha256; k=${type}; p=${other}`);
    expect((await verifyAgainst(signed, selector, wrong))[0].result).toBe('fail');
  }, 60_000); // a 4096-bit key takes seconds to generate on a busy machine
});
