// Tests relay-restrictions-check-order: check_* lookups before the guard warn, in main.cf and smtpd -o lists.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-restrictions-check-order.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'relay-restrictions-check-order';

describe('relay-restrictions-check-order', () => {
  it('warns about a policy service and an access map before the guard, at the list', () => {
    const result = lint(
      'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, check_policy_service unix:private/policy, check_client_access hash:/etc/postfix/access, reject_unauth_destination\n',
    );
    const pos = at(result.text, 'smtpd_recipient_restrictions: permit_mynetworks', 'permit_mynetworks');
    expectFindings(result, ID, [
      { severity: 'warning', ...pos, message: /smtpd_recipient_restrictions runs check_client_access before its reject/ },
      { severity: 'warning', ...pos, message: /runs check_policy_service before its reject/ },
    ]);
  });

  it('warns about a check before the guard in an smtpd service -o list, at the service', () => {
    const result = lint('postfix:\n  services:\n    - "2526 inet n - n - - smtpd -o smtpd_relay_restrictions=check_client_access,hash:/etc/postfix/access,reject"\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, '- 2526', '2526'), message: /smtpd_relay_restrictions runs check_client_access/ }]);
  });

  it('passes the generated lists, checks after the guard, and a list without a guard (relay-restrictions-reject\'s)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, reject_unauth_destination, check_policy_service unix:private/policy\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    smtpd_relay_restrictions: check_client_access hash:/etc/postfix/access, permit_mynetworks\n').findings).toEqual([]);
  });
});
