// Tests relay-subject-cap: at most 998 characters (error).
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-subject-cap.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-subject-cap', () => {
  it('flags a cap beyond the RFC 5322 line limit', () => {
    const result = lint('relay:\n  limits: { subjectChars: 999 }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'subjectChars: 999', '999'), message: /998/ }]);
  });

  it('leaves a cap above the recommended 200 to relay-subject-recommended', () => {
    expect(lint('relay:\n  limits: { subjectChars: 998 }\n').findings).toEqual([]);
  });

  it('passes 200 and less', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { subjectChars: 120 }\n').findings).toEqual([]);
  });
});
