// Tests relay-token-not-in-config: literal secrets anywhere in the config are reported, never repeated.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-token-not-in-config.js';
import { BASE_CONFIG, byRule, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const TOKEN = 'hV3kq9ZpL2mW8xR4tY7uB1nC5vD0sF6g';

describe('relay-token-not-in-config', () => {
  it('flags SMTP_RELAY_TOKEN=... in a raw value without repeating it', () => {
    const result = lint(`postfix:\n  parameters:\n    import_environment: SMTP_RELAY_TOKEN=${TOKEN}\n`);
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'import_environment: SMTP', 'SMTP'), message: /postfix\.parameters\.import_environment holds a value for SMTP_RELAY_TOKEN \(32 characters\)/ },
    ]);
    expect(byRule(result, rule.id)[0].message).not.toContain(TOKEN);
  });

  it('flags a bearer token and a password in a URL', () => {
    const result = lint(
      'domain0:\n  senders:\n    - { address: support@acme-mail.net, name: "Authorization: Bearer 9f8e7d6c5b4a3928" }\n  bimi: { logo: "https://brand:hunter22@bimi.acme-mail.net/logo.svg" }\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'name: "Authorization', '"Authorization'), message: /a bearer token \(16 characters\)/ },
      { severity: 'error', ...at(result.text, 'logo: https://brand', 'https'), message: /a password in a URL/ },
    ]);
  });

  it('flags SASL passwords in static: maps, in main.cf and in a service -o', () => {
    const result = lint(
      'postfix:\n  parameters:\n    smtp_sasl_password_maps: "static:apikey:SG.x7Kp2Lq9Vz"\n  services:\n    - "premium unix - - n - - smtp -o smtp_sasl_password_maps=static:apikey:Zx81Qw"\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'smtp_sasl_password_maps: static', 'static'), message: /a password in a static: map/ },
      { severity: 'error', ...at(result.text, '- premium', 'premium'), message: /postfix\.services\[0\] holds/ },
    ]);
  });

  it('flags a long random-looking string anywhere, such as a display name', () => {
    const result = lint('domain0:\n  senders:\n    - { address: support@acme-mail.net, name: "Kq8ZtP2xW9mR4vN7bL3cY6hJ1sD5fG0a" }\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'name: Kq8Z', 'Kq8Z'), message: /domains\[0\]\.senders\[0\]\.name holds a long random-looking string/ },
    ]);
  });

  it('passes placeholders, file references, fingerprints and the DKIM public key', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(
      lint(
        'postfix:\n  parameters:\n    import_environment: SMTP_RELAY_TOKEN=<long-random-token>\n    smtp_sasl_password_maps: hash:/etc/postfix/sasl_passwd\n    smtp_tls_fingerprint_cert_match: 3f6a9c2e81b04d7f5e2a1c9b8d7e6f50a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9\n',
      ).findings,
    ).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    import_environment: TOKEN=${SMTP_RELAY_TOKEN}\n').findings).toEqual([]);
    // Published DNS records are public: a verification token there is not a secret.
    expect(
      lint('dns:\n  extraRecords:\n    - { name: acme-mail.net, type: TXT, value: "google-site-verification=Kq8ZtP2xW9mR4vN7bL3cY6hJ1sD5fG0aUe3" }\n').findings,
    ).toEqual([]);
  });
});
