// Tests postfix-param-known: raw overrides and -o options name real Postfix parameters.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-param-known.js';
import { POSTFIX_PARAMETERS } from '../../src/rules/data/postfix-parameters.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('postfix-param-known', () => {
  it('has the names seeds 01-05 use', () => {
    for (const name of ['inet_interfaces', 'mynetworks', 'smtpd_relay_restrictions', 'smtp_sasl_password_maps', 'milter_default_action',
      'smtp_fallback_relay', 'message_size_limit', 'smtp_use_tls', 'default_destination_rate_delay', 'relay_destination_concurrency_limit']) {
      expect(POSTFIX_PARAMETERS.has(name), name).toBe(true);
    }
    expect(POSTFIX_PARAMETERS.has('smtpd_relay_restriction')).toBe(false);
  });

  it('flags a typo at the key and suggests the real name', () => {
    const result = lint('postfix:\n  parameters:\n    smtpd_relay_restriction: permit_mynetworks, reject\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'smtpd_relay_restriction:'), message: /did you mean "smtpd_relay_restrictions"\?/ },
    ]);
  });

  it('flags a per-transport name of a transport the config does not define', () => {
    let result = lint('postfix:\n  parameters:\n    qq_com_limit_destination_rate_delay: 10s\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'qq_com_limit_destination_rate_delay'), message: /transport "qq_com_limit", which this config does not define/ },
    ]);
    result = lint('delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 2 }\npostfix:\n  parameters:\n    slow_qq_comm_destination_rate_delay: 10s\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'slow_qq_comm_destination_rate_delay'), message: /did you mean "slow_qq_com_destination_rate_delay"/ },
    ]);
  });

  it('flags an unknown -o option of a master.cf service', () => {
    const result = lint('postfix:\n  services:\n    - "out_b unix - - n - - smtp -o smtp_helo_nme=out-b.acme-mail.net"\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, '- out_b', 'out_b'), message: /-o smtp_helo_nme .*did you mean "smtp_helo_name"/ },
    ]);
  });

  it('passes real names and the own transports\' service-defined names', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    smtp_tls_loglevel: 1\n    relay_destination_concurrency_limit: 5\n').findings).toEqual([]);
    expect(
      lint(
        'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 2 }\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.20, heloName: mail.acme-mail.net }\npostfix:\n  parameters:\n    slow_qq_com_destination_concurrency_failed_cohort_limit: 10\n    out_acme_mail_net_destination_rate_delay: 1s\n',
      ).findings,
    ).toEqual([]);
    // A user-defined parameter referenced elsewhere is not a typo (postconf does not warn either).
    expect(lint('postfix:\n  parameters:\n    app_networks: 10.1.0.0/24\n    mynetworks: 127.0.0.0/8 $app_networks\n').findings).toEqual([]);
    // seed 04: a spawn(8) policy service gets <name>_time_limit.
    expect(
      lint('postfix:\n  services:\n    - "policy_spf unix - n n - - spawn user=nobody argv=/usr/bin/policyd-spf"\n  parameters:\n    policy_spf_time_limit: 3600s\n').findings,
    ).toEqual([]);
  });
});
