// Loading: every error class becomes a finding with the file, line and column of the offending key or value.
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadConfigFile, loadConfigText, ConfigReadError } from '../../src/config/load.js';
import { BASE_CONFIG, fixtureDir, positionOf } from '../helpers/rule-tester.js';
import { REPO } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';

function load(text: string) {
  return loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });
}
const at = (text: string, needle: string, n = 1) => positionOf(text, needle, n);
const brief = (f: { ruleId: string; line: number; column: number; message: string }) => ({ ruleId: f.ruleId, line: f.line, column: f.column, message: f.message });

describe('loadConfigText', () => {
  test('a clean config normalizes with the seeds\' defaults', () => {
    const { findings, model } = load(BASE_CONFIG.replace(/relay:[\s\S]*$/, ''));
    expect(findings).toEqual([]);
    expect(model?.relay.limits).toEqual({ bodyBytes: 524288, ratePerMinute: 60, subjectChars: 200, recipients: 10 });
    expect(model?.relay.listen).toEqual({ host: '127.0.0.1', port: 2525, text: '127.0.0.1:2525' });
    expect(model?.relay.queue).toEqual({ root: '/var/spool/acme-relay', maxAttempts: 8, backoff: { first: '30s', max: '1h', firstMs: 30_000, maxMs: 3_600_000 } });
    expect(model?.delivery.inetInterfaces).toBe('loopback-only');
    expect(model?.delivery.messageSizeLimit).toBe(25_600_000);
    expect(model?.delivery.trustedNetworks).toEqual(['127.0.0.0/8', '[::1]/128']);
    expect(model?.domains[0].dkim.selectors[0].key).toMatchObject({ status: 'ok', keyType: 'rsa', bits: 2048 });
  });

  test('an alias bomb is one positioned finding, not a crash', () => {
    const text = `${BASE_CONFIG}x-a: &a [l, l, l, l, l, l, l, l, l, l]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    const { findings, model } = load(text);
    expect(model).toBeNull();
    expect(findings.map(brief)).toEqual([
      { ruleId: 'yaml-alias-limit', ...at(text, '*a'), message: expect.stringContaining('expand to more than 100 copies') },
    ]);
  });

  test('a few aliases within the cap load as usual', () => {
    const text = BASE_CONFIG.replace('tls: may', 'tls: &level may') + 'postfix:\n  parameters:\n    smtp_tls_security_level: *level\n';
    const { findings, model } = load(text);
    expect(findings).toEqual([]);
    expect(model?.postfix.parameters).toEqual({ smtp_tls_security_level: 'may' });
  });

  test('YAML syntax error points at the unclosed quote', () => {
    const text = 'version: 1\nname: x\nmta:\n  hostname: "mail.a.net\n  ipv4: 1.2.3.4\n';
    const { findings, model } = load(text);
    expect(model).toBeNull();
    expect(findings.map(brief)).toEqual([
      { ruleId: 'yaml-syntax', ...at(text, '"mail'), message: expect.stringContaining('never closed') },
    ]);
  });

  test('a bad indentation is a syntax finding with its position', () => {
    const text = 'version: 1\nname: x\nmta:\n  hostname: a.b\n ipv4: 1.2.3.4\n';
    const { findings } = load(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 5, severity: 'error' });
  });

  test('one indentation mistake is one finding, at the misplaced key, saying indentation', () => {
    // senders: is indented 3 spaces among keys at 4: the parser then re-reports every later sibling
    const text = BASE_CONFIG.replace(/^    senders:/m, '   senders:');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'yaml-syntax',
        ...at(text, 'senders:'),
        message: "YAML syntax error: Sequence item without - indicator; check this line's indentation: the keys of one block start in the same column, indented with spaces (the rest of the file is checked once it parses)",
      },
    ]);
  });

  test('duplicate keys name the key and point at the second one', () => {
    const text = 'version: 1\nname: x\nmta:\n  hostname: a.b\n  ipv4: 1.2.3.4\n  ipv4: 1.2.3.5\n';
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'yaml-duplicate-key', ...at(text, 'ipv4', 2), message: expect.stringContaining('duplicate key "ipv4"') },
    ]);
  });

  test('wrong types point at the value and say what was expected', () => {
    const text = BASE_CONFIG.replace('ratePerMinute: 60', 'ratePerMinute: sixty').replace('ttl: 3600', 'ttl: 3600');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'schema', ...at(text, 'sixty'), message: 'relay.limits.ratePerMinute must be a whole number (got string "sixty")' },
    ]);
  });

  test('unknown keys point at the key and suggest the nearest', () => {
    const text = BASE_CONFIG.replace('returnPath:', 'retrunPath:');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'schema', ...at(text, 'retrunPath'), message: 'domains[0] has an unknown key "retrunPath" (did you mean "returnPath"?)' },
    ]);
  });

  test('bad enum values list the allowed values', () => {
    const text = BASE_CONFIG.replace('policy: reject', 'policy: quarentine');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'schema', ...at(text, 'quarentine'), message: 'domains[0].dmarc.policy must be one of none, quarantine, reject (got "quarentine")' },
    ]);
  });

  test('a missing required key points at its parent key', () => {
    const text = BASE_CONFIG.replace('  ipv4: 94.130.10.20\n', '');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      { ruleId: 'schema', ...at(text, 'mta:'), message: expect.stringContaining('mta is missing the required key "ipv4"') },
    ]);
  });

  test('all schema errors are reported, not only the first', () => {
    const text = BASE_CONFIG.replace('tls: may', 'tls: maybe').replace('policy: reject', 'policy: no').replace('hostname: mail', 'hostnme: mail');
    const { findings } = load(text);
    // the missing hostname at mta:, the unknown hostnme, the bad tls and the bad policy
    expect(findings.map((f) => [f.line, f.column])).toEqual(
      [at(text, 'mta:'), at(text, 'hostnme'), at(text, 'maybe'), at(text, 'policy: no')].map((p, i) => [p.line, i === 3 ? p.column + 8 : p.column]),
    );
  });
});

describe('loadConfigFile', () => {
  test('finds relay.config.yaml and shows the path relative to cwd', async () => {
    const dir = tempDir('relayconf-load-');
    writeFileSync(path.join(dir, 'relay.config.yaml'), 'version: 1\n');
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.source.file).toBe('relay.config.yaml');
    expect(loaded.findings[0]).toMatchObject({ ruleId: 'schema', line: 1, column: 1 });
  });

  test('finds package.json#relayconf and locates inside it', async () => {
    const dir = tempDir('relayconf-pkg-');
    const pkg = '{\n  "name": "app",\n  "relayconf": {\n    "version": 2\n  }\n}\n';
    writeFileSync(path.join(dir, 'package.json'), pkg);
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.source.file).toBe('package.json');
    const version = loaded.findings.find((f) => f.message.startsWith('version'));
    expect(version).toMatchObject({ line: 4, column: 16 });
  });

  test('finds .relayconfrc.yaml when there is no relay.config.yaml', async () => {
    const dir = tempDir('relayconf-rc-');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, '.relayconfrc.yaml'), 'version: 1\n');
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.source.file).toBe('.relayconfrc.yaml');
  });

  test('skips an empty relay.config.yaml; a package.json that is not JSON is a ConfigReadError naming it', async () => {
    const dir = tempDir('relayconf-empty-');
    writeFileSync(path.join(dir, 'relay.config.yaml'), '  \n');
    writeFileSync(path.join(dir, '.relayconfrc.yaml'), 'version: 1\n');
    expect((await loadConfigFile(undefined, dir)).source.file).toBe('.relayconfrc.yaml');
    const broken = tempDir('relayconf-badpkg-');
    writeFileSync(path.join(broken, 'package.json'), '{bad');
    await expect(loadConfigFile(undefined, broken)).rejects.toThrow(/^package\.json is not valid JSON \(.+\); fix it, or pass the config's path$/);
    writeFileSync(path.join(broken, 'package.json'), '{"name": "app", "relayconf": null}');
    await expect(loadConfigFile(undefined, broken)).rejects.toThrow(/no config found/);
  });

  test('finding the config runs no JavaScript a pull request can add (meta configs, $import)', () => {
    const dir = tempDir('relayconf-nojs-');
    const marker = path.join(dir, 'ran');
    const script = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};`;
    mkdirSync(path.join(dir, '.config'));
    // cosmiconfig's meta config places, and files a "$import" could name
    for (const file of ['.config/config.js', '.config/config.cjs', 'evil.js', '.relayconfrc.js']) writeFileSync(path.join(dir, file), script);
    writeFileSync(path.join(dir, 'relay.config.yaml'), '\n');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', cosmiconfig: { searchPlaces: ['evil.js'] }, relayconf: { $import: ['evil.js'], version: 1 } }, null, 2));
    const run = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), 'lint'], { cwd: dir, encoding: 'utf8' });
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^package\.json:9:5: error: the config has an unknown key "\$import"/m);
  });

  // Node's loader and npm read a package.json that an editor saved with a byte order mark.
  test('reads a package.json that starts with a UTF-8 byte order mark', async () => {
    const dir = tempDir('relayconf-bom-');
    writeFileSync(path.join(dir, 'package.json'), '\uFEFF{\n  "name": "app",\n  "relayconf": {\n    "version": 2\n  }\n}\n');
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.source.file).toBe('package.json');
    expect(loaded.findings.find((f) => f.message.startsWith('version'))).toMatchObject({ line: 4, column: 16 });
    writeFileSync(path.join(dir, 'package.json'), '\uFEFF{"name": "app"}');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(/^no config found in /);
  });

  // npm reads a package.json with a key twice (the last wins); only the "relayconf" part is relayconf's to judge.
  test('in package.json, a duplicate key outside "relayconf" is npm\'s business; inside it, or "relayconf" twice, is a finding', async () => {
    const dir = tempDir('relayconf-pkgdup-');
    const write = (text: string) => writeFileSync(path.join(dir, 'package.json'), text);
    write('{\n  "name": "app",\n  "name": "app2",\n  "scripts": { "test": "a", "test": "b" },\n  "relayconf": { "version": 1 }\n}\n');
    expect((await loadConfigFile(undefined, dir)).findings.filter((f) => f.ruleId === 'yaml-duplicate-key')).toEqual([]);
    write('{\n  "name": "app",\n  "relayconf": { "version": 1, "version": 2 }\n}\n');
    expect((await loadConfigFile(undefined, dir)).findings.map(brief)).toEqual([
      { ruleId: 'yaml-duplicate-key', line: 3, column: 32, message: 'duplicate key "version": YAML would silently keep only one of the two; merge the entries or remove one' },
    ]);
    write('{\n  "relayconf": null,\n  "relayconf": { "version": 1 }\n}\n');
    expect((await loadConfigFile(undefined, dir)).findings.map(brief)).toEqual([
      { ruleId: 'yaml-duplicate-key', line: 3, column: 3, message: 'duplicate key "relayconf": YAML would silently keep only one of the two; merge the entries or remove one' },
    ]);
  });

  // Skipping them answered "no config found ... looked for relay.config.yaml" beside a relay.config.yaml.
  test('a search place that is there but not a regular file is named, with what it is and what to do', async () => {
    const cases: [string, (file: string) => void, string][] = [
      ['relay.config.yaml', (file) => mkdirSync(file), 'a directory'],
      ['.relayconfrc.yaml', (file) => spawnSync('mkfifo', [file]), 'a FIFO (named pipe)'],
      ['package.json', (file) => mkdirSync(file), 'a directory'],
    ];
    for (const [place, make, kind] of cases) {
      const dir = tempDir('relayconf-odd-');
      make(path.join(dir, place));
      await expect(loadConfigFile(undefined, dir)).rejects.toThrow(`cannot read ${place}: it is ${kind}, not a regular file; fix it, or pass the config's path`);
    }
    const zero = tempDir('relayconf-zero-');
    symlinkSync('/dev/zero', path.join(zero, 'relay.config.yaml'));
    await expect(loadConfigFile(undefined, zero)).rejects.toThrow(`relay.config.yaml is a link to /dev/zero, outside ${zero}`);
    const looped = tempDir('relayconf-loop-');
    symlinkSync('relay.config.yaml', path.join(looped, 'relay.config.yaml'));
    await expect(loadConfigFile(undefined, looped)).rejects.toThrow("cannot read relay.config.yaml: cannot open it (ELOOP); fix it, or pass the config's path");
  });

  // A pull request that links relay.config.yaml to ~/.npmrc or /proc/self/environ had the lint gate
  // read it and quote it in its finding ("(root) must be a mapping (got string ...)") in the CI log.
  test('the search reads nothing outside the directory: a link to a file elsewhere is refused unread', async () => {
    const elsewhere = tempDir('relayconf-elsewhere-');
    const secret = path.join(elsewhere, 'npmrc');
    writeFileSync(secret, '//registry.npmjs.org/:_authToken=npm_SECRET\n');
    for (const place of ['relay.config.yaml', '.relayconfrc.yaml', 'package.json']) {
      const dir = tempDir('relayconf-link-');
      symlinkSync(secret, path.join(dir, place));
      await expect(loadConfigFile(undefined, dir)).rejects.toThrow(
        `${place} is a link to ${secret}, outside ${dir}: a file in the working directory must not lead out of it (a checked-out link can name any file of the machine that runs relayconf); pass the target's path to use it there`,
      );
      const run = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), 'lint'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).not.toContain('SECRET');
    }
    // The CI recipes name the file (`relayconf lint relay.config.yaml`): a link there is the same leak.
    const named = tempDir('relayconf-named-link-');
    mkdirSync(path.join(named, 'infra'));
    symlinkSync(secret, path.join(named, 'infra/relay.config.yaml'));
    symlinkSync(elsewhere, path.join(named, 'shared'));
    for (const file of ['infra/relay.config.yaml', 'shared/npmrc']) {
      await expect(loadConfigFile(file, named)).rejects.toThrow(`${file} is a link to ${secret}, outside ${named}: a file in the working directory must not lead out of it`);
      const run = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), 'lint', file, '--format', 'sarif'], { cwd: named, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).not.toContain('SECRET');
    }
    // A path that is outside already is the caller's choice, read where it points.
    expect((await loadConfigFile(secret, named)).findings[0]).toMatchObject({ ruleId: 'schema', line: 1, column: 1 });
    // A link inside the directory is still followed.
    const dir = tempDir('relayconf-inner-link-');
    mkdirSync(path.join(dir, 'infra'));
    writeFileSync(path.join(dir, 'infra/relay.yaml'), 'version: 1\n');
    symlinkSync('infra/relay.yaml', path.join(dir, 'relay.config.yaml'));
    expect((await loadConfigFile(undefined, dir)).findings[0]).toMatchObject({ ruleId: 'schema', line: 1, column: 1 });
  });

  test('an explicit path wins; an unreadable one is a ConfigReadError (exit 2)', async () => {
    const dir = tempDir('relayconf-explicit-');
    await expect(loadConfigFile('nope.yaml', dir)).rejects.toThrow(ConfigReadError);
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(/no config found/);
  });

  test('from a subdirectory, the config above is named instead of suggesting a second one', async () => {
    const repo = tempDir('relayconf-above-');
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(repo, 'relay.config.yaml'), 'version: 1\n');
    const sub = path.join(repo, 'infra', 'notes');
    mkdirSync(sub, { recursive: true });
    await expect(loadConfigFile(undefined, sub)).rejects.toThrow(
      `no config found in ${sub}: looked for relay.config.yaml, .relayconfrc.yaml, package.json (a "relayconf" key). ../../relay.config.yaml is above: run relayconf from ${repo}, or pass the path (and --out for build).`,
    );
    // the search stops at the work tree's root: a config outside the repository is not this one's
    const inner = path.join(repo, 'nested-repo');
    mkdirSync(path.join(inner, '.git'), { recursive: true });
    await expect(loadConfigFile(undefined, inner)).rejects.toThrow(/Run `relayconf init --domain YOUR-DOMAIN` to write one, or pass a path\.$/);
  });
});
