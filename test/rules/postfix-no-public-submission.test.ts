// Tests postfix-no-public-submission: no submission/smtps services in the extra master.cf lines.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-no-public-submission.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('postfix-no-public-submission', () => {
  it('flags submission and smtps services by name or port', () => {
    const result = lint(
      'postfix:\n  services:\n    - "submission inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes"\n    - "465 inet n - y - - smtpd"\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, '- submission inet', 'submission'), message: /public submission \(587\)/ },
      { severity: 'error', ...at(result.text, '- 465 inet', '465'), message: /public smtps \(465\)/ },
    ]);
  });

  it('flags wrapper mode or SASL auth on another port', () => {
    const result = lint(
      'postfix:\n  services:\n    - "2465 inet n - y - - smtpd -o smtpd_tls_wrappermode=yes"\n    - "2587 inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes"\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, '- 2465', '2465'), message: /smtpd_tls_wrappermode=yes.*smtps/ },
      { severity: 'error', ...at(result.text, '- 2587', '2587'), message: /smtpd_sasl_auth_enable=yes.*submission/ },
    ]);
  });

  it('passes no services, loopback-bound services and unix services', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  services:\n    - "127.0.0.1:submission inet n - n - - smtpd"\n').findings).toEqual([]);
    expect(lint('postfix:\n  services:\n    - "submission unix - - n - - smtp"\n').findings).toEqual([]);
  });
});
