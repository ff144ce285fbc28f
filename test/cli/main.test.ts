// The CLI in-process: formats, exit codes, options; and the built binary once as a real subprocess.
import { describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { BASE_CONFIG, fixtureDir, positionOf } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/tmp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const BAD_ENUM = path.join(REPO, 'examples/invalid-bad-enum/relay.config.yaml');

/** A config in the fixture dir (its keys exist) with one schema error: policy quarentine. */
function badConfig(): { file: string; text: string } {
  const text = BASE_CONFIG.replace('policy: reject', 'policy: quarentine');
  const file = path.join(fixtureDir(), 'bad.yaml');
  writeFileSync(file, text);
  return { file, text };
}

describe('lint output formats', () => {
  test('text: file:line:col: severity: message [rule-id], then a count', async () => {
    const { file, text } = badConfig();
    const run = await runCli(['lint', 'bad.yaml'], { cwd: path.dirname(file) });
    const { line, column } = positionOf(text, 'quarentine');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `bad.yaml:${line}:${column}: error: domains[0].dmarc.policy must be one of none, quarantine, reject (got "quarentine") [schema]\n1 error, 0 warnings, 0 info\n`,
    );
  });

  test('text is coloured only on a TTY and never with NO_COLOR', async () => {
    const { file } = badConfig();
    const tty = await runCli(['lint', file], { tty: true });
    expect(tty.stdout).toContain('\u001b[31merror\u001b[0m');
    const noColor = await runCli(['lint', file], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await runCli(['lint', file], { tty: false });
    expect(pipe.stdout).not.toContain('\u001b[');
  });

  test('json carries position, severity, rule and path', async () => {
    const { file, text } = badConfig();
    const run = await runCli(['lint', file, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(doc.findings[0]).toMatchObject({ ...positionOf(text, 'quarentine'), severity: 'error', ruleId: 'schema', path: 'domains[0].dmarc.policy' });
  });

  test('github emits workflow-command annotations with escaped properties', async () => {
    const run = await runCli(['lint', BAD_ENUM, '--format', 'github'], { cwd: REPO });
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      '::error file=examples/invalid-bad-enum/relay.config.yaml,line=9,col=9,endLine=9,endColumn=18,title=schema::delivery.mode must be one of direct, relayhost (got "smarthost") [schema]',
    );
  });

  test('an unknown --format is a usage error (exit 2)', async () => {
    const run = await runCli(['lint', BAD_ENUM, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of text, json, sarif, github');
  });
});

describe('exit codes', () => {
  test('0 clean, 1 findings, 2 unreadable config or bad usage', async () => {
    const clean = path.join(fixtureDir(), 'clean.yaml');
    writeFileSync(clean, BASE_CONFIG);
    expect((await runCli(['lint', clean])).code).toBe(0);
    expect((await runCli(['lint', BAD_ENUM])).code).toBe(1);
    const missing = await runCli(['lint', path.join(fixtureDir(), 'absent.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read config .*absent\.yaml: no such file/);
    expect((await runCli(['lint', '--bogus'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
    expect((await runCli(['lnt'])).stderr).toContain('did you mean "lint"?');
  });

  test('--fail-on warning and --max-warnings turn warnings into exit 1', async () => {
    // A documentation IP is a warning-level finding once rules are registered; without any warnings
    // in the file, --fail-on warning must still pass.
    const clean = path.join(fixtureDir(), 'clean.yaml');
    writeFileSync(clean, BASE_CONFIG);
    expect((await runCli(['lint', clean, '--fail-on', 'warning'])).code).toBe(0);
    expect((await runCli(['lint', clean, '--max-warnings', '0'])).code).toBe(0);
    expect((await runCli(['lint', clean, '--max-warnings', 'x'])).code).toBe(2);
    // -1 is ESLint's "no limit", spelled with or without "="
    const warned = path.join(fixtureDir(), 'warned.yaml');
    writeFileSync(warned, BASE_CONFIG.replace(/ipv4: \S+/, 'ipv4: 203.0.113.10'));
    expect((await runCli(['lint', warned, '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['lint', warned, '--max-warnings', '-1'])).code).toBe(0);
    expect((await runCli(['lint', warned, '--max-warnings=-1'])).code).toBe(0);
    const below = await runCli(['lint', warned, '--max-warnings', '-2']);
    expect([below.code, below.stderr]).toEqual([2, 'relayconf lint: --max-warnings takes a whole number, or -1 for no limit (got "-2")\n']);
    expect((await runCli(['lint', clean, '--fail-on', 'fatal'])).code).toBe(2);
  });

  test('--rule with an unknown id is a usage error that suggests the nearest', async () => {
    const run = await runCli(['lint', BAD_ENUM, '--rule', 'nope=off']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rule names an unknown rule "nope"');
  });

  test.each(['lint', 'build', 'plan', 'check-dns', 'keygen', 'init', 'explain', 'rules'])(
    '%s: an unknown option is relayconf\'s own usage error, exit 2, naming the nearest option',
    async (name) => {
      const run = await runCli([name, '--formt', 'json'], { cwd: fixtureDir() });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const nearest = { init: '', explain: '', keygen: ' (did you mean --force?)' }[name] ?? ' (did you mean --format?)';
      expect(run.stderr).toBe(`relayconf ${name}: unknown option --formt${nearest}; \`relayconf ${name} --help\` lists the options\n`);
    },
  );

  test('a missing value, a value given to a switch and a stray argument are usage errors too', async () => {
    const cases: [string[], string][] = [
      [['init', '--domain'], 'relayconf init: --domain needs a value; `relayconf init --help` lists the options\n'],
      [['keygen', '--force=yes'], 'relayconf keygen: --force is a switch and takes no value; `relayconf keygen --help` lists the options\n'],
      [['rules', 'extra'], 'relayconf rules: rules takes no arguments (got "extra"); `relayconf rules --help` lists the options\n'],
    ];
    for (const [argv, stderr] of cases) {
      const run = await runCli(argv, { cwd: fixtureDir() });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toBe(stderr);
    }
  });

  test('every command answers --help with exit 0', async () => {
    for (const name of ['lint', 'build', 'plan', 'check-dns', 'keygen', 'init', 'explain', 'rules']) {
      const run = await runCli([name, '--help']);
      expect(run.code, name).toBe(0);
      expect(run.stdout, name).toMatch(new RegExp(`^Usage: relayconf ${name}`));
    }
    // Each documents only options it accepts: plan has no --fail-on (lint errors always stop it).
    const planHelp = (await runCli(['plan', '--help'])).stdout;
    expect(planHelp).not.toContain('--fail-on');
    expect((await runCli(['plan', '--fail-on', 'warning', '--against', 'out'])).stderr).toContain('unknown option --fail-on');
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('Exit codes: 0 clean, 1 findings');
  });
});

describe('init', () => {
  test('writes a starter that loads and lints without errors, and refuses to overwrite', async () => {
    const dir = tempDir('relayconf-init-');
    const privateDir = tempDir('relayconf-init-priv-');
    const first = await runCli(['init', '--domain', 'shop.example.org', '--mx', 'mx1.example.org', '--selector', 'mail202611', '--private-dir', privateDir], { cwd: dir });
    expect(first.code).toBe(0);
    const text = readFileSync(path.join(dir, 'relay.config.yaml'), 'utf8');
    expect(text).toContain('publicKeyFile: keys/shop.example.org/mail202611.pub');
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(lint.stdout).summary.errors).toBe(0);
    expect(lint.code).toBe(0);
    const privateKey = path.join(privateDir, 'shop.example.org', 'mail202611.private');
    expect(readFileSync(privateKey, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect((await import('node:fs')).statSync(privateKey).mode & 0o777).toBe(0o600);
    const again = await runCli(['init', '--domain', 'shop.example.org', '--selector', 'mail202611', '--private-dir', privateDir], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`relayconf init: ${path.join(dir, 'relay.config.yaml')} already exists; init never overwrites: move it away, or give another config path as the argument\n`);
    const sameKey = await runCli(['init', '--domain', 'shop.example.org', '--selector', 'mail202611', '--private-dir', privateDir, 'other.yaml'], { cwd: dir });
    expect(sameKey.stderr).toBe(`relayconf init: ${path.join(dir, 'keys/shop.example.org/mail202611.pub')} already exists; init never overwrites: move it away, or choose another --selector\n`);
    expect(existsSync(path.join(dir, 'other.yaml'))).toBe(false);
  });

  test('writes the MX hosts it is given, in priority order, and invents none', async () => {
    const given = tempDir('relayconf-init-');
    const args = (dir: string, ...mx: string[]) => ['init', '--domain', 'nw-tools.com', ...mx.flatMap((m) => ['--mx', m]), '--private-dir', tempDir('relayconf-init-priv-'), path.join(dir, 'relay.config.yaml')];
    expect((await runCli(args(given, 'mx1.fastmail.com', 'MX2.fastmail.com.'))).code).toBe(0);
    const text = readFileSync(path.join(given, 'relay.config.yaml'), 'utf8');
    expect(text).toContain('      - { priority: 10, host: mx1.fastmail.com }\n      - { priority: 20, host: mx2.fastmail.com }\n');

    const none = tempDir('relayconf-init-');
    expect((await runCli(args(none))).code).toBe(0);
    expect(readFileSync(path.join(none, 'relay.config.yaml'), 'utf8')).not.toMatch(/host: mx\d?\.nw-tools\.com/);
    const lint = await runCli(['lint', '--format', 'json'], { cwd: none });
    const mx = JSON.parse(lint.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'mx-present');
    expect(mx).toHaveLength(1);
    expect(mx[0].message).toMatch(/^nw-tools\.com has no MX/);
    expect(lint.code).toBe(1);

    const address = await runCli(args(tempDir('relayconf-init-'), '192.0.2.25'));
    expect(address.code).toBe(2);
    expect(address.stderr).toBe('relayconf init: --mx is not a host name: "192.0.2.25" (an MX names a host, never an address: RFC 5321 §5.1)\n');
  });
});

describe('init: no placeholder domain, no dangling schema path', () => {
  test('without --domain it is a usage error and writes nothing', async () => {
    const dir = tempDir('relayconf-init-');
    const run = await runCli(['init', '--private-dir', tempDir('relayconf-init-priv-')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('relayconf init: init needs --domain, the domain you send mail from, e.g. `relayconf init --domain shop.example.net`\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('the $schema line points at node_modules/relayconf only when it is installed there', async () => {
    const repo = tempDir('relayconf-init-repo-');
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'node_modules/relayconf/schema'), { recursive: true });
    writeFileSync(path.join(repo, 'node_modules/relayconf/schema/relay.schema.json'), '{}');
    const argv = () => ['init', '--domain', 'shop.example.net', '--private-dir', tempDir('relayconf-init-priv-')];
    expect((await runCli([...argv(), 'infra/relay.config.yaml'], { cwd: repo })).code).toBe(0);
    const nested = readFileSync(path.join(repo, 'infra/relay.config.yaml'), 'utf8');
    expect(nested.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/relayconf/schema/relay.schema.json');
    expect(existsSync(path.resolve(repo, 'infra', '../node_modules/relayconf/schema/relay.schema.json'))).toBe(true);

    const bare = tempDir('relayconf-init-bare-');
    mkdirSync(path.join(bare, '.git'));
    expect((await runCli(argv(), { cwd: bare })).code).toBe(0);
    const text = readFileSync(path.join(bare, 'relay.config.yaml'), 'utf8');
    expect(text).not.toMatch(/^# yaml-language-server: \$schema=/m);
    expect(text).toContain('No local relayconf install was found, so there is no $schema line for editors.');
  });
});

describe('the built binary', () => {
  test('runs as a real process with the documented exit codes', () => {
    const bin = path.join(REPO, 'dist/cli/bin.cjs');
    const ok = spawnSync(process.execPath, [bin, 'lint', 'examples/invalid-duplicate-key/relay.config.yaml'], { cwd: REPO, encoding: 'utf8' });
    expect(ok.status).toBe(1);
    expect(ok.stdout).toContain('examples/invalid-duplicate-key/relay.config.yaml:8:3: error: duplicate key "ipv4"');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("carries every rule's docs as the sources write them (the bundle compiles them on first read)", async () => {
    const args = ['lint', 'examples/minimal/relay.config.yaml', '--format', 'sarif'];
    const built = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), ...args], { cwd: REPO, encoding: 'utf8' });
    const inProcess = await runCli(args, { cwd: REPO });
    const rulesOf = (sarif: string) => (JSON.parse(sarif) as { runs: { tool: { driver: { rules: unknown[] } } }[] }).runs[0]!.tool.driver.rules;
    expect(rulesOf(built.stdout).length).toBeGreaterThan(80);
    expect(rulesOf(built.stdout)).toEqual(rulesOf(inProcess.stdout));
    const explained = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), 'explain', 'dkim-key-strength'], { cwd: REPO, encoding: 'utf8' });
    expect(explained.stdout).toBe((await runCli(['explain', 'dkim-key-strength'])).stdout);
  });

  test.each(['relayconf.cjs', 'relayconf-lint.cjs'])("V8 accepts the build's code cache for %s (else every start compiles it)", (bundle) => {
    const probe = `
      const { readFileSync } = require('node:fs');
      const vm = require('node:vm');
      const file = ${JSON.stringify(path.join(REPO, 'dist/cli'))} + '/' + ${JSON.stringify(bundle)};
      const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData: readFileSync(file + '.cache') });
      process.stdout.write(String(script.cachedDataRejected));
    `;
    expect(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })).toBe('false');
  });

  test('lint runs from the lint-only bundle, with the same help, usage errors and exit codes as every command', () => {
    const bin = path.join(REPO, 'dist/cli/bin.cjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: REPO, encoding: 'utf8' });
    const help = run('lint', '--help');
    expect([help.status, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: relayconf lint [config] [options]']);
    const usage = run('lint', '--bogus');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^relayconf lint: /);
    const missing = run('lint', 'no-such.yaml');
    expect([missing.status, missing.stderr]).toEqual([2, 'relayconf lint: cannot read config no-such.yaml: no such file\n']);
  });

  test("an internal error's stack trace names the bundle's functions (kept unminified on purpose)", () => {
    // A fault planted under the DER key reader: a base64 decode of a whole key body throws.
    const plant = path.join(tempDir('relayconf-plant-'), 'plant.cjs');
    writeFileSync(plant, "const from = Buffer.from; Buffer.from = function (value, encoding) { if (encoding === 'base64' && typeof value === 'string' && value.length > 200) throw new TypeError('planted fault'); return from.apply(this, arguments); };\n");
    const run = spawnSync(process.execPath, ['--require', plant, path.join(REPO, 'dist/cli/bin.cjs'), 'lint', 'examples/minimal/relay.config.yaml'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^relayconf lint: internal error: TypeError: planted fault\n/);
    const frames = [...run.stderr.matchAll(/^ {4}at (\S+) \((.+?):\d+:\d+\)$/gm)].filter((frame) => frame[2] === path.join(REPO, 'dist/cli/relayconf-lint.cjs')).map((frame) => frame[1]);
    expect(frames.slice(0, 2)).toEqual(['readRsaSpkiPem', 'parseDkimPublicKey']);
    expect(frames).toContain('normalizeDomain');
  });

  test('lints every example, and hostile configs of the reading steps, exactly as the in-process CLI does', { timeout: 60_000 }, async () => {
    // The bundles are built differently from the sources the other tests run (yaml's ES module
    // build, rule docs as getters, lint's own bundle): their findings must not differ.
    const configs = [
      ...readdirSync(path.join(REPO, 'examples'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(REPO, 'examples', entry.name, 'relay.config.yaml')))
        .map((entry) => `examples/${entry.name}/relay.config.yaml`),
      ...readdirSync(path.join(REPO, 'test/hostile'))
        .filter((name) => /^(yaml|comment|hostname|idn|key|spf)-.*\.yaml$/.test(name))
        .map((name) => `test/hostile/${name}`),
    ];
    expect(configs.length).toBeGreaterThan(12);
    for (const config of configs) {
      const built = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.cjs'), 'lint', config, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
      const inProcess = await runCli(['lint', config, '--format', 'json'], { cwd: REPO });
      expect({ config, code: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual({ config, code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
    }
  });

  test('the old executable path, which npx keeps linked in its cache, still runs the CLI', () => {
    const legacy = path.join(REPO, 'dist/cli/bin.js');
    expect(statSync(legacy).mode & 0o111).toBe(0o111);
    const run = spawnSync(legacy, ['lint', 'examples/invalid-duplicate-key/relay.config.yaml'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('examples/invalid-duplicate-key/relay.config.yaml:8:3: error: duplicate key "ipv4"');
  });
});

describe('explain', () => {
  test('prints a rule, lists a rule family for a prefix, suggests the nearest id for a typo', async () => {
    const doc = await runCli(['explain', 'spf-all-pass']);
    expect(doc.code).toBe(0);
    expect(doc.stdout.split('\n')[0]).toBe('## spf-all-pass');
    const family = await runCli(['explain', 'spf-all']);
    expect([family.code, family.stderr]).toEqual([2, 'relayconf explain: no rule "spf-all"; the rules starting with it: spf-all-pass, spf-all-neutral, spf-all-qualifier\n']);
    const typo = await runCli(['explain', 'spf-lookup-limt']);
    expect([typo.code, typo.stderr]).toEqual([2, 'relayconf explain: no rule "spf-lookup-limt" (did you mean "spf-lookup-limit"?); `relayconf rules` lists them\n']);
  });

  test('explains a check-dns finding: source, why, fix, and the DNS answers of its examples', async () => {
    const doc = await runCli(['explain', 'dns-dmarc-missing']);
    expect(doc.code).toBe(0);
    expect(doc.stdout).toContain('## dns-dmarc-missing\n\nEach sending domain publishes a DMARC record\n\n- Reported by: relayconf check-dns\n- Default severity: error\n');
    expect(doc.stdout).toContain('- Source: RFC 9989 section 4.10, 4.10.1\n');
    expect(doc.stdout).toContain('Flagged: No DMARC record\n\nThe docs base config.\n');
    expect(doc.stdout).toContain('```text\n- TXT _dmarc.acme-mail.net (no such record)\n```');
    const family = await runCli(['explain', 'dns-spf-l']);
    expect(family.stderr).toBe('relayconf explain: no rule "dns-spf-l"; the rules starting with it: dns-spf-lookups\n');
  });
});

describe('rules', () => {
  test('lists lint rules and check-dns findings, each with the command that reports it', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('dns-spf-lookups '))).toMatch(/^dns-spf-lookups +error +check-dns +At most 10 DNS-querying terms, counted through every include$/);
    expect(lines.find((l) => l.startsWith('spf-lookup-limit '))).toMatch(/^spf-lookup-limit +error +lint +/);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { id: string; command: string; source: string }[];
    expect(json.find((r) => r.id === 'dns-dkim-live')).toMatchObject({ command: 'check-dns', source: 'the self-hosted HTTP relay build guide, step 2 (DKIM) and step 13' });
    expect(json.length).toBe(lines.length);
  });

  test('lint and build take --rule for a check-dns id (one catalogue), and still refuse an unknown one', async () => {
    const ok = await runCli(['lint', 'relay.config.yaml', '--rule', 'dns-spf-mismatch=error'], { cwd: REPO });
    expect(ok.stderr).toBe('');
    const typo = await runCli(['lint', 'relay.config.yaml', '--rule', 'dns-spf-mismatc=error'], { cwd: REPO });
    expect([typo.code, typo.stderr]).toEqual([2, 'relayconf lint: --rule names an unknown rule "dns-spf-mismatc" (did you mean "dns-spf-mismatch"?); `relayconf rules` lists them\n']);
  });
});
