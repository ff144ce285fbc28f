// Tests relayhost-auth-needs-tls: SASL to a smarthost only over mandatory TLS, in main.cf and per service.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relayhost-auth-needs-tls.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const SMARTHOST =
  'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n';

describe('relayhost-auth-needs-tls', () => {
  it('flags an authenticated smarthost with tls: may', () => {
    const result = lint(`${SMARTHOST}  tls: may\n`);
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'tls: may', 'may'), message: /smtp_tls_security_level = may/ }]);
  });

  it('flags a dane override (opportunistic without TLSA) and the legacy smtp_use_tls', () => {
    let result = lint(`${SMARTHOST}  tls: encrypt\npostfix:\n  parameters:\n    smtp_tls_security_level: dane\n`);
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'smtp_tls_security_level: dane', 'dane') }]);
    result = lint('postfix:\n  parameters:\n    smtp_sasl_auth_enable: yes\n    smtp_tls_security_level: ""\n    smtp_use_tls: yes\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'smtp_use_tls: yes', 'yes'), message: /smtp_use_tls = yes/ }]);
  });

  it('flags a named transport that authenticates without its own mandatory TLS (seed 02 premium_relay)', () => {
    const result = lint(
      'postfix:\n  services:\n    - "premium_relay unix - - n - - smtp -o relayhost=[smtp.premium-relay.net]:587 -o smtp_sasl_auth_enable=yes"\n',
    );
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '- premium_relay', 'premium_relay'), message: /service premium_relay/ }]);
  });

  it('passes mandatory TLS, a service with its own encrypt, and no SASL at all', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(`${SMARTHOST}  tls: encrypt\n`).findings).toEqual([]);
    expect(lint(`${SMARTHOST}  tls: secure\n`).findings).toEqual([]);
    expect(
      lint(
        'postfix:\n  services:\n    - "premium_relay unix - - n - - smtp -o smtp_sasl_auth_enable=yes -o smtp_tls_security_level=encrypt"\n',
      ).findings,
    ).toEqual([]);
  });
});
