// Tests relay-webhook-url-secure: no userinfo in a webhook URL, https except to loopback.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-webhook-url-secure.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-webhook-url-secure', () => {
  it('flags a password in the URL, at the URL, without repeating it', () => {
    const result = lint('relay:\n  webhooks:\n    - { name: crm, url: "https://hooks.acme-mail.net/ok" }\n    - { name: erp, url: "https://relay:Hunter22x@erp.acme-mail.net/in" }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'url: https://relay:', 'https'), message: /^webhook erp's URL carries a user name or password/ }]);
    expect(result.findings[0].message).not.toContain('Hunter22x');
  });

  it('flags plain http to a public name and to a private address, but not to loopback', () => {
    const result = lint(
      'relay:\n  webhooks:\n    - { name: a, url: "http://hooks.acme-mail.net/x" }\n    - { name: b, url: "http://10.0.0.7:8080/x" }\n    - { name: c, url: "http://127.0.0.1:8080/x" }\n    - { name: d, url: "http://[::1]:8080/x" }\n    - { name: e, url: "http://localhost/x" }\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'url: http://hooks', 'http'), message: /webhook a sends events over plain http to hooks\.acme-mail\.net/ },
      { severity: 'error', ...at(result.text, 'url: http://10.0.0.7', 'http'), message: /webhook b sends events over plain http to 10\.0\.0\.7/ },
    ]);
  });

  it('passes https URLs and configs without webhooks', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  webhooks:\n    - { name: crm, url: "https://HOOKS.acme-mail.net:443/in?src=relay" }\n').findings).toEqual([]);
  });
});
