// Tests queue-backoff-sane: sane delays and attempts, with the total retry window in the message.
import { describe, expect, it } from 'vitest';
import rule, { retryWindowMs } from '../../src/rules/queue-backoff-sane.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('queue-backoff-sane', () => {
  it('adds the delays between attempts', () => {
    // seed 01: 30+60+120+240+480+960+1920 s
    expect(retryWindowMs(30_000, 3_600_000, 8)).toBe(3_810_000);
    expect(retryWindowMs(30_000, 60_000, 4)).toBe(30_000 + 60_000 + 60_000);
    expect(retryWindowMs(1000, 3_600_000, 1)).toBe(0);
  });

  it('flags a window too short to ride out an outage, stating it', () => {
    const result = lint('relay:\n  queue:\n    maxAttempts: 3\n    backoff: { first: 1s, max: 1h }\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'maxAttempts: 3', '3'), message: /retry window is only 3s \(3 attempts, 1s doubling to at most 1h\)/ },
    ]);
  });

  it('flags sub-second first delays, max below first and a window past 5 days, not zero attempts', () => {
    let result = lint('relay:\n  queue:\n    backoff: { first: 500ms, max: 1h }\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'first: 500ms', '500ms'), message: /under 1 s.*retry window 1m4s/ }]);
    result = lint('relay:\n  queue:\n    backoff: { first: 10m, max: 1m }\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'max: 1m', '1m'), message: /every retry waits 1m \(retry window 7m\)/ }]);
    expectFindings(lint('relay:\n  queue:\n    maxAttempts: 0\n'), rule.id, []); // queue-attempts-positive's
    result = lint('relay:\n  queue:\n    maxAttempts: 200\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'maxAttempts: 200', '200'), message: /retry window is 8d1h3m30s \(200 attempts/ }]);
  });

  it('passes the seed 01 schedule', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  queue:\n    maxAttempts: 12\n    backoff: { first: 1m, max: 2h }\n').findings).toEqual([]);
  });
});
