// check-dns against a real dns2 server on 127.0.0.1: the zone the build generates passes, and each
// broken variant of issue 6 reports its own finding (id, position in the config, message).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { buildRecordModel } from '../../src/dns/records.js';
import { selectorRole } from '../../src/dns/check/dkim.js';
import { generateDkimKeyPair } from '../../src/dkim/generate.js';
import { splitTxt } from '../../src/dns/txt.js';
import { runCli } from '../helpers/cli.js';
import { recordsFromModel, startDnsServer, type TestDnsServer, type TestRecord, type ZoneOptions } from '../helpers/dns-server.js';
import { positionOf } from '../helpers/rule-tester.js';

const CONFIG = `version: 1
name: example-mail-relay
mta:
  hostname: mail.example.com
  ipv4: 203.0.113.10
  ptr: mail.example.com
delivery:
  mode: direct
  trustedNetworks: [127.0.0.0/8]
  tls: may
  messageSizeLimit: 25600000
  milterDefault: tempfail
domains:
  - name: example.com
    returnPath: bounces@example.com
    senders:
      - address: support@example.com
        name: Example Support
    dkim:
      signWith: mail202606
      selectors:
        - name: mail202606
          publicKeyFile: keys/example.com/mail202606.pub
        - name: mail202612
          publicKeyFile: keys/example.com/mail202612.pub
    spf:
      include: [_spf.provider.example]
      all: "-all"
    dmarc:
      policy: quarantine
      rua: [dmarc@example.com]
      adkim: s
      aspf: s
    mx:
      - { priority: 10, host: mx1.provider.example }
      - { priority: 20, host: mx2.provider.example }
dns:
  ttl: 3600
relay:
  listen: 127.0.0.1:2525
  limits: { bodyBytes: 524288, ratePerMinute: 60, subjectChars: 200, recipients: 10 }
  queue:
    root: /var/spool/example-mail-relay
    maxAttempts: 8
    backoff: { first: 30s, max: 1h }
  token: { minBytes: 32 }
`;

/** Records outside our zone that the world has: the SPF provider's include and the MX hosts. */
const WORLD: TestRecord[] = [
  { name: '_spf.provider.example', type: 'TXT', strings: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  { name: 'mx1.provider.example', type: 'A', address: '198.51.100.25' },
  { name: 'mx2.provider.example', type: 'A', address: '198.51.100.26' },
];

interface JsonFinding {
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
  path: string;
}

let dir: string;
let configFile: string;
let zone: TestRecord[];
let server: TestDnsServer;
let otherKey: string;

/** Where a key's value starts in the config text (the position findings point at). */
const valueOf = (needle: string, key: string) => {
  const at = positionOf(CONFIG, needle);
  return { line: at.line, column: at.column + key.length };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relayconf-check-dns-'));
  mkdirSync(path.join(dir, 'keys', 'example.com'), { recursive: true });
  for (const selector of ['mail202606', 'mail202612']) {
    writeFileSync(path.join(dir, 'keys', 'example.com', `${selector}.pub`), generateDkimKeyPair('rsa', 2048).publicKeyPem);
  }
  otherKey = generateDkimKeyPair('rsa', 2048).dnsPublicKey;
  configFile = path.join(dir, 'relay.config.yaml');
  writeFileSync(configFile, CONFIG);
  const loaded = await loadConfigFile(configFile);
  expect(loaded.findings).toEqual([]);
  // The zone the build generates: the record model, plus the PTR the provider's panel would give.
  zone = recordsFromModel(buildRecordModel(loaded.model!));
  server = await startDnsServer({ records: [...zone, ...WORLD] });
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Serves the built zone changed by `edit`, runs check-dns, and returns the JSON findings. */
async function check(edit: (records: TestRecord[]) => TestRecord[], options: Partial<ZoneOptions> = {}, args: string[] = []) {
  server.setZone({ records: edit([...zone, ...WORLD]), ...options });
  const run = await runCli(['check-dns', 'relay.config.yaml', '--resolver', server.address, '--timeout', '300', '--format', 'json', ...args], { cwd: dir });
  const doc = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: Record<string, number> };
  return { ...run, findings: doc.findings, summary: doc.summary, ids: doc.findings.map((f) => f.ruleId).sort() };
}

const txtAt = (records: TestRecord[], name: string) => records.find((r) => r.type === 'TXT' && r.name === name) as Extract<TestRecord, { strings: unknown }>;
const without = (records: TestRecord[], name: string, type: string) => records.filter((r) => !(r.name === name && r.type === type));
const replaceTxt = (records: TestRecord[], name: string, strings: string[]) => [...without(records, name, 'TXT'), { name, type: 'TXT' as const, strings }];

describe('check-dns: the zone the build generates', () => {
  test('passes: only the two selectors reported live (info), exit 0', async () => {
    const run = await check((r) => r);
    expect(run.code).toBe(0);
    expect(run.findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ['dns-dkim-live', 'info', 'domains[0].dkim.selectors[0]'],
      ['dns-dkim-live', 'info', 'domains[0].dkim.selectors[1]'],
    ]);
    expect(run.findings[0]).toMatchObject({ ...positionOf(CONFIG, 'name: mail202606'), message: 'selector mail202606 is published and matches keys/example.com/mail202606.pub (signing)' });
    expect(run.findings[1].message).toBe('selector mail202612 is published and matches keys/example.com/mail202612.pub (the next key, not signing yet: it can become signWith)');
    // It really asked our server, PTR included (the FCrDNS round trip).
    expect(server.queries).toContain('PTR 10.113.0.203.in-addr.arpa');
  });

  test('text prints the SPF include tree before the findings; json/sarif/github stay machine-clean', async () => {
    server.setZone({ records: [...zone, ...WORLD] });
    const base = ['check-dns', 'relay.config.yaml', '--resolver', server.address, '--timeout', '300'];
    const text = await runCli(base, { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('SPF example.com: 1 DNS lookups (limit 10), 0 void lookups (limit 2)\n');
    expect(text.stdout).toContain('  example.com  "v=spf1 ip4:203.0.113.10 include:_spf.provider.example -all"\n  └─ #1 include:_spf.provider.example\n');
    expect(text.stdout).toContain('DNS matches the record model.');
    expect(text.stdout.indexOf('SPF example.com')).toBeLessThan(text.stdout.indexOf('[dns-dkim-live]'));
    const sarif = await runCli([...base, '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['dns-dkim-live', 'dns-dkim-live']);
    const github = await runCli([...base, '--format', 'github'], { cwd: dir });
    expect(github.stdout.trim().split('\n').every((line) => line.startsWith('::notice '))).toBe(true);
  });

  test('the repository example config: its built zone passes too', async () => {
    const example = path.resolve(import.meta.dirname, '../../relay.config.yaml');
    const loaded = await loadConfigFile(example);
    const model = loaded.model!;
    // The providers its SPF includes answer with a record of their own.
    const includes = model.domains.flatMap((d) => d.spf.include).map((name): TestRecord => ({ name, type: 'TXT', strings: ['v=spf1 ip4:198.51.100.0/24 -all'] }));
    server.setZone({ records: [...recordsFromModel(buildRecordModel(model)), ...includes] });
    const run = await runCli(['check-dns', example, '--resolver', server.address, '--timeout', '300', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.findings.filter((f: JsonFinding) => f.severity !== 'info')).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('check-dns: each broken variant asserts its finding', () => {
  test('missing PTR', async () => {
    const run = await check((r) => without(r, '10.113.0.203.in-addr.arpa', 'PTR'));
    expect(run.code).toBe(1);
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-ptr-missing']);
    expect(run.findings.find((f) => f.ruleId === 'dns-ptr-missing')).toMatchObject({
      ...valueOf('ptr: mail.example.com', 'ptr: '),
      severity: 'error',
      message: "203.0.113.10 has no PTR record (10.113.0.203.in-addr.arpa: NXDOMAIN (no such name)); set it to mail.example.com in the provider's rDNS panel",
    });
  });

  test('PTR to another name (and the round trip breaks)', async () => {
    const run = await check((r) => [...without(r, '10.113.0.203.in-addr.arpa', 'PTR'), { name: '10.113.0.203.in-addr.arpa', type: 'PTR', target: 'vps-203-0-113-10.provider.example' }]);
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-fcrdns-mismatch', 'dns-ptr-mismatch']);
    expect(run.findings.find((f) => f.ruleId === 'dns-ptr-mismatch')).toMatchObject({
      ...valueOf('ptr: mail.example.com', 'ptr: '),
      message: "PTR of 203.0.113.10 is vps-203-0-113-10.provider.example; expected mail.example.com (change it in the provider's rDNS panel)",
    });
    expect(run.findings.find((f) => f.ruleId === 'dns-fcrdns-mismatch')?.message).toContain('203.0.113.10 -> vps-203-0-113-10.provider.example -> NXDOMAIN');
  });

  test('wrong A', async () => {
    const run = await check((r) => [...without(r, 'mail.example.com', 'A'), { name: 'mail.example.com', type: 'A', address: '198.51.100.99' }]);
    expect(run.ids).toEqual(['dns-a-mismatch', 'dns-dkim-live', 'dns-dkim-live']);
    expect(run.findings[0]).toMatchObject({ ...valueOf('ipv4: 203.0.113.10', 'ipv4: '), severity: 'error', message: 'mail.example.com A is 198.51.100.99; expected 203.0.113.10' });
  });

  test('DKIM record truncated at 255 characters', async () => {
    const run = await check((r) => {
      const full = txtAt(r, 'mail202606._domainkey.example.com').strings.join('');
      return replaceTxt(r, 'mail202606._domainkey.example.com', [full.slice(0, 255)]);
    });
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-mismatch']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-dkim-mismatch')!;
    expect(finding).toMatchObject({ ...positionOf(CONFIG, 'name: mail202606'), severity: 'error', path: 'domains[0].dkim.selectors[0]' });
    expect(finding.message).toMatch(/^selector mail202606 at mail202606._domainkey.example.com: p= is cut short at 255 characters: 2\d\d of 392 characters published \(the record is 255 bytes in 1 string\)/);
  });

  test('DKIM record of another key', async () => {
    const run = await check((r) => replaceTxt(r, 'mail202612._domainkey.example.com', splitTxt(`v=DKIM1; h=sha256; k=rsa; p=${otherKey}`)));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-mismatch']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-dkim-mismatch')!;
    expect(finding).toMatchObject({ ...positionOf(CONFIG, 'name: mail202612'), path: 'domains[0].dkim.selectors[1]' });
    expect(finding.message).toMatch(/^selector mail202612 at mail202612\._domainkey\.example\.com: p= is another key \(published key SHA-256 [0-9a-f]{16}…, expected [0-9a-f]{16}… from keys\/example\.com\/mail202612\.pub\)$/);
  });

  test('two SPF records', async () => {
    const run = await check((r) => [...r, { name: 'example.com', type: 'TXT', strings: ['v=spf1 include:other.example ~all'] }]);
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-multiple']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-spf-multiple')!;
    expect(finding).toMatchObject({ ...positionOf(CONFIG, 'include: [_spf'), path: 'domains[0].spf' });
    expect(finding.message).toContain('example.com has 2 SPF records');
    expect(finding.message).toContain('"v=spf1 include:other.example ~all"');
    expect(finding.message).toContain('every SPF check gives permerror (RFC 7208 4.5)');
  });

  test('SPF reaching 11 lookups through nested includes (the tree prints past 10)', async () => {
    const chain = (r: TestRecord[]) => {
      let out = replaceTxt(r, '_spf.provider.example', ['v=spf1 include:n1.provider.example -all']);
      for (let i = 1; i <= 10; i++) {
        const next = i < 10 ? ` include:n${i + 1}.provider.example` : ' -all';
        out = [...out, { name: `n${i}.provider.example`, type: 'TXT', strings: [`v=spf1 ip4:198.51.100.${i}${next}`] }];
      }
      return out;
    };
    const run = await check(chain);
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-lookups']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-spf-lookups')!;
    expect(finding).toMatchObject({ ...positionOf(CONFIG, 'include: [_spf'), severity: 'error' });
    expect(finding.message).toContain('SPF of example.com needs 11 DNS lookups (limit 10, 1 over: receivers return permerror), 0 void lookups (limit 2)');
    expect(finding.message).toContain('lookup #11 is include:_spf.provider.example > include:n1.provider.example > ');
    expect(finding.message).toMatch(/> include:n10\.provider\.example$/);
    // The sending IP still passes (ip4 comes first): only the recursive count catches this.
    server.setZone({ records: chain([...zone, ...WORLD]) });
    const text = await runCli(['check-dns', 'relay.config.yaml', '--resolver', server.address, '--timeout', '300'], { cwd: dir });
    expect(text.stdout).toContain('SPF example.com: 11 DNS lookups (limit 10, 1 over: receivers return permerror), 0 void lookups (limit 2)');
    expect(text.stdout).toMatch(/└─ #11 include:n10\.provider\.example {2}\(over the limit\)\n/);
  });

  test('an include that is a void lookup', async () => {
    const run = await check((r) => without(r, '_spf.provider.example', 'TXT'));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-include-broken']);
    expect(run.findings.find((f) => f.ruleId === 'dns-spf-include-broken')).toMatchObject({
      ...positionOf(CONFIG, 'include: [_spf'),
      message:
        'include:_spf.provider.example in the SPF of example.com leads to no SPF record: NXDOMAIN (no such name) (void lookup 1 of the 2 allowed): receivers that reach it return permerror',
    });
  });

  test('three void lookups are over the limit', async () => {
    const run = await check((r) => replaceTxt(r, '_spf.provider.example', ['v=spf1 a:gone1.provider.example a:gone2.provider.example a:gone3.provider.example -all']));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-void-lookups']);
    expect(run.findings.find((f) => f.ruleId === 'dns-spf-void-lookups')?.message).toBe(
      'SPF of example.com has 3 void lookups (limit 2: receivers return permerror): a:gone1.provider.example (NXDOMAIN (no such name)), a:gone2.provider.example (NXDOMAIN (no such name)), a:gone3.provider.example (NXDOMAIN (no such name))',
    );
  });

  test('an sp the build does not write is shown as the default it is, not as published', async () => {
    const run = await check((r) => {
      const built = txtAt(r, '_dmarc.example.com').strings.join('');
      return replaceTxt(r, '_dmarc.example.com', [built.replace('p=quarantine', 'p=quarantine; sp=none')]);
    });
    const finding = run.findings.find((f) => f.ruleId === 'dns-dmarc-mismatch')!;
    expect(finding.message).toMatch(/^_dmarc\.example\.com differs from the build: sp: published none, expected quarantine \(not written: sp defaults to p\) \(published/);
  });

  test('p=none published where the config says quarantine', async () => {
    const run = await check((r) => {
      const built = txtAt(r, '_dmarc.example.com').strings.join('');
      return replaceTxt(r, '_dmarc.example.com', [built.replace('p=quarantine', 'p=none')]);
    });
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-dmarc-mismatch']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-dmarc-mismatch')!;
    expect(finding).toMatchObject({ ...positionOf(CONFIG, 'policy: quarantine'), path: 'domains[0].dmarc', severity: 'error' });
    expect(finding.message).toMatch(/^_dmarc\.example\.com differs from the build: p: published none, expected quarantine \(published "v=DMARC1; p=none;/);
  });

  test('NXDOMAIN for _dmarc', async () => {
    const run = await check((r) => without(r, '_dmarc.example.com', 'TXT'));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-dmarc-missing']);
    expect(run.findings.find((f) => f.ruleId === 'dns-dmarc-missing')).toMatchObject({
      ...positionOf(CONFIG, 'policy: quarantine'),
      message: '_dmarc.example.com has no DMARC record (NXDOMAIN (no such name)) and the DNS tree walk (RFC 9989 section 4.10) found none at _dmarc.com: receivers apply no DMARC policy and send no reports; publish "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com; adkim=s; aspf=s"',
    });
  });

  test('a resolver that never answers: one finding says so, not one per record; nothing crashes', async () => {
    const run = await check((r) => r, { neverAnswer: true });
    expect(run.code).toBe(1);
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([['dns-resolver-unreachable', 'error']]);
    expect(run.findings[0].message).toMatch(
      new RegExp(`^the resolver ${server.address.replace(/[.[\]]/g, '\\$&')} answered none of \\d+ lookups \\(each timed out or was refused\\), so no record was checked: check --resolver and the network path$`),
    );
  });

  test('timeouts for some names while others answer stay findings of their records', async () => {
    const run = await check((r) => r, { silent: { '_dmarc.example.com': 'all' } });
    expect(run.ids).toContain('dns-timeout');
    expect(run.ids).not.toContain('dns-resolver-unreachable');
    expect(run.findings.find((f) => f.ruleId === 'dns-timeout')?.message).toBe(
      `cannot check the DMARC record of example.com: TXT _dmarc.example.com timed out: no answer from ${server.address} within 300 ms (2 tries)`,
    );
  });

  test('SERVFAIL on one name is a finding and hides nothing else', async () => {
    const run = await check((r) => [...without(r, 'mail.example.com', 'A'), { name: 'mail.example.com', type: 'A', address: '198.51.100.99' }], { servfail: ['_dmarc.example.com'] });
    expect(run.ids).toEqual(['dns-a-mismatch', 'dns-dkim-live', 'dns-dkim-live', 'dns-servfail']);
    expect(run.findings.find((f) => f.ruleId === 'dns-servfail')?.message).toBe(
      `cannot check the DMARC record of example.com: TXT _dmarc.example.com SERVFAIL (the server failed to get an answer) from ${server.address}`,
    );
  });
});

describe('check-dns: more findings', () => {
  test('an SPF record without the sending IP: mailauth gives fail, and it differs from the build', async () => {
    const run = await check((r) => replaceTxt(r, 'example.com', ['v=spf1 include:_spf.provider.example -all']));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-mismatch', 'dns-spf-not-authorized']);
    expect(run.findings.find((f) => f.ruleId === 'dns-spf-not-authorized')).toMatchObject({
      ...positionOf(CONFIG, 'include: [_spf'),
      severity: 'error',
      message: 'SPF for MAIL FROM bounces@example.com from 203.0.113.10 gives fail, expected pass (domain of bounces@example.com does not designate 203.0.113.10 as permitted sender)',
    });
    expect(run.findings.find((f) => f.ruleId === 'dns-spf-mismatch')).toMatchObject({
      severity: 'warning',
      message: 'example.com publishes "v=spf1 include:_spf.provider.example -all"; the build emits "v=spf1 ip4:203.0.113.10 include:_spf.provider.example -all"',
    });
  });

  test('a term that does not parse, even after the matching one', async () => {
    const run = await check((r) => replaceTxt(r, 'example.com', ['v=spf1 ip4:203.0.113.10 include:_spf.provider.example ip4:198.51.100 -all']));
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-spf-mismatch', 'dns-spf-syntax']);
    expect(run.findings.find((f) => f.ruleId === 'dns-spf-syntax')?.message).toBe(
      'the SPF record of example.com does not parse at "ip4:198.51.100": "198.51.100" is not an IPv4 address; receivers return permerror',
    );
  });

  test('an AAAA the config does not declare', async () => {
    const run = await check((r) => [...r, { name: 'mail.example.com', type: 'AAAA', address: '2001:db8::25' }]);
    expect(run.ids).toEqual(['dns-aaaa-unexpected', 'dns-dkim-live', 'dns-dkim-live']);
    expect(run.findings[0]).toMatchObject({ ...valueOf('hostname: mail.example.com', 'hostname: '), severity: 'warning' });
    expect(run.findings[0].message).toContain('mail.example.com has AAAA 2001:db8::25 but the config declares no mta.ipv6');
  });

  test('MX pointing at this relay, and a null MX', async () => {
    const relay = await check((r) => [...without(r, 'example.com', 'MX'), { name: 'example.com', type: 'MX', priority: 10, exchange: 'mail.example.com' }]);
    expect(relay.ids).toEqual(['dns-dkim-live', 'dns-dkim-live', 'dns-mx-mismatch', 'dns-mx-this-relay']);
    expect(relay.findings.find((f) => f.ruleId === 'dns-mx-this-relay')).toMatchObject({
      ...positionOf(CONFIG, '- { priority: 10'),
      message: "MX of example.com points at this send-only relay (mail.example.com): keep the domain's receiving provider as MX",
    });
    expect(relay.findings.find((f) => f.ruleId === 'dns-mx-mismatch')?.message).toBe(
      'MX of example.com is 10 mail.example.com; expected 10 mx1.provider.example, 20 mx2.provider.example (missing 10 mx1.provider.example, 20 mx2.provider.example) (not in the config: 10 mail.example.com)',
    );
    const nullMx = await check((r) => [...without(r, 'example.com', 'MX'), { name: 'example.com', type: 'MX', priority: 0, exchange: '' }]);
    expect(nullMx.findings.find((f) => f.ruleId === 'dns-mx-missing')?.message).toContain('publishes a null MX ("0 .")');
  });

  test('the right key with a different tag is a warning of its own id (t=y testing mode)', async () => {
    const run = await check((r) => {
      const built = txtAt(r, 'mail202612._domainkey.example.com').strings.join('');
      return replaceTxt(r, 'mail202612._domainkey.example.com', splitTxt(built.replace('h=sha256; ', 't=y; ')));
    });
    expect(run.code).toBe(0);
    expect(run.ids).toEqual(['dns-dkim-live', 'dns-dkim-tags-differ']);
    const finding = run.findings.find((f) => f.ruleId === 'dns-dkim-tags-differ')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe('selector mail202612 at mail202612._domainkey.example.com has the right key but differs from the build: t= published "y"; h= missing, the build emits "sha256"');
  });
});

describe('check-dns: rotation and options', () => {
  test('a new selector not yet published says so; the signing one is live', async () => {
    const run = await check((r) => without(r, 'mail202612._domainkey.example.com', 'TXT'));
    expect(run.code).toBe(1);
    expect(run.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['dns-dkim-live', 'domains[0].dkim.selectors[0]'],
      ['dns-dkim-missing', 'domains[0].dkim.selectors[1]'],
    ]);
    expect(run.findings[1].message).toBe(
      'selector mail202612 is not yet visible: mail202612._domainkey.example.com NXDOMAIN (no such name); it is the next key (not signing yet): keep signWith on the current selector until this passes',
    );
  });

  test('a dated selector older than signWith is retiring, never "not signing yet"', () => {
    expect(selectorRole('mail202606', 'mail202606')).toBe('signing');
    expect(selectorRole('mail202612', 'MAIL202606')).toBe('next');
    expect(selectorRole('mail202512', 'mail202606')).toBe('retiring');
    expect(selectorRole('s20260115', 'mail202606')).toBe('retiring');
    expect(selectorRole('backup', 'mail202606')).toBe('standby');
  });

  test('--rule turns a finding off or changes its severity', async () => {
    const run = await check((r) => without(r, 'mail202612._domainkey.example.com', 'TXT'), {}, ['--rule', 'dns-dkim-missing=warning', '--rule', 'dns-dkim-live=off']);
    expect(run.code).toBe(0);
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([['dns-dkim-missing', 'warning']]);
  });

  test('lint.rules in the config sets a check-dns severity, and --rule beats it', async () => {
    const withRules = `${CONFIG}lint:\n  rules:\n    dns-dkim-missing: warning\n    dns-dkim-live: off\n`;
    writeFileSync(path.join(dir, 'overrides.yaml'), withRules);
    server.setZone({ records: without([...zone, ...WORLD], 'mail202612._domainkey.example.com', 'TXT') });
    const base = ['check-dns', 'overrides.yaml', '--resolver', server.address, '--timeout', '300', '--format', 'json'];
    const fromConfig = await runCli(base, { cwd: dir });
    expect(fromConfig.code).toBe(0);
    const findings = (JSON.parse(fromConfig.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([['dns-dkim-missing', 'warning', 'domains[0].dkim.selectors[1]']]);
    const fromCli = await runCli([...base, '--rule', 'dns-dkim-missing=error', '--rule', 'dns-dkim-live=info'], { cwd: dir });
    expect(fromCli.code).toBe(1);
    expect((JSON.parse(fromCli.stdout) as { findings: JsonFinding[] }).findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['dns-dkim-live', 'info'],
      ['dns-dkim-missing', 'error'],
    ]);
  });

  test('an unknown id in lint.rules is an error in check-dns too, at its key', async () => {
    const typo = `${CONFIG}lint:\n  rules:\n    dns-dkim-mising: warning\n`;
    writeFileSync(path.join(dir, 'typo.yaml'), typo);
    server.setZone({ records: [...zone, ...WORLD] });
    const run = await runCli(['check-dns', 'typo.yaml', '--resolver', server.address, '--timeout', '300', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const finding = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.find((f) => f.ruleId === 'lint-config');
    expect(finding).toMatchObject({
      ...positionOf(typo, 'dns-dkim-mising'),
      severity: 'error',
      message: 'lint.rules names an unknown rule "dns-dkim-mising" (did you mean "dns-dkim-missing"?); `relayconf rules` lists them',
    });
  });

  test('SARIF describes every check-dns finding with its docs', async () => {
    server.setZone({ records: [...zone, ...WORLD] });
    const run = await runCli(['check-dns', 'relay.config.yaml', '--resolver', server.address, '--timeout', '300', '--format', 'sarif'], { cwd: dir });
    const driver = JSON.parse(run.stdout).runs[0].tool.driver as { rules: { id: string; shortDescription: { text: string }; help: { text: string }; properties?: { source: string } }[] };
    const spf = driver.rules.find((r) => r.id === 'dns-spf-lookups')!;
    expect(spf.shortDescription.text).toBe('At most 10 DNS-querying terms, counted through every include');
    expect(spf.help.text).toContain('RFC 7208 §4.6.4 limits include');
    expect(spf.help.text).toContain('How to fix: Drop includes you no longer need');
    expect(spf.properties?.source).toBe('RFC 7208 §4.6.4');
    // One catalogue: the lint rules are described as well.
    expect(driver.rules.map((r) => r.id)).toContain('spf-lookup-limit');
  });

  test('--help lists the options and the finding ids', async () => {
    const run = await runCli(['check-dns', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--resolver HOST[:PORT]');
    expect(run.stdout).toContain('dns-spf-lookups');
  });

  test('bad --resolver, --timeout and --rule are usage errors (exit 2)', async () => {
    expect((await runCli(['check-dns', configFile, '--resolver', 'dns.example:53'])).stderr).toContain('--resolver needs an IP address');
    expect((await runCli(['check-dns', configFile, '--resolver', '127.0.0.1:99999'])).code).toBe(2);
    const timeout = await runCli(['check-dns', configFile, '--resolver', '127.0.0.1', '--timeout', 'soon']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout takes milliseconds');
    const rule = await runCli(['check-dns', configFile, '--resolver', '127.0.0.1', '--rule', 'dns-dkim-liev=off']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('did you mean "dns-dkim-live"');
  });
});
