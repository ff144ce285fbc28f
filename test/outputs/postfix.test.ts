import { describe, expect, it } from 'vitest';
import { destinationNexthop, mainCf, masterCf, postfixDuration, postfixFiles, postfixMaps, postmapHints, serviceLine } from '../../src/outputs/postfix.js';
import { mainCfParams, modelFrom } from './model.js';
import { encodeShellCommand } from '../../src/outputs/encode/shell.js';

const params = (fragment = '') => mainCfParams(mainCf(modelFrom(fragment)).content);

describe('main.cf', () => {
  it('is a loopback-only, send-only relay with OpenDKIM as milter (seed 01 steps 3-4)', () => {
    const p = params();
    expect(Object.fromEntries(p)).toMatchObject({
      compatibility_level: '3.6',
      myhostname: 'mail.acme-mail.net',
      mydomain: 'acme-mail.net',
      myorigin: '$mydomain',
      smtp_helo_name: 'mail.acme-mail.net',
      inet_interfaces: 'loopback-only',
      inet_protocols: 'ipv4',
      mynetworks: '127.0.0.0/8 [::1]/128',
      smtpd_relay_restrictions: 'permit_mynetworks, reject',
      smtpd_recipient_restrictions: 'permit_mynetworks, reject',
      smtpd_client_restrictions: 'permit_mynetworks, reject',
      smtpd_tls_security_level: 'none',
      mydestination: '',
      relay_domains: '',
      local_transport: 'error:local delivery is disabled on this send-only relay',
      alias_maps: '',
      alias_database: '',
      relayhost: '',
      smtp_tls_security_level: 'may',
      message_size_limit: '25600000',
      smtputf8_enable: 'yes',
      smtp_header_checks: 'regexp:/etc/postfix/smtp_header_checks',
      milter_protocol: '6',
      milter_default_action: 'tempfail',
      smtpd_milters: 'inet:127.0.0.1:8891',
      non_smtpd_milters: '$smtpd_milters',
    });
    // Direct delivery: no SASL, no smarthost CA, no transport maps without destinations.
    for (const key of ['smtp_sasl_auth_enable', 'smtp_tls_CAfile', 'transport_maps', 'sender_dependent_default_transport_maps', 'mailbox_size_limit']) {
      expect(p.has(key), key).toBe(false);
    }
  });

  it('writes an empty value without a trailing blank and ends in one newline', () => {
    const text = mainCf(modelFrom()).content;
    expect(text).toContain('\nmydestination =\n');
    expect(text).not.toMatch(/ +\n/);
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
  });

  it('sends through an authenticated smarthost with TLS encrypt (seed 02)', () => {
    const p = params(`
delivery:
  mode: relayhost
  relayhost: { host: smtp.sendgrid.net, port: 587, auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd } }
  tls: null
  fallbackRelays: ["[backup.example.net]:587", backup2.example.net]
`);
    expect(Object.fromEntries(p)).toMatchObject({
      relayhost: '[smtp.sendgrid.net]:587',
      smtp_sasl_auth_enable: 'yes',
      smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd',
      smtp_sasl_security_options: 'noanonymous',
      smtp_tls_security_level: 'encrypt',
      smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
      smtp_tls_note_starttls_offer: 'yes',
      smtp_fallback_relay: '[backup.example.net]:587, backup2.example.net',
    });
  });

  it('leaves brackets off when the smarthost MX should be looked up', () => {
    expect(params('delivery: { mode: relayhost, relayhost: { host: relay.example.net, port: 25, mxLookup: true } }').get('relayhost')).toBe('relay.example.net:25');
  });

  it('sends over IPv6 too when IPv6 is declared', () => {
    expect(params('mta: { ipv6: "2a01:4f8::25", ipv6Ptr: mail.acme-mail.net }').get('inet_protocols')).toBe('all');
  });

  it('offers STARTTLS with Debian\'s snakeoil pair once other hosts may submit', () => {
    const p = params('delivery: { inetInterfaces: [127.0.0.1, 10.0.0.5], trustedNetworks: [127.0.0.0/8, 10.0.0.0/24] }');
    expect(Object.fromEntries(p)).toMatchObject({
      inet_interfaces: '127.0.0.1, 10.0.0.5',
      mynetworks: '127.0.0.0/8 10.0.0.0/24',
      smtpd_tls_security_level: 'may',
      smtpd_tls_cert_file: '/etc/ssl/certs/ssl-cert-snakeoil.pem',
      smtpd_tls_key_file: '/etc/ssl/private/ssl-cert-snakeoil.key',
    });
  });

  it('asks DANE for DNSSEC lookups and a CA file for verify', () => {
    expect(params('delivery: { tls: dane }').get('smtp_dns_support_level')).toBe('dnssec');
    expect(params('delivery: { tls: verify }').get('smtp_tls_CAfile')).toBe('/etc/ssl/certs/ca-certificates.crt');
    const none = params('delivery: { tls: none }');
    expect(none.get('smtp_tls_security_level')).toBe('none');
    expect(none.has('smtp_tls_session_cache_database')).toBe(false);
  });

  it('raises mailbox_size_limit only when message_size_limit would exceed it', () => {
    expect(params('delivery: { messageSizeLimit: 52428800 }').get('mailbox_size_limit')).toBe('52428800');
    expect(params('delivery: { messageSizeLimit: 51200000 }').has('mailbox_size_limit')).toBe(false);
  });

  it('raises smtpd_recipient_limit only when relay.limits.recipients exceeds its default 1000', () => {
    expect(params('relay: { limits: { recipients: 1500 } }').get('smtpd_recipient_limit')).toBe('1500');
    expect(params('relay: { limits: { recipients: 1000 } }').has('smtpd_recipient_limit')).toBe(false);
    expect(params().has('smtpd_recipient_limit')).toBe(false);
  });

  it('writes per-destination limits and the transport map (seed 05)', () => {
    const p = params('delivery: { destinations: [{ domain: QQ.com, concurrency: 2, rateDelay: 10s, recipientLimit: 3 }, { domain: 163.com, rateDelay: 1500ms }] }');
    expect(Object.fromEntries(p)).toMatchObject({
      transport_maps: 'hash:/etc/postfix/transport',
      slow_qq_com_destination_concurrency_limit: '2',
      slow_qq_com_destination_rate_delay: '10s',
      slow_qq_com_destination_recipient_limit: '3',
      slow_163_com_destination_rate_delay: '2s',
    });
    expect(p.has('slow_163_com_destination_concurrency_limit')).toBe(false);
  });

  it('lets postfix.parameters replace a generated value in place or add one', () => {
    const text = mainCf(modelFrom('postfix: { parameters: { smtp_tls_loglevel: 0, default_destination_concurrency_limit: 10, smtputf8_enable: false } }')).content;
    const p = mainCfParams(text);
    expect(p.get('smtp_tls_loglevel')).toBe('0');
    expect(p.get('smtputf8_enable')).toBe('no');
    expect(p.get('default_destination_concurrency_limit')).toBe('10');
    // Replaced in place (one line each), the new one under its own heading.
    expect(text.match(/^smtp_tls_loglevel =/gm)).toHaveLength(1);
    expect(text).toMatch(/# Raw parameters from relay.config.yaml postfix.parameters.\ndefault_destination_concurrency_limit = 10\n/);
  });
});

describe('master.cf', () => {
  it('has Debian\'s stock services and no submission or smtps (seed 01 step 3)', () => {
    const text = masterCf(modelFrom()).content;
    const services = text.split('\n').filter((l) => /^[a-z]/.test(l)).map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(services).toEqual([
      'smtp inet', 'pickup unix', 'cleanup unix', 'qmgr unix', 'tlsmgr unix', 'rewrite unix', 'bounce unix', 'defer unix', 'trace unix',
      'verify unix', 'flush unix', 'proxymap unix', 'proxywrite unix', 'smtp unix', 'relay unix', 'showq unix', 'error unix', 'retry unix',
      'discard unix', 'local unix', 'virtual unix', 'lmtp unix', 'anvil unix', 'scache unix', 'postlog unix-dgram',
    ]);
    expect(text).not.toMatch(/^(submission|smtps|587|465)\b/m);
    expect(text).toContain('smtp      inet  n       -       y       -       -       smtpd\n');
  });

  it('adds one smtp transport per throttled destination and per sender domain (seed 05)', () => {
    const text = masterCf(modelFrom(`
delivery:
  destinations: [{ domain: qq.com, concurrency: 2 }]
  senderTransports: [{ domain: other.example.net, bindAddress: 94.130.10.21, heloName: Relay.Other.example.net }]
postfix: { services: ["policy unix - n n - 0 spawn user=nobody argv=/bin/true"] }
`)).content;
    expect(text).toContain('slow_qq_com unix -       -       y       -       -       smtp\n  -o syslog_name=postfix/slow_qq_com\n');
    expect(text).toContain(
      'out_other_example_net unix -       -       y       -       -       smtp\n  -o smtp_bind_address=94.130.10.21\n  -o smtp_helo_name=relay.other.example.net\n  -o syslog_name=postfix/out_other_example_net\n',
    );
    // Re-encoded from its typed fields, in the stock column layout: plain arguments stay on the line.
    expect(text).toMatch(/# Extra services from relay.config.yaml postfix.services.\npolicy    unix  -       n       n       -       0       spawn user=nobody argv=\/bin\/true\n$/);
  });

  it('pins a sender transport to its address family when the host also sends over IPv6', () => {
    const text = masterCf(modelFrom(`
mta: { ipv6: "2a01:4f8::25", ipv6Ptr: mail.acme-mail.net }
delivery: { senderTransports: [{ domain: a.net, bindAddress: 94.130.10.21, heloName: r.a.net }, { domain: b.net, bindAddress: "2a01:4f8::26", heloName: r.b.net }] }
`)).content;
    expect(text).toContain('  -o smtp_bind_address=94.130.10.21\n  -o smtp_helo_name=r.a.net\n  -o inet_protocols=ipv4\n');
    expect(text).toContain('  -o smtp_bind_address6=2a01:4f8::26\n  -o smtp_helo_name=r.b.net\n  -o inet_protocols=ipv6\n');
  });

  it('lays out service lines in Debian\'s columns', () => {
    expect(serviceLine(['proxywrite', 'unix', '-', '-', 'n', '-', '1', 'proxymap'])).toBe('proxywrite unix -       -       n       -       1       proxymap');
    expect(serviceLine(['postlog', 'unix-dgram', 'n', '-', 'n', '-', '1', 'postlogd'])).toBe('postlog   unix-dgram n       -       n       -       1       postlogd');
  });
});

describe('maps', () => {
  it('routes a throttled destination through the smarthost in relayhost mode (transport(5): empty next hop = recipient domain)', () => {
    const model = modelFrom(`
delivery:
  mode: relayhost
  relayhost: { host: smtp.sendgrid.net }
  destinations: [{ domain: qq.com, concurrency: 2 }, { domain: partner.example.net, nexthop: "[mx.partner.example.net]:25" }]
`);
    expect(model.delivery.destinations.map((d) => destinationNexthop(model, d))).toEqual(['[smtp.sendgrid.net]:587', '[mx.partner.example.net]:25']);
    const transport = postfixMaps(model).find((f) => f.path === 'etc/postfix/transport')!;
    expect(transport.content.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'qq.com               slow_qq_com:[smtp.sendgrid.net]:587',
      'partner.example.net  slow_partner_example_net:[mx.partner.example.net]:25',
    ]);
  });

  it('keeps the next hop empty in direct mode and maps sender domains to their transport', () => {
    const files = postfixMaps(modelFrom(`
delivery:
  destinations: [{ domain: qq.com }]
  senderTransports: [{ domain: other.example.net, bindAddress: 94.130.10.21, heloName: relay.other.example.net }]
`));
    const rows = (path: string) => files.find((f) => f.path === path)!.content.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows('etc/postfix/transport')).toEqual(['qq.com  slow_qq_com:']);
    expect(rows('etc/postfix/sender_transport')).toEqual(['@other.example.net  out_other_example_net:']);
  });

  it('strips internal headers with a regexp table that needs no postmap', () => {
    const checks = postfixMaps(modelFrom()).find((f) => f.path === 'etc/postfix/smtp_header_checks')!;
    const rules = checks.content.split('\n').filter((l) => l.startsWith('/'));
    expect(rules.map((r) => r.slice(0, 30))).toEqual(['/^Received: from (localhost|in', '/^Received: from [^ ]+ \\([^)]*', '/^X-Originating-IP:/ IGNORE', '/^X-PHP-Originating-Script:/ I']);
    expect(rules.every((r) => r.endsWith(' IGNORE'))).toBe(true);
    expect(postfixMaps(modelFrom('delivery: { stripInternalHeaders: false }')).map((f) => f.path)).toEqual([]);
  });

  it('lists a postmap for each hash: map, the SASL map with a private umask', () => {
    const model = modelFrom(`
delivery:
  mode: relayhost
  relayhost: { host: smtp.sendgrid.net, auth: { username: apikey, passwordFile: /etc/postfix/sasl/passwd } }
  destinations: [{ domain: qq.com }]
  senderTransports: [{ domain: o.net, bindAddress: 94.130.10.21, heloName: r.o.net }]
`);
    const site = { output: 'APPLY.md', key: 'step apply', from: [] };
    expect(postmapHints(model).map((h) => encodeShellCommand(h.command, site))).toEqual(['postmap /etc/postfix/transport', 'postmap /etc/postfix/sender_transport', '(umask 077; postmap /etc/postfix/sasl/passwd)']);
    expect(postmapHints(modelFrom()).map((h) => h.command)).toEqual([]);
    // The password map itself is the admin's secret: never an output.
    expect(postfixFiles(model).map((f) => f.path)).not.toContain('etc/postfix/sasl/passwd');
  });

  it('turns millisecond delays into Postfix seconds, rounding up', () => {
    expect(postfixDuration('10s', 10_000)).toBe('10s');
    expect(postfixDuration('1m', 60_000)).toBe('1m');
    expect(postfixDuration('1500ms', 1500)).toBe('2s');
    expect(postfixDuration('1ms', 1)).toBe('1s');
  });
});
