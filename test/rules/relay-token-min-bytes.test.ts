// Tests relay-token-min-bytes: the token minimum is at least 32 bytes.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-token-min-bytes.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-token-min-bytes', () => {
  it('flags a minimum below 32 bytes', () => {
    const result = lint('relay:\n  token: { minBytes: 31 }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'minBytes: 31', '31'), message: /shorter than 32 bytes/ }]);
  });

  it('passes 32 and more', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  token: { minBytes: 64 }\n').findings).toEqual([]);
  });
});
