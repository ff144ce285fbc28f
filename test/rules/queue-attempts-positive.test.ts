// Tests queue-attempts-positive: zero attempts is an error at maxAttempts; one or more passes.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/queue-attempts-positive.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('queue-attempts-positive', () => {
  it('flags maxAttempts: 0 at its value', () => {
    const result = lint('relay:\n  queue:\n    maxAttempts: 0\n');
    expectFindings(result, 'queue-attempts-positive', [
      { severity: 'error', ...at(result.text, 'maxAttempts: 0', '0'), message: /maxAttempts 0: jobs would go to failed\/ without ever being tried/ },
    ]);
  });

  it('passes one attempt, eight, and the default', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    for (const n of [1, 8]) expect(lint(`relay:\n  queue:\n    maxAttempts: ${n}\n`).findings).toEqual([]);
  });
});
