// Tests destination-throttle-sane: per-destination limits that actually throttle, in Postfix's own units.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/destination-throttle-sane.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const destination = (fields: string) => `delivery:\n  destinations:\n    - { domain: qq.com, ${fields} }\n`;

describe('destination-throttle-sane', () => {
  it('flags a concurrency of 0 (no limit) and one above the default', () => {
    let result = lint(destination('concurrency: 0'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'concurrency: 0', '0'), message: /0 means no limit/ }]);
    result = lint(destination('concurrency: 50'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'concurrency: 50', '50'), message: /above Postfix's default of 20/ }]);
  });

  it('flags a recipient limit of 1 (per-recipient semantics)', () => {
    const result = lint(destination('recipientLimit: 1'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'recipientLimit: 1', '1'), message: /per-recipient limits/ }]);
  });

  it('flags rate delays Postfix refuses or that stall mail', () => {
    let result = lint(destination('rateDelay: 1500ms'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'rateDelay: 1500ms', '1500ms'), message: /written as 2s/ }]);
    // A delay Postfix refuses is destination-throttle-valid's finding.
    expectFindings(lint('postfix:\n  parameters:\n    smtp_destination_rate_delay: 500ms\n'), rule.id, []);
    result = lint(destination('rateDelay: 10m'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'rateDelay: 10m', '10m'), message: /at most 6 messages an hour/ }]);
  });

  it('flags a low failed cohort limit with a rate delay in raw overrides, leaving a non-number to destination-throttle-valid', () => {
    const result = lint(
      `${destination('rateDelay: 10s')}postfix:\n  parameters:\n    default_destination_concurrency_limit: twenty\n    slow_qq_com_destination_concurrency_failed_cohort_limit: 1\n`,
    );
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'slow_qq_com_destination_concurrency_failed_cohort_limit: 1', '1'), message: /10 or more/ },
    ]);
  });

  it('flags a concurrency above 1 beside a rate delay, on the concurrency', () => {
    const result = lint(destination('concurrency: 2, rateDelay: 10s, recipientLimit: 3'));
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'concurrency: 2', '2'), message: /slow_qq_com_destination_concurrency_limit = 2 next to a rate delay does nothing.*one message at a time/ },
    ]);
  });

  it('flags a raw rate delay without a failed cohort limit, on the delay', () => {
    const result = lint('postfix:\n  parameters:\n    default_destination_rate_delay: 1\n    default_destination_concurrency_limit: 20\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'default_destination_rate_delay: 1', '1'), message: /default has a rate delay but no default_destination_concurrency_failed_cohort_limit/ },
    ]);
  });

  it('passes a throttle with concurrency 1 (the cohort limit is written), and a raw delay with its cohort limit', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(destination('concurrency: 1, rateDelay: 10s, recipientLimit: 3')).findings).toEqual([]);
    expect(lint(destination('rateDelay: 10s')).findings).toEqual([]);
    expect(
      lint('postfix:\n  parameters:\n    default_destination_rate_delay: 1\n    default_destination_concurrency_limit: 20\n    default_destination_concurrency_failed_cohort_limit: 10\n').findings,
    ).toEqual([]);
  });
});
