// check-dns DMARC against a real dns2 server on 127.0.0.1: the RFC 9989 policy discovery (own
// record, else the DNS tree walk up the parents), the removed tags, and the tag comparison.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfigText } from '../../../src/config/load.js';
import { generateDkimKeyPair } from '../../../src/dkim/generate.js';
import { runDnsChecks } from '../../../src/dns/check/index.js';
import { buildRecordModel } from '../../../src/dns/records.js';
import { createResolver } from '../../../src/dns/resolver.js';
import type { Finding } from '../../../src/findings.js';
import { recordsFromModel, startDnsServer, type TestDnsServer, type TestRecord, type ZoneOptions } from '../../helpers/dns-server.js';
import { positionOf } from '../../helpers/rule-tester.js';
import { tempDir } from '../../helpers/tmp.js';

/** A config sending as `domain`, with `dmarc` (YAML lines under the domain, or '' for none). */
const config = (domain: string, dmarc: string) => `version: 1
name: example-mail-relay
mta:
  hostname: mail.example.com
  ipv4: 203.0.113.10
  ptr: mail.example.com
delivery:
  mode: direct
  trustedNetworks: [127.0.0.0/8]
domains:
  - name: ${domain}
    returnPath: bounces@${domain}
    senders: [{ address: support@${domain} }]
    dkim:
      signWith: mail202606
      selectors: [{ name: mail202606, publicKeyFile: keys/mail202606.pub }]
${dmarc}    mx:
      - { priority: 10, host: mx1.provider.example }
relay:
  listen: 127.0.0.1:2525
`;

const ENFORCED = '    dmarc: { policy: reject, nonExistentSubdomainPolicy: reject, rua: [dmarc@example.com], adkim: s, aspf: s }\n';

let dir: string;
let server: TestDnsServer;

beforeAll(async () => {
  dir = tempDir('relayconf-check-dmarc-');
  mkdirSync(path.join(dir, 'keys'));
  writeFileSync(path.join(dir, 'keys', 'mail202606.pub'), generateDkimKeyPair('rsa', 2048).publicKeyPem);
  server = await startDnsServer({ records: [] });
});

afterAll(async () => {
  await server?.close();
});

const dmarcTxt = (domain: string, text: string): TestRecord => ({ name: `_dmarc.${domain}`, type: 'TXT', strings: [text] });

/**
 * Serves the config's built zone without its own DMARC record (unless `keepOwn`), plus `extra`,
 * runs check-dns, and returns the DMARC findings and the _dmarc names queried, in order.
 */
async function check(text: string, extra: TestRecord[], options: { keepOwn?: boolean; zone?: Partial<ZoneOptions> } = {}) {
  const loaded = loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(dir, 'relay.config.yaml') });
  expect(loaded.findings).toEqual([]);
  const built = recordsFromModel(buildRecordModel(loaded.model!)).filter((r) => options.keepOwn || !r.name.startsWith('_dmarc.'));
  server.setZone({ records: [...built, ...extra], ...options.zone });
  server.queries.splice(0);
  const resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 500, tries: 1 });
  const report = await runDnsChecks(loaded.model!, loaded.source, resolver);
  const dmarc = report.findings.filter((f: Finding) => f.ruleId.startsWith('dns-dmarc') || f.message.includes('DMARC'));
  const queried = server.queries.filter((q) => q.startsWith('TXT _dmarc.')).map((q) => q.slice(4));
  return { findings: dmarc.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, message: f.message })), queried };
}

describe('check-dns DMARC policy discovery (RFC 9989 DNS tree walk)', () => {
  test('a record at the organizational domain only: an inherited policy (info), sp= and np= named, walked to the top-level label', async () => {
    const text = config('news.example.com', '');
    const run = await check(text, [dmarcTxt('example.com', 'v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:dmarc@example.com')]);
    expect(run.queried).toEqual(['_dmarc.news.example.com', '_dmarc.example.com', '_dmarc.com']);
    expect(run.findings).toEqual([
      {
        ruleId: 'dns-dmarc-inherited',
        severity: 'info',
        ...positionOf(text, 'name: news.example.com'),
        message:
          'news.example.com has no DMARC record of its own; receivers apply the policy of _dmarc.example.com, found by the DNS tree walk (RFC 9989 section 4.10.1): sp=quarantine, np=reject for subdomains that do not exist; organizational domain example.com (published "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:dmarc@example.com")',
      },
    ]);
  });

  test('a built record not yet published, a parent\'s applying meanwhile: dns-dmarc-missing names both', async () => {
    const text = config('news.example.com', ENFORCED);
    const run = await check(text, [dmarcTxt('example.com', 'v=DMARC1; p=quarantine; t=y')]);
    expect(run.findings).toEqual([
      {
        ruleId: 'dns-dmarc-missing',
        severity: 'error',
        ...positionOf(text, '{ policy: reject'),
        message:
          '_dmarc.news.example.com has no DMARC record (NXDOMAIN (no such name)); until it is published receivers apply the policy of _dmarc.example.com, found by the DNS tree walk (RFC 9989 section 4.10.1): p=quarantine (no sp=), in testing mode (t=y: applied one level lower); organizational domain example.com; publish "v=DMARC1; p=reject; np=reject; rua=mailto:dmarc@example.com; adkim=s; aspf=s"',
      },
    ]);
  });

  test('a record at both the domain and its parent: the own record applies, no walk', async () => {
    const run = await check(config('news.example.com', ENFORCED), [dmarcTxt('example.com', 'v=DMARC1; p=none')], { keepOwn: true });
    expect(run.queried).toEqual(['_dmarc.news.example.com']);
    expect(run.findings).toEqual([]);
  });

  test('no record anywhere: dns-dmarc-missing lists every name the walk queried', async () => {
    const text = config('news.example.com', '');
    const run = await check(text, []);
    expect(run.queried).toEqual(['_dmarc.news.example.com', '_dmarc.example.com', '_dmarc.com']);
    expect(run.findings).toEqual([
      {
        ruleId: 'dns-dmarc-missing',
        severity: 'error',
        ...positionOf(text, 'name: news.example.com'),
        message:
          '_dmarc.news.example.com has no DMARC record (NXDOMAIN (no such name)) and the DNS tree walk (RFC 9989 section 4.10) found none at _dmarc.example.com, _dmarc.com: receivers apply no DMARC policy and send no reports and the config declares none: add domains[].dmarc',
      },
    ]);
  });

  test('more than 7 labels: after the name itself the walk jumps to its last 7 labels, 8 queries in all', async () => {
    const deep = 'a.b.c.d.e.f.g.example.com';
    const run = await check(config(deep, ''), [dmarcTxt('example.com', 'v=DMARC1; p=reject')]);
    expect(run.queried).toEqual([
      `_dmarc.${deep}`,
      '_dmarc.c.d.e.f.g.example.com',
      '_dmarc.d.e.f.g.example.com',
      '_dmarc.e.f.g.example.com',
      '_dmarc.f.g.example.com',
      '_dmarc.g.example.com',
      '_dmarc.example.com',
      '_dmarc.com',
    ]);
    expect(run.findings.map((f) => f.ruleId)).toEqual(['dns-dmarc-inherited']);
    expect(run.findings[0].message).toContain(`${deep} has no DMARC record of its own; receivers apply the policy of _dmarc.example.com, found by the DNS tree walk (RFC 9989 section 4.10.1): p=reject (no sp=); organizational domain example.com`);
  });

  test('records at two parents: the one with the fewest labels is the organizational domain (RFC 9989 section 4.10.2)', async () => {
    const run = await check(config('news.eu.example.com', ''), [dmarcTxt('eu.example.com', 'v=DMARC1; p=none'), dmarcTxt('example.com', 'v=DMARC1; p=reject; sp=reject')]);
    expect(run.queried).toEqual(['_dmarc.news.eu.example.com', '_dmarc.eu.example.com', '_dmarc.example.com', '_dmarc.com']);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0].message).toContain('receivers apply the policy of _dmarc.example.com, found by the DNS tree walk (RFC 9989 section 4.10.1): sp=reject; organizational domain example.com');
  });

  test('psd=n stops the walk at its domain; psd=y makes the name one label below it the organizational domain', async () => {
    const stop = await check(config('news.eu.example.com', ''), [dmarcTxt('eu.example.com', 'v=DMARC1; p=quarantine; psd=n'), dmarcTxt('example.com', 'v=DMARC1; p=reject')]);
    expect(stop.queried).toEqual(['_dmarc.news.eu.example.com', '_dmarc.eu.example.com']);
    expect(stop.findings[0].message).toContain('the policy of _dmarc.eu.example.com, found by the DNS tree walk (RFC 9989 section 4.10.1): p=quarantine (no sp=); organizational domain eu.example.com');
    // A public suffix operator's record: it applies, but the organizational domain is example.com.
    const suffix = await check(config('news.example.com', ''), [dmarcTxt('com', 'v=DMARC1; p=reject; psd=y')]);
    expect(suffix.queried).toEqual(['_dmarc.news.example.com', '_dmarc.example.com', '_dmarc.com']);
    expect(suffix.findings[0].message).toContain('the policy of _dmarc.com, found by the DNS tree walk (RFC 9989 section 4.10.1): p=reject (no sp=); organizational domain example.com');
  });

  test('a lookup that fails during the walk ends it as its own finding, not as a missing policy', async () => {
    const text = config('news.example.com', '');
    const run = await check(text, [], { zone: { servfail: ['_dmarc.example.com'] } });
    expect(run.queried).toEqual(['_dmarc.news.example.com', '_dmarc.example.com']);
    expect(run.findings.map((f) => [f.ruleId, f.message.replace(server.address, 'SERVER')])).toEqual([
      ['dns-servfail', 'cannot check the DMARC policy of news.example.com (the DNS tree walk above _dmarc.news.example.com): TXT _dmarc.example.com SERVFAIL (the server failed to get an answer) from SERVER'],
    ]);
  });
});

describe('check-dns DMARC record comparison (RFC 9989 tags)', () => {
  const text = config('example.com', '    dmarc: { policy: quarantine, testing: true, nonExistentSubdomainPolicy: reject, rua: [dmarc@example.com], adkim: s, aspf: s }\n');
  const BUILT = 'v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@example.com; adkim=s; aspf=s';

  test('the built record publishes np= and t=y, and passes', async () => {
    const run = await check(text, [dmarcTxt('example.com', BUILT)]);
    expect(run.findings).toEqual([]);
  });

  test('pct, rf and ri in the published record are dns-dmarc-removed-tag (a warning), not a mismatch', async () => {
    const run = await check(text, [dmarcTxt('example.com', `${BUILT}; pct=50; ri=86400`)]);
    expect(run.findings).toEqual([
      {
        ruleId: 'dns-dmarc-removed-tag',
        severity: 'warning',
        ...positionOf(text, '{ policy: quarantine'),
        message: `_dmarc.example.com still publishes pct=50, ri=86400: RFC 9989 removed these tags and receivers that follow it ignore them; pct=50 no longer limits the policy for them (t=y is what RFC 9989 keeps of pct=0); publish "${BUILT}"`,
      },
    ]);
  });

  test('np= and t= are compared with their defaults shown', async () => {
    const run = await check(text, [dmarcTxt('example.com', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com; adkim=s; aspf=s')]);
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([['dns-dmarc-mismatch', 'error']]);
    expect(run.findings[0].message).toMatch(
      /^_dmarc\.example\.com differs from the build: np: published quarantine \(not written: np defaults to sp, then p\), expected reject; t: published n \(not written: the RFC 9989 default\), expected y \(published/,
    );
  });
});
