// Tests mynetworks-private-broad: private ranges wider than /24 (IPv6 /64) warn, in overrides and service -o.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/mynetworks-private-broad.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'mynetworks-private-broad';

describe('mynetworks-private-broad', () => {
  it('warns about broad private ranges, in an override and in a service -o', () => {
    const result = lint(
      'postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 10.0.0.0/8\n  services:\n    - "10026 inet n - n - - smtpd -o mynetworks=[fe80::]/10"\n',
    );
    expectFindings(result, ID, [
      { severity: 'warning', ...at(result.text, 'mynetworks: 127.0.0.0/8', '127.0.0.0/8'), message: /10\.0\.0\.0\/8.*broad private.*\/24/ },
      { severity: 'warning', ...at(result.text, '- 10026', '10026'), message: /\[fe80::\]\/10.*link-local.*\/64/ },
    ]);
  });

  it('passes loopback, a private /24, negated ranges and public ranges (mynetworks-not-open\'s)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  trustedNetworks: [127.0.0.0/8, 10.20.30.0/24, 94.130.0.0/16]\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 !10.0.0.0/8\n').findings).toEqual([]);
  });
});
