// Tests smtp-sasl-key-unique: two accounts under one password-map key are an error at the second; @domain keys are not.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/smtp-sasl-key-unique.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const SMARTHOST = 'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n';

describe('smtp-sasl-key-unique', () => {
  it('flags a destination that names the smarthost with another account, at its username', () => {
    const result = lint(`${SMARTHOST}  destinations:\n    - domain: qq.com\n      nexthop: "[smtp.mailhost-provider.net]:587"\n      auth: { username: other-key, passwordFile: /etc/postfix/sasl_other }\n`);
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'username: other-key', 'other-key'), message: 'The SASL key [smtp.mailhost-provider.net]:587 already holds the account apikey: Postfix finds that one first, so other-key is never used' },
    ]);
  });

  it('passes the same account twice, a second gateway, and a sender relay sharing the smarthost (keyed by @domain)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(`${SMARTHOST}  destinations:\n    - domain: qq.com\n      nexthop: "[smtp.mailhost-provider.net]:587"\n      auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n`).findings).toEqual([]);
    expect(lint(`${SMARTHOST}  destinations:\n    - domain: qq.com\n      nexthop: "[smtp.partner-gateway.net]:587"\n      auth: { username: other-key, passwordFile: /etc/postfix/sasl_passwd }\n`).findings).toEqual([]);
    expect(
      lint(`${SMARTHOST}  senderTransports:\n    - domain: news.acme-mail.net\n      bindAddress: 94.130.10.21\n      heloName: relay.news.acme-mail.net\n      nexthop: "[smtp.mailhost-provider.net]:587"\n      auth: { username: news-key, passwordFile: /etc/postfix/sasl_passwd }\n`).findings,
    ).toEqual([]);
  });
});
