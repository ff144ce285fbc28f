// Tests relay-client-senders-allowed: client senders on the allowlist, client names unique.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-client-senders-allowed.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-client-senders-allowed', () => {
  it('flags a client sender that no domain lists, at the sender', () => {
    const result = lint('relay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net, ghost@acme-mail.net] }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'ghost@acme-mail.net', 'ghost@acme-mail.net'), message: /ghost@acme-mail\.net is not on any domain's senders list: client billing/ }]);
  });

  it('flags a client name used twice, at the second', () => {
    const result = lint('relay:\n  clients:\n    - { name: app, senders: [support@acme-mail.net] }\n    - { name: app, senders: [Support@Acme-Mail.net] }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'name: app', 'app', 2), message: /client name app is used more than once: both would read the one credential/ }]);
  });

  it('passes allowlisted senders in any case, and configs without clients', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  clients:\n    - { name: billing, senders: [SUPPORT@acme-mail.net] }\n').findings).toEqual([]);
  });
});
