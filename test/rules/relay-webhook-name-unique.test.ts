// Tests relay-webhook-name-unique: a webhook name used twice is reported at the second.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-webhook-name-unique.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-webhook-name-unique', () => {
  it('flags a name used twice, at the second', () => {
    const result = lint('relay:\n  webhooks:\n    - { name: crm, url: "https://a.acme-mail.net/" }\n    - { name: erp, url: "https://b.acme-mail.net/" }\n    - { name: crm, url: "https://c.acme-mail.net/" }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'name: crm', 'crm', 2), message: /^webhook name crm is used more than once: both would share the outbox webhooks\/crm\// }]);
  });

  it('passes distinct names and configs without webhooks', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  webhooks:\n    - { name: crm, url: "https://a.acme-mail.net/" }\n    - { name: erp, url: "https://a.acme-mail.net/" }\n').findings).toEqual([]);
  });
});
