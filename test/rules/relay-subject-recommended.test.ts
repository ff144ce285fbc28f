// Tests relay-subject-recommended: 200 characters recommended (info), up to the RFC 5322 line.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-subject-recommended.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-subject-recommended', () => {
  it('informs about a cap above the recommended 200', () => {
    const result = lint('relay:\n  limits: { subjectChars: 998 }\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'subjectChars: 998', '998'), message: /^Subject cap 998 is above the recommended 200 characters/ }]);
  });

  it('passes 200 and less, and leaves caps over 998 to relay-subject-cap', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { subjectChars: 999 }\n').findings).toEqual([]);
  });
});
