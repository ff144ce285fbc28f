// Tests relay-rate-limit: a positive per-caller rate limit.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-rate-limit.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-rate-limit', () => {
  it('flags ratePerMinute: 0', () => {
    const result = lint('relay:\n  limits: { ratePerMinute: 0 }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'ratePerMinute: 0', '0'), message: /no per-caller rate limit/ }]);
  });

  it('passes a positive limit, written or by default', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { ratePerMinute: 1 }\n').findings).toEqual([]);
    expect(lint('relay:\n  limits: null\n').findings).toEqual([]);
  });
});
