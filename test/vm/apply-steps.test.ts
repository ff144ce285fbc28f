// Host-only test of apply-steps.mjs: step extraction from APPLY.md and the step runner script, run with bash here (no VM).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { compile } from '../../src/outputs/compile.js';
import { serverPackages } from '../../src/outputs/apply/packages.js';
import { extractSteps, stepsScript } from './apply-steps.mjs';
import { ALL_STEPS, certbotOffline, copyOnThisMachine, RUN_STEPS, STEP_REWRITES, VM_ENTRY, withVmEntry } from './deploy/steps.js';

const doc = [
  '# Applying x',
  '',
  '```sh step=copy',
  'rsync -rlpt out/ root@$HOST:/',
  '```',
  '',
  'text',
  '```sh',
  'not a step',
  '```',
  '```sh step=first-time',
  "echo \"it's $DKIM_PRIVATE_DIR\"",
  'true',
  '```',
  '````sh step=fail',
  'echo before',
  'false',
  'echo never',
  '````',
  '```sh step=after',
  'echo unreachable',
  '```',
  '',
].join('\n');

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('extractSteps', () => {
  it('finds the sh step=NAME blocks with their line numbers and verbatim code', () => {
    const steps = extractSteps(doc);
    expect(steps.map((s) => [s.name, s.line])).toEqual([['copy', 3], ['first-time', 11], ['fail', 15], ['after', 20]]);
    expect(steps[0].code).toBe('rsync -rlpt out/ root@$HOST:/\n');
    expect(steps[2].code).toBe('echo before\nfalse\necho never\n');
  });

  it('rejects an unclosed block and a repeated step name', () => {
    expect(() => extractSteps('```sh step=a\necho\n')).toThrow(/line 1: step a has no closing fence/);
    expect(() => extractSteps('```sh step=a\n```\n```sh step=a\n```\n')).toThrow(/line 3: step a appears twice/);
  });
});

describe('stepsScript', () => {
  it('runs steps in order with sh -e, records output, exit codes and transforms, and stops at the first failure', () => {
    const results = mkdtempSync(join(tmpdir(), 'steps-'));
    dirs.push(results);
    const script = stepsScript(extractSteps(doc), {
      env: { DKIM_PRIVATE_DIR: "/root/dkim keys'" },
      transform: { copy: (c) => c.replace(' root@$HOST:/', ' /') .replace('rsync -rlpt', 'echo rsync -rlpt') },
    });
    let status = 0;
    try {
      execFileSync('/bin/bash', ['-c', script], { env: { ...process.env, RESULTS: results }, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    const read = (f: string) => readFileSync(join(results, 'steps', f), 'utf8');
    expect(read('copy.sh')).toBe('echo rsync -rlpt out/ /\n');
    expect(read('copy.original')).toBe('rsync -rlpt out/ root@$HOST:/\n');
    expect(read('copy.out')).toContain('rsync -rlpt out/ /');
    expect(read('first-time.out')).toContain("it's /root/dkim keys'");
    expect(existsSync(join(results, 'steps', 'first-time.original'))).toBe(false);
    expect(read('fail.rc').trim()).toBe('1');
    expect(read('fail.out')).toContain('before');
    expect(read('fail.out')).not.toContain('never');
    expect(existsSync(join(results, 'steps', 'after.rc'))).toBe(false);
  });

  it('refuses a transform for a step APPLY.md does not have', () => {
    expect(() => stepsScript(extractSteps(doc), { transform: { nope: (c) => c } })).toThrow(/unknown step nope/);
  });
});

describe('the root config\'s APPLY.md, with the VM\'s nginx entry, as the deploy VM test runs it (host only)', () => {
  const REPO = path.resolve(import.meta.dirname, '../..');
  const load = async () => {
    const file = path.join(REPO, 'relay.config.yaml');
    const loaded = loadConfigText(withVmEntry(readFileSync(file, 'utf8')), { file: 'relay.config.yaml', absPath: file });
    if (!loaded.model) throw new Error(loaded.findings.map((f) => f.message).join('; '));
    const model = loaded.model;
    return { model, steps: extractSteps(compile(model).find((f) => f.path === 'APPLY.md')!.content) };
  };

  it('has the steps deploy.vm.ts expects, and the copy rewrite changes only its target', async () => {
    const { model, steps } = await load();
    expect(steps.map((s) => s.name)).toEqual(ALL_STEPS);
    const copy = steps.find((s) => s.name === 'copy')!;
    expect(copyOnThisMachine(copy.code)).toBe(`rsync -rlpt --checksum --delete out/ /var/lib/relayconf/${model.name}/incoming/\n`);
    expect(copyOnThisMachine(copy.code)).not.toBe(copy.code);
    for (const step of steps.filter((s) => s.name !== 'copy')) expect(copyOnThisMachine(step.code), step.name).toBe(step.code);
  });

  it('adds only relay.entry to the root config, and certbot\'s line is the one the entry rewrite replaces', async () => {
    const root = readFileSync(path.join(REPO, 'relay.config.yaml'), 'utf8');
    const { model, steps } = await load();
    expect(model.relay.entry).toEqual({ hostname: VM_ENTRY.hostname, gateway: 'nginx-allowlist', allowFrom: [{ address: VM_ENTRY.caller, family: 4, prefix: 32 }], clientCaFile: null, tunnelId: null });
    expect(withVmEntry(root).replace(/\s+/g, ' ')).toContain(`entry: hostname: ${VM_ENTRY.hostname} gateway: nginx-allowlist allowFrom: - ${VM_ENTRY.caller}`);
    const entry = steps.find((s) => s.name === 'entry')!;
    const rewritten = certbotOffline(entry.code);
    expect(rewritten.split('\n').filter((l) => !entry.code.split('\n').includes(l))).toEqual([
      `install -d -m 0700 /etc/letsencrypt/live/${VM_ENTRY.hostname} && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=${VM_ENTRY.hostname} `
      + `-addext subjectAltName=DNS:${VM_ENTRY.hostname} -keyout /etc/letsencrypt/live/${VM_ENTRY.hostname}/privkey.pem -out /etc/letsencrypt/live/${VM_ENTRY.hostname}/fullchain.pem`,
    ]);
    expect(rewritten).not.toContain('certbot certonly');
    expect(() => certbotOffline('nginx -t\n')).toThrow(/no `certbot certonly/);
  });

  it('writes a guest script sh can parse, with every step the VM runs', async () => {
    const { steps } = await load();
    const script = stepsScript(steps.filter((s) => RUN_STEPS.includes(s.name)), { cwd: '/root/build', env: { DKIM_PRIVATE_DIR: '/root/dkim' }, transform: STEP_REWRITES });
    const check = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
    expect([check.status, check.stderr]).toEqual([0, '']);
    expect(script.match(/^echo "== step .*"$/gm)).toEqual(RUN_STEPS.map((s) => `echo "== step ${s}"`));
  });

  // The guest has no network: apt-get install must find every package already installed, or the step fails.
  it('installs only packages the VM image already has, so the offline packages step changes nothing', async () => {
    const { model, steps } = await load();
    const image = readFileSync(path.join(REPO, 'test/vm/image/packages.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
    const wanted = serverPackages(model).map((p) => p.name);
    expect(wanted.filter((p) => !image.includes(p))).toEqual([]);
    expect(steps.find((s) => s.name === 'packages')!.code).toContain(`apt-get install -y --no-install-recommends ${wanted.join(' ')}\n`);
    const entryInstall = /^apt-get install -y (.+)$/m.exec(steps.find((s) => s.name === 'entry')!.code)?.[1].split(' ');
    expect(entryInstall).toEqual(['nginx', 'certbot']);
    expect(entryInstall!.filter((p) => !image.includes(p))).toEqual([]);
  });
});
