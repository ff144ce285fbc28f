// Tests mynetworks-not-open: no open, public or broad trusted networks in trustedNetworks or overrides.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/mynetworks-not-open.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('mynetworks-not-open', () => {
  it('flags 0.0.0.0/0, ::/0 and public ranges at their list items, not a single public host', () => {
    const result = lint('delivery:\n  trustedNetworks: [127.0.0.0/8, 0.0.0.0/0, "[::]/0", 94.130.0.0/16, 94.130.10.30]\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, '- 0.0.0.0/0', '0.0.0.0/0'), message: /trusts every address/ },
      { severity: 'error', ...at(result.text, '- "[::]/0"', '"[::]/0"'), message: /trusts every address/ },
      { severity: 'error', ...at(result.text, '- 94.130.0.0/16', '94.130.0.0/16'), message: /public range of 65536 addresses/ },
    ]);
  });

  it('leaves broad private ranges to mynetworks-private-broad', () => {
    expectFindings(lint('postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 10.0.0.0/8\n'), rule.id, []);
  });

  it('passes loopback, a private /24, negations and tables', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  trustedNetworks: [127.0.0.0/8, 10.20.30.0/24, "[fd12:3456::]/64"]\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    mynetworks: "!10.0.0.0/8, hash:/etc/postfix/network_table, 127.0.0.0/8"\n').findings).toEqual([]);
  });
});
