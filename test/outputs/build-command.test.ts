// `relayconf build` through main(): lint gate, the written tree, --check, and the refusals.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';

let work: string;
beforeEach(() => {
  work = tempDir('relayconf-build-');
  cpSync(path.join(REPO, 'examples/minimal'), work, { recursive: true });
});

const read = (p: string) => readFileSync(path.join(work, p), 'utf8');

describe('relayconf build', () => {
  it('writes the tree to out/ by default and matches the golden', async () => {
    const run = await runCli(['build'], { cwd: work });
    expect(run.stderr).toMatch(/^relayconf build: wrote 17 files to out\/ \(apply with out\/APPLY.md\)\n$/);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(work, 'out')).sort()).toEqual(['APPLY.md', 'MANIFEST', 'dns', 'etc', 'opt']);
    expect(read('out/etc/postfix/main.cf')).toBe(readFileSync(path.join(REPO, 'golden/minimal/etc/postfix/main.cf'), 'utf8'));
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });

  it('prints the findings, exits 1 and writes nothing when the config has errors', async () => {
    writeFileSync(path.join(work, 'relay.config.yaml'), read('relay.config.yaml').replace('policy: quarantine', 'policy: quarentine'));
    const run = await runCli(['build', '--out', 'build'], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^relay\.config\.yaml:\d+:\d+: error: domains\[0\]\.dmarc\.policy must be one of none, quarantine, reject \(got "quarentine"\) \[schema\]\n/);
    expect(run.stderr).toBe('relayconf build: the config has errors; nothing written\n');
    expect(existsSync(path.join(work, 'build'))).toBe(false);
  });

  it('keeps stdout parseable with --format json', async () => {
    writeFileSync(path.join(work, 'relay.config.yaml'), read('relay.config.yaml').replace('policy: quarantine', 'policy: quarentine'));
    const run = await runCli(['build', '--format', 'json'], { cwd: work });
    expect(run.code).toBe(1);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it('honours --fail-on: findings at that level block the build too', async () => {
    const run = await runCli(['build', '--fail-on', 'info'], { cwd: work });
    expect(run.stdout).toMatch(/ info: /);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('relayconf build: findings at --fail-on; nothing written\n');
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });

  // The CI recipe runs `build --out out --check` on the checkout: a committed out/ linked to a
  // directory of the runner had its files read and their lines shown in the CI log.
  it('--check refuses, unread, a DIR inside the working directory that a link leads out of', async () => {
    const elsewhere = tempDir('relayconf-build-elsewhere-');
    mkdirSync(path.join(elsewhere, 'etc/postfix'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'etc/postfix/main.cf'), 'relay_token = SECRET\n');
    symlinkSync(elsewhere, path.join(work, 'out'));
    const run = await runCli(['build', '--out', 'out', '--check'], { cwd: work });
    expect([run.code, run.stderr.split('\n').at(-2)]).toEqual([
      2,
      `relayconf build: --out out is a link to ${elsewhere}, outside ${work}: a directory in the working directory must not lead out of it (a checked-out link can name any directory of the machine that runs relayconf); pass the target's path to use it there`,
    ]);
    expect(run.stdout).not.toContain('SECRET');
  });

  it('--check: 0 when DIR is current, 1 with added/removed/changed/mode and a short diff when not', async () => {
    expect((await runCli(['build', '-o', 'tree'], { cwd: work })).code).toBe(0);
    const current = await runCli(['build', '--out', 'tree', '--check'], { cwd: work });
    expect(current.code).toBe(0);
    // stdout holds only the lint findings (infos here), never a difference.
    expect(current.stdout).not.toContain('differs');
    expect(current.stderr).toBe('relayconf build --check: tree is up to date (17 files)\n');

    const mainCf = path.join(work, 'tree/etc/postfix/main.cf');
    writeFileSync(mainCf, readFileSync(mainCf, 'utf8').replace('message_size_limit = 25600000', 'message_size_limit = 10240000'));
    writeFileSync(path.join(work, 'tree/etc/extra.conf'), 'x\n');
    chmodSync(path.join(work, 'tree/etc/opendkim.conf'), 0o600);
    const stale = await runCli(['build', '--out', 'tree', '--check'], { cwd: work });
    expect(stale.code).toBe(1);
    // After the lint findings (infos), the report.
    const lines = stale.stdout.slice(stale.stdout.indexOf('relayconf build --check:')).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'relayconf build --check: tree differs from what a build would write (3 files); run relayconf build',
      '  removed etc/extra.conf',
      '  mode etc/opendkim.conf (mode 0600 -> 0644)',
      '  changed etc/postfix/main.cf',
    ]);
    expect(stale.stdout).toMatch(/\n--- a\/etc\/postfix\/main\.cf\s*\n\+\+\+ b\/etc\/postfix\/main\.cf\s*\n@@ /);
    expect(stale.stdout).toContain('\n-message_size_limit = 10240000\n+message_size_limit = 25600000\n');
    // --check never writes.
    expect(readFileSync(mainCf, 'utf8')).toContain('message_size_limit = 10240000');

    const missing = await runCli(['build', '--out', 'nowhere', '--check'], { cwd: work });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/\n?relayconf build --check: nowhere differs from what a build would write \(17 files\)/);
    expect(existsSync(path.join(work, 'nowhere'))).toBe(false);
  });

  it('refuses to replace a directory that is not an earlier build (exit 2)', async () => {
    mkdirSync(path.join(work, 'etc'));
    writeFileSync(path.join(work, 'etc/keep'), 'x');
    const run = await runCli(['build', 'relay.config.yaml', '--out', 'etc'], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds no MANIFEST, so it is not an earlier build; refusing to replace it/);
    expect(read('etc/keep')).toBe('x');
  });

  it('rejects a second config path', async () => {
    const run = await runCli(['build', 'a.yaml', 'b.yaml'], { cwd: work });
    expect(run).toMatchObject({ code: 2, stderr: 'relayconf build: build takes at most one config path (got 2)\n' });
  });
});
