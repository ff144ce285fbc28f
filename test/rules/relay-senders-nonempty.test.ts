// Tests relay-senders-nonempty: at least one allowed From address across all domains.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-senders-nonempty.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-senders-nonempty', () => {
  it('flags an empty allowlist at the first domain\'s senders', () => {
    const result = lint('domain0:\n  senders: []\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'senders: []', '[]'), message: /refuse every message/ }]);
  });

  it('passes senders in one of several domains', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    // The first domain has none, a second one has its own: the allowlist is not empty.
    const text = mergeConfig('domain0:\n  senders: []\n').replace(
      /^domains:\n/m,
      'domains:\n  - name: acme-news.net\n    senders:\n      - address: news@acme-news.net\n    dkim:\n      signWith: news\n      selectors:\n        - name: news\n          publicKeyFile: keys/rsa2048-b.pub\n',
    );
    const extra = lintText(text, { rules: [rule] });
    expect(extra.findings).toEqual([]);
  });
});
