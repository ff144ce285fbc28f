// System test: every valid example's tree, judged by the real Debian tools. Several of them exit 0
// on problems (toolchain notes), so each check also fails on any unexpected output, and a control
// block proves each check does fail on a broken file. A missing tool fails the test, never skips it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import type { RelayModel } from '../../src/config/model.js';
import { buildRecordModel } from '../../src/dns/records.js';
import { signingKeys, signingRows } from '../../src/outputs/opendkim.js';
import { destinationNexthop } from '../../src/outputs/postfix.js';
import { writeFiles } from '../../src/outputs/writer.js';
import { REPO, expectedFiles, listExamples, type Example } from '../helpers/golden.js';

const EXAMPLES = listExamples().filter((e) => !e.invalid);
const SECURITY_THRESHOLD = 3.0;

let work: string;
const trees = new Map<string, { dir: string; model: RelayModel }>();
/** Exposure scores, printed at the end for the report. */
const scores = new Map<string, number>();

/** Runs a tool; a missing binary is a failure that names the install script, never a skip. */
function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...options.env }, input: options.input, timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${cmd} is not installed: run .ci/install-system-deps.sh (Debian packages postfix, opendkim, opendkim-tools, bind9-utils, systemd)`);
  }
  if (result.error) throw result.error;
  return result;
}

const postfixDir = (name: string) => path.join(trees.get(name)!.dir, 'etc/postfix');

beforeAll(async () => {
  // Under $HOME and 0700, never beside the checkout: OpenDKIM refuses private keys under a
  // world-writable parent, and a clone may well sit under /tmp (as CI's did).
  work = mkdtempSync(path.join(os.homedir(), '.relayconf-system-'));
  chmodSync(work, 0o700);
  for (const example of EXAMPLES) {
    const { files } = await expectedFiles(example);
    const dir = path.join(work, example.name, 'tree');
    mkdirSync(dir, { recursive: true });
    writeFiles(dir, files);
    trees.set(example.name, { dir, model: (await loadConfigFile(example.config, REPO)).model! });
  }
});

afterAll(() => {
  if (scores.size > 0) console.log(`systemd-analyze security exposure: ${[...scores].map(([n, s]) => `${n} ${s.toFixed(1)}`).join(', ')}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(EXAMPLES.map((e) => [e.name, e] as [string, Example]))('%s', (name) => {
  it('postconf -n reads main.cf and master.cf without a warning', () => {
    const { model } = trees.get(name)!;
    const result = run('postconf', ['-c', postfixDir(name), '-n']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const values = new Map(result.stdout.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(' = ')), l.slice(l.indexOf(' = ') + 3)]));
    expect(values.get('myhostname')).toBe(model.mta.hostname);
    expect(values.get('inet_interfaces')).toBe('loopback-only');
    expect(values.get('smtpd_milters')).toBe('inet:127.0.0.1:8891');
    // Per-transport limits are only known to postconf through master.cf: none was "unused" above.
    for (const d of model.delivery.destinations) {
      if (d.concurrency !== null) expect(values.get(`${d.transport}_destination_concurrency_limit`)).toBe(String(d.concurrency));
      // postconf(5): a rate delay needs a failed cohort limit of 10 or more.
      expect(values.get(`${d.transport}_destination_concurrency_failed_cohort_limit`)).toBe(d.rateDelayMs ? '10' : undefined);
    }
    // The client leaves from the MTA's own addresses; no IPv6 bind where Postfix sends over IPv4 only.
    expect(values.get('smtp_bind_address')).toBe(model.mta.ipv4);
    expect(values.get('smtp_bind_address6')).toBe(model.mta.ipv6 ?? undefined);
    expect(values.get('inet_protocols')).toBe(model.mta.ipv6 ? 'all' : 'ipv4');
    expect([values.get('maximal_queue_lifetime'), values.get('bounce_queue_lifetime')]).toEqual([model.delivery.queueLifetime.text, model.delivery.bounceQueueLifetime.text]);
    const on465 = model.delivery.mode === 'relayhost' && model.delivery.relayhost?.port === 465;
    expect(values.get('smtp_tls_wrappermode')).toBe(on465 ? 'yes' : undefined);
  });

  it('postconf -P reads each generated transport\'s -o settings (wrappermode and SASL for its own next hop)', () => {
    const { model } = trees.get(name)!;
    const result = run('postconf', ['-c', postfixDir(name), '-P']);
    expect(result.stderr).toBe('');
    const settings = new Set(result.stdout.split('\n').filter(Boolean));
    const mainWrapper = model.delivery.mode === 'relayhost' && model.delivery.relayhost?.port === 465 ? 'yes' : 'no';
    for (const d of model.delivery.destinations) {
      // Its own -o setting, else main.cf's: implicit TLS exactly when the next hop is on 465.
      const own = [...settings].find((s) => s.startsWith(`${d.transport}/unix/smtp_tls_wrappermode = `))?.split(' = ')[1];
      expect(own ?? mainWrapper, d.transport).toBe(destinationNexthop(model, d).endsWith(':465') ? 'yes' : 'no');
      if (d.auth) expect(settings, d.transport).toContain(`${d.transport}/unix/smtp_sasl_auth_enable = yes`);
    }
    for (const t of model.delivery.senderTransports) expect(settings).toContain(`${t.transport}/unix/smtp_helo_name = ${t.heloName}`);
  });

  it('postfix check is clean (run under script(1): it only prints to a terminal)', () => {
    const result = run('script', ['-qec', `postfix -c ${postfixDir(name)} check`, '/dev/null']);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('postmap reads every map: header checks drop internal headers, hash maps route', () => {
    const { dir, model } = trees.get(name)!;
    const query = (key: string, table: string) => run('postmap', ['-c', postfixDir(name), '-q', key, table]);
    const checks = `regexp:${postfixDir(name)}/smtp_header_checks`;
    for (const header of ['X-Originating-IP: [10.1.2.3]', 'X-PHP-Originating-Script: 33:mail.php', 'Received: from app1.internal (app1.internal [10.0.0.5]) by mta', 'Received: from web (unknown [172.20.1.1])']) {
      const result = query(header, checks);
      expect(result.stderr, header).toBe('');
      expect(result.stdout, header).toBe('IGNORE\n');
    }
    for (const header of ['Received: from mx.google.com (mx.google.com [142.250.1.1])', 'Subject: hello', 'From: a@b.example']) {
      expect(query(header, checks).stdout, header).toBe('');
    }
    // hash: maps are built on the server; build them here from the very same sources.
    const build = (file: string) => {
      const copy = path.join(dir, '..', path.basename(file));
      cpSync(path.join(dir, file), copy);
      const made = run('postmap', ['-c', postfixDir(name), `hash:${copy}`]);
      expect(made.stderr).toBe('');
      return `hash:${copy}`;
    };
    if (model.delivery.destinations.length > 0) {
      const table = build('etc/postfix/transport');
      for (const d of model.delivery.destinations) expect(query(d.domain, table).stdout).toBe(`${d.transport}:${destinationNexthop(model, d)}\n`);
    }
    if (model.delivery.senderTransports.length > 0) {
      const table = build('etc/postfix/sender_transport');
      for (const t of model.delivery.senderTransports) expect(query(`@${t.domain}`, table).stdout).toBe(`${t.transport}:${t.nexthop ?? ''}\n`);
    }
  });

  it('named-checkzone -i local accepts each zone fragment inside a zone with SOA and NS', () => {
    const { dir, model } = trees.get(name)!;
    for (const zone of buildRecordModel(model).zones) {
      const wrapper = path.join(dir, '..', `${zone}.wrapper.zone`);
      writeFileSync(
        wrapper,
        [`$ORIGIN ${zone}.`, '$TTL 3600', '@ IN SOA ns1.relayconf-test.invalid. hostmaster.relayconf-test.invalid. 1 3600 900 1209600 300', '@ IN NS ns1.relayconf-test.invalid.', `$INCLUDE ${path.join(dir, 'dns', `${zone}.zone`)}`, ''].join('\n'),
      );
      const result = run('named-checkzone', ['-i', 'local', zone, wrapper]);
      // Exactly the two success lines: any warning (e.g. an in-zone MX without an address) fails.
      expect({ out: result.stdout, err: result.stderr, status: result.status }, zone).toEqual({ out: `zone ${zone}/IN: loaded serial 1\nOK\n`, err: '', status: 0 });
    }
  });

  it('systemd-analyze verify accepts the unit', () => {
    const { dir, model } = trees.get(name)!;
    let unit = path.join(dir, 'etc/systemd/system', `${model.name}.service`);
    // verify fails when ExecStart's binary is missing. Debian's nodejs is /usr/bin/node; where Node
    // lives elsewhere (nvm, CI images) a copy of the unit points ExecStart at this Node instead.
    if (!existsSync('/usr/bin/node')) {
      const copy = path.join(dir, '..', 'unit-copy', `${model.name}.service`);
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, readFileSync(unit, 'utf8').replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `));
      unit = copy;
    }
    const result = run('systemd-analyze', ['verify', unit]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it(`systemd-analyze security --offline=true scores the unit's exposure at ${SECURITY_THRESHOLD} or lower`, () => {
    const { dir, model } = trees.get(name)!;
    const unit = path.join(dir, 'etc/systemd/system', `${model.name}.service`);
    // systemd 252 takes the threshold in tenths (30 = 3.0); it exits 1 above it.
    const result = run('systemd-analyze', ['security', '--offline=true', `--threshold=${SECURITY_THRESHOLD * 10}`, '--no-pager', unit]);
    const score = Number(/Overall exposure level for \S+: (\d+\.\d)/.exec(result.stdout)?.[1]);
    scores.set(name, score);
    expect(score).toBeLessThanOrEqual(SECURITY_THRESHOLD);
    expect(result.status).toBe(0);
  });

  it('opendkim -n accepts the config, and OpenDKIM signs each From domain with its key', async () => {
    const { dir, model } = trees.get(name)!;
    // The server paths (/etc/opendkim, /run/opendkim) point into a private copy; keys are made here.
    const base = path.join(dir, '..', 'opendkim');
    mkdirSync(base, { mode: 0o700 });
    cpSync(path.join(dir, 'etc/opendkim'), path.join(base, 'opendkim'), { recursive: true });
    const rewrite = (text: string) => text.replaceAll('/etc/opendkim/', `${base}/opendkim/`).replace('/run/opendkim/opendkim.pid', `${base}/opendkim.pid`);
    const conf = path.join(base, 'opendkim.conf');
    writeFileSync(conf, `${rewrite(readFileSync(path.join(dir, 'etc/opendkim.conf'), 'utf8'))}Syslog no\n`.replace(/^Syslog\s+yes\n/m, ''));
    writeFileSync(path.join(base, 'opendkim/KeyTable'), rewrite(readFileSync(path.join(base, 'opendkim/KeyTable'), 'utf8')));
    const publicKeys = new Map<string, string>();
    for (const key of signingKeys(model)) {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const file = key.privatePath.replace('/etc/opendkim/', `${base}/opendkim/`);
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      publicKeys.set(key.keyName, pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
    }
    const check = run('opendkim', ['-n', '-x', conf]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);

    // The resolver answers only the test keys' records and fails every other name: no lookup leaves the host.
    const resolver = async (name: string, type: string) => {
      const p = publicKeys.get(name.replace(/\.$/, ''));
      if (type === 'TXT' && p) return [[`v=DKIM1; k=rsa; p=${p}`]];
      throw Object.assign(new Error(`no ${type} ${name} in this test`), { code: 'ENOTFOUND' });
    };
    for (const [pattern, keyName] of signingRows(model)) {
      const from = pattern.replace('*@', 'noreply@');
      const message = [`From: Test <${from}>`, 'To: someone@example.net', 'Subject: system test', 'Date: Sun, 01 Nov 2026 10:00:00 +0000', `Message-ID: <system-test@${from.split('@')[1]}>`, 'X-Originating-IP: [10.1.2.3]', '', 'hello', ''].join('\r\n');
      const eml = path.join(base, 'msg.eml');
      writeFileSync(eml, message);
      const signed = run('opendkim', ['-x', conf, '-t', eml]);
      const start = signed.stdout.indexOf('DKIM-Signature:');
      expect(start, `${from}: ${signed.stdout}${signed.stderr}`).toBeGreaterThanOrEqual(0);
      const header = signed.stdout.slice(start).trimEnd();
      const { selector, domain } = signingKeys(model).find((k) => k.keyName === keyName)!;
      expect(header).toMatch(new RegExp(`d=${domain.replaceAll('.', '\\.')};\\s+s=${selector};`));
      // smtp_header_checks drops X-Originating-IP after signing: it must not be a signed header.
      expect(/\bh=([^;]*)/.exec(header)?.[1].toLowerCase()).not.toContain('x-originating-ip');
      const result = await dkimVerify(`${header.split(/\r?\n/).join('\r\n')}\r\n${message}`, { resolver: resolver as never });
      expect(result.results.map((r: { status: { result: string } }) => r.status.result), from).toEqual(['pass']);
    }
  });
});

describe('the checks fail on broken files (controls)', () => {
  const example = () => EXAMPLES[0].name;
  const brokenCopy = (tag: string) => {
    const copy = path.join(work, `broken-${tag}`);
    cpSync(trees.get(example())!.dir, copy, { recursive: true });
    return copy;
  };

  it('postconf warns about an unknown parameter; postfix check stops at a bad number', () => {
    const copy = brokenCopy('postfix');
    const mainCf = path.join(copy, 'etc/postfix/main.cf');
    writeFileSync(mainCf, `${readFileSync(mainCf, 'utf8')}smtp_tls_securty_level = may\n`);
    expect(run('postconf', ['-c', path.join(copy, 'etc/postfix'), '-n']).stderr).toMatch(/warning: .*unused parameter: smtp_tls_securty_level=may/);
    writeFileSync(mainCf, `${readFileSync(mainCf, 'utf8')}message_size_limit = ten\n`);
    expect(run('script', ['-qec', `postfix -c ${path.join(copy, 'etc/postfix')} check`, '/dev/null']).stdout).toMatch(/fatal: bad numerical configuration: message_size_limit = ten/);
  });

  it('named-checkzone rejects a TXT string over 255 bytes', () => {
    const zone = path.join(work, 'long.zone');
    writeFileSync(zone, `$ORIGIN t.example.\n$TTL 60\n@ IN SOA ns.invalid. h.invalid. 1 1 1 1 1\n@ IN NS ns.invalid.\n@ IN TXT "${'x'.repeat(300)}"\n`);
    expect(run('named-checkzone', ['-i', 'local', 't.example', zone]).status).not.toBe(0);
  });

  it('systemd-analyze verify reports a typo; security fails a bare unit', () => {
    const copy = brokenCopy('systemd');
    const model = trees.get(example())!.model;
    const unit = path.join(copy, 'etc/systemd/system', `${model.name}.service`);
    writeFileSync(unit, readFileSync(unit, 'utf8').replace('ProtectSystem=strict', 'ProtectSystm=strict'));
    expect(run('systemd-analyze', ['verify', unit]).stderr).toMatch(/Unknown key name 'ProtectSystm'|Unknown key 'ProtectSystm'/);
    const bare = path.join(copy, 'bare.service');
    writeFileSync(bare, '[Service]\nExecStart=/bin/true\n');
    expect(run('systemd-analyze', ['security', '--offline=true', '--threshold=30', bare]).status).toBe(1);
  });

  it('opendkim -n rejects an unknown setting', () => {
    const conf = path.join(work, 'bad-opendkim.conf');
    writeFileSync(conf, 'Mode s\nBogusSetting yes\n');
    const result = run('opendkim', ['-n', '-x', conf]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/unrecognized parameter/);
  });
});
