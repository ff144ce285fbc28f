// Tests relay-recipients-cap: a request addresses at most 50 recipients.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-recipients-cap.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-recipients-cap', () => {
  it('flags more than 50 recipients per request', () => {
    const result = lint('relay:\n  limits: { recipients: 51 }\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'recipients: 51', '51'), message: /bulk sender/ }]);
  });

  it('passes small caps', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { recipients: 50 }\n').findings).toEqual([]);
  });
});
