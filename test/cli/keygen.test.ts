// `relayconf keygen`: where the keys go (private 0600 outside git, public where the config points),
// what it prints (config snippet, TXT record), and what it refuses.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultSelector } from '../../src/dkim/generate.js';
import { readDkimPublicKey } from '../../src/dkim/public-key.js';
import { runCli } from '../helpers/cli.js';

const created: string[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `relayconf-keygen-${prefix}-`));
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});
const mode = (file: string) => statSync(file).mode & 0o777;

/** The TXT record's strings as printed (zone-file quoting), joined. */
function printedRecord(stdout: string, owner: string): { ttl: number; text: string } {
  const start = stdout.indexOf(`${owner} `);
  expect(start).toBeGreaterThanOrEqual(0);
  const block = stdout.slice(start, stdout.indexOf('\n\n', start));
  const ttl = Number(/^\S+ (\d+) IN TXT/.exec(block)?.[1]);
  const strings = [...block.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return { ttl, text: strings.join('') };
}

describe('keygen writes the pair', () => {
  test('private key 0600 in DIR/domain/selector.private, public key under keys/, snippet and record printed', async () => {
    const cwd = tmp('cwd');
    const privateDir = tmp('private');
    const run = await runCli(['keygen', '--domain', 'Example.com', '--selector', 'mail202611', '--private-dir', privateDir], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const privateFile = path.join(privateDir, 'example.com', 'mail202611.private');
    const publicFile = path.join(cwd, 'keys', 'example.com', 'mail202611.pub');
    expect(readFileSync(privateFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(mode(privateFile)).toBe(0o600);
    expect(mode(path.join(privateDir, 'example.com'))).toBe(0o700);
    const key = readDkimPublicKey(publicFile);
    expect(key).toMatchObject({ status: 'ok', keyType: 'rsa', bits: 2048 });
    expect(run.stdout).toContain(['   domains:', '     - name: example.com', '       dkim:', '         selectors:', '           - name: mail202611', '             publicKeyFile: keys/example.com/mail202611.pub'].join('\n'));
    const record = printedRecord(run.stdout, 'mail202611._domainkey.example.com.');
    expect(record.ttl).toBe(3600);
    expect(record.text).toBe(`v=DKIM1; h=sha256; k=rsa; p=${(key as { dnsPublicKey: string }).dnsPublicKey}`);
    // Over 255 characters: printed as several strings, as DNS needs.
    expect(run.stdout).toMatch(/IN TXT \( "v=DKIM1; h=sha256; k=rsa; p=[^"]+"\n {4}"[^"]+" \)/);
    expect(run.stdout).toContain('set signWith: mail202611');
  });

  test('the default selector is mail<YYYYMM>, the default private dir ~/.relayconf/dkim', async () => {
    const cwd = tmp('cwd');
    const home = tmp('home');
    const run = await runCli(['keygen', '--domain', 'example.com'], { cwd, env: { HOME: home } });
    expect(run.code).toBe(0);
    const selector = defaultSelector();
    expect(existsSync(path.join(home, '.relayconf', 'dkim', 'example.com', `${selector}.private`))).toBe(true);
    expect(existsSync(path.join(cwd, 'keys', 'example.com', `${selector}.pub`))).toBe(true);
  });

  test('with a config: the public key goes beside it, the TTL comes from it', async () => {
    const cwd = tmp('cwd');
    const configDir = path.join(cwd, 'infra');
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, 'relay.config.yaml'), 'version: 1\nname: x\n');
    const privateDir = tmp('private');
    const run = await runCli(['keygen', '--domain', 'example.com', '--selector', 's1', '--private-dir', privateDir, '--type', 'ed25519', 'infra/relay.config.yaml'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('relayconf keygen: note: infra/relay.config.yaml does not load (run `relayconf lint`); only its directory is used\n');
    const publicFile = path.join(configDir, 'keys', 'example.com', 's1.pub');
    expect(readDkimPublicKey(publicFile)).toMatchObject({ status: 'ok', keyType: 'ed25519' });
    expect(run.stdout).toContain('publicKeyFile: keys/example.com/s1.pub');
    expect(printedRecord(run.stdout, 's1._domainkey.example.com.').text).toMatch(/^v=DKIM1; h=sha256; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
    expect(run.stdout).toContain('Ed25519 (RFC 8463) is not verified by every receiver');
  });
});

describe('keygen for a selector the config already has', () => {
  test('the signing selector: no "published but not signing yet", no snippet, and lint is clean after', async () => {
    const cwd = tmp('cwd');
    const privateDir = tmp('private');
    expect((await runCli(['init', '--domain', 'shop.example.net', '--mx', 'mx1.example.net', '--selector', 'mail202611', '--private-dir', tmp('init-private')], { cwd })).code).toBe(0);
    rmSync(path.join(cwd, 'keys'), { recursive: true }); // a fresh clone without the key, say
    expect((await runCli(['lint', '--format', 'json'], { cwd })).stdout).toContain('relayconf keygen --domain shop.example.net --selector mail202611');
    const run = await runCli(['keygen', '--domain', 'shop.example.net', '--selector', 'mail202611', '--private-dir', privateDir, 'relay.config.yaml'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. relay.config.yaml already signs with mail202611 (signWith): nothing to add.\n');
    expect(run.stdout).not.toContain('not signing yet');
    expect(run.stdout).not.toContain('   domains:');
    expect(run.stdout).toContain('4. It signs as soon as the server has the key: publish the record first');
    expect(JSON.parse((await runCli(['lint', '--format', 'json'], { cwd })).stdout).summary.errors).toBe(0);
  });

  test('a selector already published beside the signing one', async () => {
    const cwd = tmp('cwd');
    expect((await runCli(['init', '--domain', 'shop.example.net', '--mx', 'mx1.example.net', '--selector', 'mail202611', '--private-dir', tmp('init-private')], { cwd })).code).toBe(0);
    const config = path.join(cwd, 'relay.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/(\n +)- name: mail202611\n( +)publicKeyFile: (\S+)/, '$1- name: mail202611\n$2publicKeyFile: $3$1- name: mail202612\n$2publicKeyFile: keys/shop.example.net/mail202612.pub'));
    const run = await runCli(['keygen', '--domain', 'shop.example.net', '--selector', 'mail202612', '--private-dir', tmp('private'), 'relay.config.yaml'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. relay.config.yaml already lists selector mail202612 (published, not signing; signWith is mail202611): nothing to add.\n');
    expect(run.stdout).toContain('then set signWith: mail202612.');
  });
});

describe('keygen refuses', () => {
  test('RSA below 2048 bits (exit 2, nothing written)', async () => {
    const cwd = tmp('cwd');
    const privateDir = tmp('private');
    const run = await runCli(['keygen', '--domain', 'example.com', '--bits', '1024', '--private-dir', privateDir], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'relayconf keygen: RSA DKIM keys below 2048 bits are refused (got 1024): receivers treat them as weak or ignore the signature (the self-hosted HTTP relay build guide, step 4, RFC 8301); use --bits 2048 or more\n',
    );
    expect(existsSync(path.join(privateDir, 'example.com'))).toBe(false);
    expect(existsSync(path.join(cwd, 'keys'))).toBe(false);
  });

  test('a private dir inside the git work tree, unless --force', async () => {
    const repo = tmp('repo');
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'sub'));
    const refused = await runCli(['keygen', '--domain', 'example.com', '--selector', 's1', '--private-dir', 'secrets'], { cwd: path.join(repo, 'sub') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`refusing to write the private key under ${path.join(repo, 'sub', 'secrets')}: it is inside the git work tree ${repo}`);
    expect(existsSync(path.join(repo, 'sub', 'secrets'))).toBe(false);
    const forced = await runCli(['keygen', '--domain', 'example.com', '--selector', 's1', '--private-dir', 'secrets', '--force'], { cwd: path.join(repo, 'sub') });
    expect(forced.code).toBe(0);
    expect(mode(path.join(repo, 'sub', 'secrets', 'example.com', 's1.private'))).toBe(0o600);
  });

  test('the default private dir when HOME itself is a git work tree', async () => {
    const home = tmp('home');
    mkdirSync(path.join(home, '.git'));
    const run = await runCli(['keygen', '--domain', 'example.com'], { cwd: home, env: { HOME: home } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inside the git work tree');
  });

  test('overwriting a key of an existing selector, unless --force', async () => {
    const cwd = tmp('cwd');
    const privateDir = tmp('private');
    const args = ['keygen', '--domain', 'example.com', '--selector', 's1', '--private-dir', privateDir];
    expect((await runCli(args, { cwd })).code).toBe(0);
    const first = readFileSync(path.join(cwd, 'keys', 'example.com', 's1.pub'), 'utf8');
    const again = await runCli(args, { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; a new key under a published selector breaks its DNS record');
    expect(readFileSync(path.join(cwd, 'keys', 'example.com', 's1.pub'), 'utf8')).toBe(first);
    expect((await runCli([...args, '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'keys', 'example.com', 's1.pub'), 'utf8')).not.toBe(first);
  });

  test.each([
    [[], '--domain is required'],
    [['--domain', 'localhost'], '--domain must be a domain name'],
    [['--domain', 'example.com', '--selector', 'bad_selector'], '--selector must be letters'],
    [['--domain', 'example.com', '--type', 'dsa'], '--type must be rsa or ed25519'],
    [['--domain', 'example.com', '--type', 'ed25519', '--bits', '4096'], '--bits applies to RSA keys only'],
    [['--domain', 'example.com', '--bits', 'lots'], '--bits takes a whole number'],
  ])('usage error: %j', async (args, message) => {
    const run = await runCli(['keygen', ...args, '--private-dir', tmp('private')], { cwd: tmp('cwd') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
