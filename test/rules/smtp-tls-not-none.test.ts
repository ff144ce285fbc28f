// Tests smtp-tls-not-none: outbound SMTP is at least opportunistically encrypted.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/smtp-tls-not-none.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('smtp-tls-not-none', () => {
  it('flags tls: none and an override to none', () => {
    let result = lint('delivery:\n  tls: none\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'tls: none', 'none'), message: /never encrypts/ }]);
    result = lint('postfix:\n  parameters:\n    smtp_tls_security_level: none\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'smtp_tls_security_level: none', 'none') }]);
  });

  it('flags an empty level without the legacy switches, and a service set to none', () => {
    let result = lint('postfix:\n  parameters:\n    smtp_tls_security_level: ""\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'smtp_tls_security_level: ""', '""'), message: /is empty/ }]);
    result = lint('postfix:\n  services:\n    - "out_plain unix - - n - - smtp -o smtp_tls_security_level=none"\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, '- out_plain', 'out_plain'), message: /service out_plain/ }]);
  });

  it('passes may, encrypt and the legacy smtp_use_tls = yes (seed 05)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  tls: encrypt\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    smtp_tls_security_level: ""\n    smtp_use_tls: yes\n').findings).toEqual([]);
  });
});
