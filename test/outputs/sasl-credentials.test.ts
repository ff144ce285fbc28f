// Tests the SASL credentials and what they write: map keys per next hop, @domain with sender-dependent
// authentication where a next hop is shared, per-transport SASL and TLS, APPLY.md's printf, and no password anywhere.
import { describe, expect, it } from 'vitest';
import { applySteps } from '../../src/outputs/apply-notes.js';
import { encodeShellCommand } from '../../src/outputs/encode/shell.js';
import { mainCf, masterCf, postfixFiles, postfixMaps, postmapHints } from '../../src/outputs/postfix.js';
import { saslCredentials } from '../../src/outputs/sasl-credentials.js';
import { mainCfParams, modelFrom } from './model.js';

const SHARED = `
delivery:
  mode: relayhost
  tls: encrypt
  relayhost: { host: smtp.sendgrid.net, auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd } }
  destinations:
    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:465", auth: { username: acme, passwordFile: /etc/postfix/sasl_partner } }
  senderTransports:
    - { domain: news.acme-mail.net, bindAddress: 94.130.10.21, heloName: relay.news.acme-mail.net, nexthop: "[smtp.sendgrid.net]:587", auth: { username: news-key, passwordFile: /etc/postfix/sasl_passwd } }
    - { domain: shop.acme-mail.net, bindAddress: 94.130.10.22, heloName: relay.shop.acme-mail.net, nexthop: "[smtp.eu-esp.example.net]:587", auth: { username: shop, passwordFile: /etc/postfix/sasl_passwd } }
`;
const site = { output: 'APPLY.md', key: 'test', from: [] };

describe('SASL credentials', () => {
  it('keys each by its next hop, and a sender relay that shares the smarthost\'s next hop by @domain', () => {
    expect(saslCredentials(modelFrom(SHARED)).map((c) => [c.key, c.username, c.passwordFile, c.variable, c.senderDependent])).toEqual([
      ['[smtp.sendgrid.net]:587', 'apikey', '/etc/postfix/sasl_passwd', 'SASL_PASSWORD', false],
      ['[smtp.partner.example.net]:465', 'acme', '/etc/postfix/sasl_partner', 'SASL_PASSWORD_SLOW_PARTNER_EXAMPLE_NET', false],
      ['@news.acme-mail.net', 'news-key', '/etc/postfix/sasl_passwd', 'SASL_PASSWORD_OUT_NEWS_ACME_MAIL_NET', true],
      ['[smtp.eu-esp.example.net]:587', 'shop', '/etc/postfix/sasl_passwd', 'SASL_PASSWORD_OUT_SHOP_ACME_MAIL_NET', false],
    ]);
  });

  it('lists every map once in main.cf and names the keys, never a password', () => {
    const text = mainCf(modelFrom(SHARED)).content;
    const p = mainCfParams(text);
    expect(p.get('smtp_sasl_auth_enable')).toBe('yes');
    expect(p.get('smtp_sasl_password_maps')).toBe('hash:/etc/postfix/sasl_passwd, hash:/etc/postfix/sasl_partner');
    expect(text).toContain(
      '# One line per next hop (postconf(5) smtp_sasl_password_maps): [smtp.sendgrid.net]:587 (apikey), [smtp.partner.example.net]:465 (acme), @news.acme-mail.net (news-key), [smtp.eu-esp.example.net]:587 (shop).\n',
    );
  });

  it('turns SASL on per transport, sender-dependent only where the key is @domain, with wrappermode for 465', () => {
    const text = masterCf(modelFrom(SHARED)).content;
    expect(text).toContain('slow_partner_example_net unix -       -       y       -       -       smtp\n  -o smtp_tls_wrappermode=yes\n  -o smtp_sasl_auth_enable=yes\n  -o syslog_name=postfix/slow_partner_example_net\n');
    expect(text).toContain(
      'out_news_acme_mail_net unix -       -       y       -       -       smtp\n  -o smtp_bind_address=94.130.10.21\n  -o smtp_helo_name=relay.news.acme-mail.net\n  -o smtp_sasl_auth_enable=yes\n  -o smtp_sender_dependent_authentication=yes\n  -o syslog_name=postfix/out_news_acme_mail_net\n',
    );
    expect(text).toContain('  -o smtp_helo_name=relay.shop.acme-mail.net\n  -o smtp_sasl_auth_enable=yes\n  -o syslog_name=postfix/out_shop_acme_mail_net\n');
    const senderMap = postfixMaps(modelFrom(SHARED)).find((f) => f.path === 'etc/postfix/sender_transport')!;
    expect(senderMap.content.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '@news.acme-mail.net  out_news_acme_mail_net:[smtp.sendgrid.net]:587',
      '@shop.acme-mail.net  out_shop_acme_mail_net:[smtp.eu-esp.example.net]:587',
    ]);
  });

  it('adds encrypt on an authenticating transport when main.cf is only opportunistic', () => {
    const text = masterCf(modelFrom('delivery:\n  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:587", auth: { username: acme, passwordFile: /etc/postfix/sasl_passwd } }\n')).content;
    expect(text).toContain('slow_partner_example_net unix -       -       y       -       -       smtp\n  -o smtp_sasl_auth_enable=yes\n  -o smtp_tls_security_level=encrypt\n');
    // SASL stays off in main.cf: no other next hop is offered a password.
    expect(mainCfParams(mainCf(modelFrom('delivery:\n  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:587", auth: { username: acme, passwordFile: /etc/postfix/sasl_passwd } }\n')).content).has('smtp_sasl_auth_enable')).toBe(false);
  });

  it('writes each map once from its variables in APPLY.md and postmaps each privately; the tree holds no map', () => {
    const model = modelFrom(SHARED);
    const secrets = applySteps(model).find((s) => s.name === 'secrets')!;
    const lines = secrets.commands.map((c) => encodeShellCommand(c, site)).filter((l) => l.includes('sasl_'));
    expect(lines).toEqual([
      "test -s /etc/postfix/sasl_passwd || (umask 077; printf '%s %s:%s\\n' '[smtp.sendgrid.net]:587' apikey \"${SASL_PASSWORD:?set SASL_PASSWORD to the smarthost password}\" @news.acme-mail.net news-key \"${SASL_PASSWORD_OUT_NEWS_ACME_MAIL_NET:?set SASL_PASSWORD_OUT_NEWS_ACME_MAIL_NET to the password of transport out_news_acme_mail_net}\" '[smtp.eu-esp.example.net]:587' shop \"${SASL_PASSWORD_OUT_SHOP_ACME_MAIL_NET:?set SASL_PASSWORD_OUT_SHOP_ACME_MAIL_NET to the password of transport out_shop_acme_mail_net}\" > /etc/postfix/sasl_passwd)",
      "test -s /etc/postfix/sasl_partner || (umask 077; printf '%s %s:%s\\n' '[smtp.partner.example.net]:465' acme \"${SASL_PASSWORD_SLOW_PARTNER_EXAMPLE_NET:?set SASL_PASSWORD_SLOW_PARTNER_EXAMPLE_NET to the password of transport slow_partner_example_net}\" > /etc/postfix/sasl_partner)",
    ]);
    expect(postmapHints(model).map((h) => encodeShellCommand(h.command, site)).filter((l) => l.includes('sasl_'))).toEqual([
      '(umask 077; postmap /etc/postfix/sasl_passwd)',
      '(umask 077; postmap /etc/postfix/sasl_partner)',
    ]);
    expect(postfixFiles(model).map((f) => f.path).filter((p) => p.includes('sasl'))).toEqual([]);
  });

  it('refuses auth without a next hop (schema): there would be no key to find it by', () => {
    expect(() => modelFrom('delivery:\n  destinations:\n    - { domain: partner.example.net, auth: { username: acme, passwordFile: /etc/postfix/sasl_passwd } }\n')).toThrow(/nexthop/);
  });
});
