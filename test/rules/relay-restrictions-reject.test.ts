// Tests relay-restrictions-reject: relay and recipient restriction lists end in a reject, without permit_mx_backup.
import { describe, expect, it } from 'vitest';
import rule, { judgeRestrictions } from '../../src/rules/relay-restrictions-reject.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-restrictions-reject', () => {
  it('flags permit_mx_backup and a list without a guard', () => {
    const result = lint('postfix:\n  parameters:\n    smtpd_relay_restrictions: permit_mynetworks, permit_mx_backup\n');
    const pos = at(result.text, 'smtpd_relay_restrictions: permit_mynetworks', 'permit_mynetworks');
    expectFindings(result, rule.id, [
      { severity: 'error', ...pos, message: /never rejects unauthorized relaying/ },
      { severity: 'error', ...pos, message: /permit_mx_backup: it relays mail for other domains/ },
    ]);
  });

  it('flags a bare permit before the reject, leaving a policy service before it to relay-restrictions-check-order', () => {
    const result = lint(
      'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, check_policy_service unix:private/policy, permit, reject_unauth_destination\n',
    );
    const pos = at(result.text, 'smtpd_recipient_restrictions: permit_mynetworks', 'permit_mynetworks');
    expectFindings(result, rule.id, [
      { severity: 'error', ...pos, message: /bare permit/ },
    ]);
  });

  it('flags an smtpd service -o override and both lists emptied', () => {
    let result = lint('postfix:\n  services:\n    - "10025 inet n - n - - smtpd -o smtpd_relay_restrictions=permit"\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '- 10025', '10025'), message: /bare permit/ }]);
    result = lint('postfix:\n  parameters:\n    smtpd_relay_restrictions: ""\n    smtpd_recipient_restrictions: ""\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'smtpd_relay_restrictions: ""', '""'), message: /both empty/ }]);
  });

  it('passes the generated lists, seed 02\'s reject and a policy service after the guard', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    smtpd_relay_restrictions: permit_mynetworks, reject\n').findings).toEqual([]);
    expect(
      lint('postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, reject_unauth_destination, check_policy_service unix:private/policy\n').findings,
    ).toEqual([]);
    // Postfix falls back to the recipient list when the relay list is empty.
    expect(lint('postfix:\n  parameters:\n    smtpd_relay_restrictions: ""\n').findings).toEqual([]);
  });

  it('judges lists as Postfix reads them', () => {
    expect(judgeRestrictions('permit_mynetworks,reject_unauth_destination')).toMatchObject({ guarded: true, permitBeforeGuard: false });
    expect(judgeRestrictions('permit_mynetworks reject permit')).toMatchObject({ guarded: true, permitBeforeGuard: false });
  });
});
