import { describe, expect, it } from 'vitest';
import { buildRecordModel } from '../../src/dns/records.js';
import { dnsFiles, rdata, relativeOwner, zoneString } from '../../src/outputs/dns-zone.js';
import { modelFrom } from './model.js';

const FRAGMENT = `
mta: { ipv6: "2a01:4f8::25", ipv6Ptr: mail.acme-mail.net }
dns:
  ttl: 1800
  extraRecords:
    - { name: mail-relay.acme-mail.net, type: CNAME, value: tunnel.cfargotunnel.com }
    - { name: acme-mail.net, type: CAA, value: '0 issue "letsencrypt.org"' }
    - { name: old.acme-mail.net, type: MX, value: "0 ." }
domain0:
  bimi: { logo: https://acme-mail.net/logo.svg }
`;

const zoneOf = (files: ReturnType<typeof dnsFiles>, zone: string) => files.find((f) => f.path === `dns/${zone}.zone`)!.content;
const recordLines = (text: string) => text.split('\n').filter((l) => l && !l.startsWith(';') && !l.startsWith('$'));

describe('zone fragment', () => {
  it('writes every record of the model, apex first, with $ORIGIN and $TTL and no SOA or NS', () => {
    const files = dnsFiles(modelFrom(FRAGMENT));
    const text = zoneOf(files, 'acme-mail.net');
    expect(text).toContain('\n$ORIGIN acme-mail.net.\n$TTL 1800\n');
    expect(text).not.toMatch(/\bIN (SOA|NS)\b/);
    expect(text).toContain(';   94.130.10.20 -> mail.acme-mail.net\n;   2a01:4f8::25 -> mail.acme-mail.net\n');
    const lines = recordLines(text).map((l) => l.replace(/\s+/g, ' ').replace(/"v=DKIM1[^]*$/, '"v=DKIM1..."'));
    expect(lines).toEqual([
      '@ IN MX 10 mx1.mailhost-provider.net.',
      '@ IN TXT "v=spf1 ip4:94.130.10.20 ip6:2a01:4f8::25 -all"',
      '@ IN CAA 0 issue "letsencrypt.org"',
      '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@acme-mail.net; adkim=s; aspf=s"',
      'default._bimi IN TXT "v=BIMI1; l=https://acme-mail.net/logo.svg"',
      'mail IN A 94.130.10.20',
      'mail IN AAAA 2a01:4f8::25',
      'mail-relay IN CNAME tunnel.cfargotunnel.com.',
      'mail202606._domainkey IN TXT "v=DKIM1..."',
      'old IN MX 0 .',
    ]);
  });

  it('writes the RFC 9989 DMARC tags: p= right after v=, then sp=, np=, psd=n, t=y; never pct, rf or ri', () => {
    const dmarcLine = (fragment: string) => recordLines(zoneOf(dnsFiles(modelFrom(fragment)), 'acme-mail.net')).find((l) => l.startsWith('_dmarc'))!.replace(/\s+/g, ' ');
    expect(dmarcLine('domain0:\n  dmarc: { policy: quarantine, subdomainPolicy: reject, nonExistentSubdomainPolicy: reject, psd: n, testing: true, pct: 25 }\n')).toBe(
      '_dmarc IN TXT "v=DMARC1; p=quarantine; sp=reject; np=reject; psd=n; t=y; rua=mailto:dmarc@acme-mail.net; adkim=s; aspf=s"',
    );
    // The defaults (t=n, psd=u) say nothing and are not written.
    expect(dmarcLine('domain0:\n  dmarc: { policy: reject, psd: u, testing: false, pct: 100 }\n')).toBe('_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@acme-mail.net; adkim=s; aspf=s"');
  });

  it('splits a DKIM key into 255-byte strings, exactly the record model\'s', () => {
    const model = modelFrom();
    const dkim = buildRecordModel(model).records.find((r) => r.purpose === 'dkim')!;
    const line = recordLines(zoneOf(dnsFiles(model), 'acme-mail.net')).find((l) => l.startsWith('mail202606._domainkey'))!;
    const strings = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    expect(strings).toEqual(dkim.strings);
    expect(strings.length).toBe(2);
    expect(strings.every((s) => Buffer.byteLength(s) <= 255)).toBe(true);
    expect(strings.join('')).toBe(dkim.value);
  });

  it('writes a fragment per zone, an MTA name outside the sending domains included', () => {
    const files = dnsFiles(modelFrom('mta: { hostname: mta1.hosting-ops.net, ptr: mta1.hosting-ops.net }'));
    expect(files.map((f) => f.path)).toEqual(['dns/acme-mail.net.zone', 'dns/hosting-ops.net.zone', 'dns/records.json']);
    expect(recordLines(zoneOf(files, 'hosting-ops.net'))).toEqual(['mta1 IN A     94.130.10.20']);
  });

  it('escapes quotes, backslashes and non-ASCII bytes in TXT strings', () => {
    expect(zoneString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(zoneString('café')).toBe('"caf\\195\\169"');
  });

  it('names owners relative to $ORIGIN', () => {
    expect(relativeOwner('acme-mail.net', 'acme-mail.net')).toBe('@');
    expect(relativeOwner('s1._domainkey.acme-mail.net', 'acme-mail.net')).toBe('s1._domainkey');
    expect(rdata({ zone: 'z', name: 'z', type: 'MX', ttl: 1, value: '', priority: 0, purpose: 'extra', path: [] })).toBe('0 .');
  });
});

describe('records.json', () => {
  it('is the record model, in its order, with the source key path of each record', () => {
    const model = modelFrom(FRAGMENT);
    const json = JSON.parse(dnsFiles(model).find((f) => f.path === 'dns/records.json')!.content);
    const records = buildRecordModel(model);
    expect(json.zones).toEqual(records.zones);
    expect(json.records.map((r: { name: string; type: string; value: string }) => `${r.name} ${r.type} ${r.value}`)).toEqual(
      records.records.map((r) => `${r.name} ${r.type} ${r.value}`),
    );
    expect(json.records.find((r: { purpose: string }) => r.purpose === 'dkim')).toMatchObject({ selector: 'mail202606', source: 'domains[0].dkim.selectors[0]' });
    expect(json.ptr).toEqual([
      { ip: '94.130.10.20', name: 'mail.acme-mail.net', source: 'mta.ptr', note: "set in the IP owner's rDNS panel" },
      { ip: '2a01:4f8::25', name: 'mail.acme-mail.net', source: 'mta.ipv6Ptr', note: "set in the IP owner's rDNS panel" },
    ]);
  });
});
