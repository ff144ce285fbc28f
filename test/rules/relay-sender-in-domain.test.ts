// Tests relay-sender-in-domain: allowed senders are addresses of the domain they are listed under.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-sender-in-domain.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const NEWS =
  '  - name: acme-news.net\n    senders: [{ address: news@acme-news.net }]\n    dkim: { signWith: news, selectors: [{ name: news, publicKeyFile: keys/rsa2048-b.pub }] }\n';

describe('relay-sender-in-domain', () => {
  it('flags a sender of an unconfigured domain, a subdomain and a non-address', () => {
    const result = lint(
      'domain0:\n  senders:\n    - { address: alerts@other-brand.org }\n    - { address: ops@eu.acme-mail.net }\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'address: alerts@other-brand.org', 'alerts@'), message: /not in a configured sending domain \(acme-mail\.net\)/ },
      { severity: 'error', ...at(result.text, 'address: ops@eu.acme-mail.net', 'ops@') },
    ]);
    // A sender that is not an address at all is refused by the schema first, at the same place.
    const bare = lint('domain0:\n  senders:\n    - { address: support }\n');
    expectFindings(bare, 'schema', [{ severity: 'error', ...at(bare.text, 'address: support\n', 'support'), message: /local@domain/ }]);
  });

  it('leaves a sender listed under another configured domain to relay-sender-under-own-domain', () => {
    const text = mergeConfig('domain0:\n  senders: [{ address: news@acme-news.net }]\n').replace(/^domains:\n/m, `domains:\n${NEWS}`);
    expectFindings(lintText(text, { rules: [rule] }), rule.id, []);
  });

  it('passes senders in their own domains, in any letter case', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('domain0:\n  senders: [{ address: Support@ACME-Mail.net }]\n').findings).toEqual([]);
  });
});
