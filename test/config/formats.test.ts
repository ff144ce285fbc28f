// Tests the schema's string formats: each accepts what the config legitimately holds and refuses
// the shapes that would break the file it is written into; every format the schema names exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/config/formats.js';

function schemaFormats(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => schemaFormats(item, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.format === 'string') out.add(record.format);
    Object.values(record).forEach((value) => schemaFormats(value, out));
  }
  return out;
}

const CASES: Record<string, { ok: string[]; bad: string[] }> = {
  hostname: {
    ok: ['mail.acme-mail.net', 'MAIL.Example.COM', 'localhost', 'bücher.example', 'xn--bcher-kva.example', '例え.テスト', '94.130.10.20'],
    bad: ['', 'mail.acme-mail.net.', 'mail_1.acme.net', '-mail.acme.net', 'a..b', 'mail.аcme-mail.net', 'xn--cme-mail-06g.net', 'ex%41mple.com', 'a b.com', `${'a'.repeat(64)}.com`, 'xn--zz.com'],
  },
  'dns-name': { ok: ['_dmarc.acme-mail.net', 'mail202606._domainkey.acme-mail.net', 'acme-mail.net.'], bad: ['acme mail.net', 'acme-mail.net;', '*.acme-mail.net'] },
  'mx-host': { ok: ['mx1.example.net', 'mx1.example.net.', '.'], bad: ['mx1.example.net.\n$INCLUDE /etc/passwd', '10 mx.example.net'] },
  email: {
    ok: ['bounces@acme-mail.net', 'first.last+tag@acme-mail.net', 'noreply@bücher.example'],
    bad: ['support', '@acme-mail.net', '$(id)@acme-mail.net', 'a..b@acme-mail.net', '"quoted"@acme-mail.net', 'a b@acme-mail.net', `${'a'.repeat(65)}@acme-mail.net`],
  },
  'absolute-path': {
    ok: ['/', '/var/spool/acme-relay', '/etc/postfix/sasl_passwd', '/usr/sbin/sendmail'],
    bad: ['var/spool', '/var/spool/', '//etc', '/var/../etc', '/var/./spool', '/var/spool/$(id)', '/var/spool/a;b', '/var/spool/`id`', '/var/spool/a b', '/var/spool/%n', "/var/'x'"],
  },
  'queue-root': {
    ok: ['/var/spool/acme-relay', '/srv/relay/queue', '/var/lib/acme-relay'],
    bad: ['/', '/var', '/var/spool', '/etc', '/etc/cron.d', '/proc/sys/kernel', '/usr/local/queue', '/root/queue', '/var/spool/postfix', '/var/spool/postfix/maildrop', '/var/spool/$(id)'],
  },
  'service-user': { ok: ['mailrelay', 'acme_relay', 'relay-2'], bad: ['root', 'opendkim', 'postfix', 'nobody', 'www-data', 'systemd-network', 'Root', '-x'] },
  'postfix-map-path': { ok: ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl/passwd'], bad: ['/etc/ld.so.preload', '/etc/sudoers.d/relay', '/etc/postfix', '/etc/postfix/', '/etc/postfix/../shadow', '/etc/postfixx/sasl'] },
  'local-path': { ok: ['keys/mail202606.pub', '/etc/keys/k.pub'], bad: ['../keys/k.pub', 'keys//k.pub', 'keys/$(id).pub'] },
  ipv4: { ok: ['94.130.10.20', '0.0.0.0'], bad: ['94.130.10.300', '2001:db8::1', '094.130.10.20', '94.130.10'] },
  ipv6: { ok: ['2001:db8::1', '::1'], bad: ['fe80::1%eth0', '94.130.10.20', '2001:db8:::1'] },
  network: {
    ok: ['127.0.0.0/8', '[::1]/128', '::1/128', '10.0.0.1', '[2001:db8::]/32'],
    bad: ['10.0.0.0/33', '[::1]/129', '[10.0.0.0]/8', 'hash:/etc/postfix/network_table', 'mail.acme.net', '10.0.0.0/8 0.0.0.0/0', '!10.0.0.0/8'],
  },
  nexthop: {
    ok: ['[smtp.example.net]:587', 'smtp.example.net', 'smtp.example.net:587', '[10.0.0.9]', 'smtp:[10.0.0.7]:25', '[ipv6:2001:db8::1]:25'],
    bad: ['[smtp.example.net]:99999', '[smtp.example.net]:587 x', 'smtp.example.net:0', '[smtp.example.net', 'a b'],
  },
  listen: { ok: ['127.0.0.1:2525', '[::1]:2525', 'localhost:2525'], bad: ['127.0.0.1', '127.0.0.1:70000', '0.0.0.0:2525 [::]:2525', '[10.0.0.1]:25'] },
  duration: { ok: ['30s', '1h', '250ms', '7d'], bad: ['30', '1h30m', '-1s', '1.5s', '9999999999s'] },
  'spf-term': {
    ok: ['ip4:192.0.2.0/24', 'ip6:2001:db8::/32', 'a', 'mx/24', '-a:mail.example.net/24//64', 'exists:%{i}._spf.example.com', 'include:_spf.example.net', '?all', 'exp=explain._spf.example.com'],
    bad: ['ip4:192.0.2.1 +all', 'ip4:192.0.2.0/33', 'ip6:192.0.2.1', 'include:', 'all:x', 'bogus:x', 'a"b', 'redirect='],
  },
  'spf-domain': { ok: ['_spf.google.com', '%{d}.spf.example.net'], bad: ['_spf.google.com include:evil', 'a"b.com'] },
  url: { ok: ['https://bimi.acme-mail.net/logo.svg', 'http://acme-mail.net/logo.png'], bad: ['https://a.net/l.svg;a=x', 'https://a.net/l.svg,x', 'ftp://a.net/x', 'https://a.net/x y', 'javascript:alert(1)'] },
  'report-uri': { ok: ['dmarc@acme-mail.net', 'mailto:dmarc@acme-mail.net', 'https://reports.acme-mail.net/dmarc'], bad: ['dmarc@acme-mail.net,mailto:x@evil.example', 'dmarc@acme-mail.net;ruf=x', 'mailto:x@y.net!10m'] },
  'mx-rdata': { ok: ['10 mx.example.com', '0 .', '10 mx.example.com.'], bad: ['10 mx.example.com extra', 'mx.example.com', '70000 mx.example.com'] },
  'caa-rdata': { ok: ['0 issue "letsencrypt.org"', '128 iodef "mailto:security@acme-mail.net"'], bad: ['0 issue letsencrypt.org', '0 bogus "x"', '0 issue "a\\"b"', '256 issue "x"'] },
  'txt-rdata': { ok: ['v=spf1 -all', 'google-site-verification=abc "quoted" \\ ok'], bad: ['', 'ä', 'x'.repeat(4097)] },
  'master-service': {
    ok: ['premium unix - - n - - smtp', '127.0.0.1:2526 inet n - y - - smtpd -o smtpd_relay_restrictions=permit_mynetworks,reject', 'slow unix - - n - 2 smtp -o syslog_name=postfix/slow', 'x unix - - n - - smtp -o { smtp_helo_name = a b }', 'f unix - n n - - pipe user=f argv=/usr/bin/f -o'],
    bad: ['  -o smtpd_relay_restrictions=permit', 'premium unix - - n - -', 'premium tcp - - n - - smtp', 'premium unix - - n - - /bin/sh', 'premium\tunix - - n - - smtp', 'relay2 unix - - n - - smtp -o', 'relay2 unix - - n - - smtp -o content_filter', 'relay2 unix - - n - - smtp -ocontent_filter'],
  },
  'systemd-paths': { ok: ['/var/spool/acme-relay', '/var/spool/acme-relay /var/spool/postfix'], bad: ['+/etc', '-/var/spool', '/var/spool  /x', '/var/spool/%h', 'relative'] },
  'address-families': { ok: ['AF_UNIX AF_INET AF_INET6', '~AF_PACKET', 'none'], bad: ['AF_UNIX ~AF_INET', 'af_unix', 'AF_UNIX;'] },
  'syscall-filter': { ok: ['@system-service', '~@privileged @resources', '@system-service:EPERM'], bad: ['@system-service\n', '@system-service;x', '~'] },
  capabilities: { ok: ['', 'CAP_NET_BIND_SERVICE', '~CAP_SYS_ADMIN CAP_NET_ADMIN'], bad: ['cap_sys_admin', 'CAP_SYS_ADMIN,CAP_X'] },
  namespaces: { ok: ['net ipc', '~user'], bad: ['bogus', 'net,ipc'] },
  'ip-address-list': { ok: ['any', 'localhost 10.0.0.0/8', '::1/128'], bad: ['[::1]/128', 'everything'] },
  token: { ok: ['apikey', 'user@example.com'], bad: ['a b', 'a"b', 'a\\b'] },
  'single-line': { ok: ['Acme Support', 'Ünïcödé – “quotes”', ''], bad: ['a\nb', 'a\u2028b', 'a\u0085b'] },
  'dns-label': { ok: ['default', 'brand-2'], bad: ['a.b', '-x', '_bimi'] },
  'dns-target': { ok: ['target.example.com', 'target.example.com.'], bad: ['target.example.com. IN NS x', '_x.example.com'] },
  ip: { ok: ['94.130.10.20', '2001:db8::1'], bad: ['0.0.0.0/0', 'all'] },
};

describe('schema formats', () => {
  it('defines every format the schema names, and the schema uses every one defined', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/relay.schema.json', import.meta.url), 'utf8'));
    expect([...schemaFormats(schema)].sort()).toEqual(Object.keys(formats).sort());
  });

  it('gives every string of the schema (and every free-form key) a format, pattern or enum', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/relay.schema.json', import.meta.url), 'utf8'));
    const untyped: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, any>;
      // An object whose string property is typed per record type by if/then (extra DNS records).
      const conditional = new Set<string>(
        (n.allOf ?? []).flatMap((rule: Record<string, any>) => Object.keys(rule.then?.properties ?? {})),
      );
      for (const [key, child] of Object.entries<Record<string, any>>(n.properties ?? {})) {
        if (conditional.has(key)) {
          const types: string[] = n.properties.type.enum;
          const covered = n.allOf.map((rule: Record<string, any>) => rule.if.properties.type.const);
          expect(covered.sort(), `${at}/properties/${key}`).toEqual([...types].sort());
          child.__conditional = true;
        }
      }
      const types = [n.type ?? []].flat();
      if (types.includes('string') && !n.format && !n.pattern && !n.enum && !('const' in n) && !n.__conditional) untyped.push(at);
      if (n.type === 'object' && typeof n.additionalProperties === 'object' && !n.propertyNames) untyped.push(`${at} (keys)`);
      for (const [key, value] of Object.entries(n)) if (key !== '__conditional') walk(value, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(untyped).toEqual([]);
  });

  it('has cases for every format', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(formats).sort());
  });

  for (const [name, { ok, bad }] of Object.entries(CASES)) {
    it(`${name}: accepts ${ok.length}, refuses ${bad.length}`, () => {
      const check = formats[name];
      expect(ok.filter((text) => !check(text))).toEqual([]);
      expect(bad.filter((text) => check(text))).toEqual([]);
    });
  }
});
