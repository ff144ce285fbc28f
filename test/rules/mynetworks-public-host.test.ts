// Tests mynetworks-public-host: a single public address warns at its entry; ranges and private hosts do not.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/mynetworks-public-host.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'mynetworks-public-host';

describe('mynetworks-public-host', () => {
  it('warns about a single public IPv4 and IPv6 host at their list items', () => {
    const result = lint('delivery:\n  trustedNetworks: [127.0.0.0/8, 94.130.10.30, "[2a01:4f8:1::5]/128"]\n');
    expectFindings(result, ID, [
      { severity: 'warning', ...at(result.text, '- 94.130.10.30', '94.130.10.30'), message: /94\.130\.10\.30 in mynetworks trusts a public address/ },
      { severity: 'warning', ...at(result.text, '- "[2a01', '"[2a01'), message: /trusts a public address/ },
    ]);
  });

  it('passes loopback, private hosts and public ranges (mynetworks-not-open\'s)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  trustedNetworks: [127.0.0.0/8, 10.20.30.4, 94.130.0.0/16]\n').findings).toEqual([]);
  });
});
