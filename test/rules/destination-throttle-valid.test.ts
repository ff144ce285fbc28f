// Tests destination-throttle-valid: non-numbers, negative limits and non-times are errors at their keys.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/destination-throttle-valid.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'destination-throttle-valid';

describe('destination-throttle-valid', () => {
  it('flags a rate delay that is not a Postfix time', () => {
    const result = lint('postfix:\n  parameters:\n    smtp_destination_rate_delay: 500ms\n');
    expectFindings(result, ID, [
      { severity: 'error', ...at(result.text, 'smtp_destination_rate_delay: 500ms', '500ms'), message: /smtp_destination_rate_delay = 500ms is not a Postfix time/ },
    ]);
  });

  it('flags a limit that is not a whole number and a negative one', () => {
    const result = lint('postfix:\n  parameters:\n    default_destination_concurrency_limit: twenty\n    smtp_destination_recipient_limit: "-3"\n');
    expectFindings(result, ID, [
      { severity: 'error', ...at(result.text, 'default_destination_concurrency_limit: twenty', 'twenty'), message: /not a whole number/ },
      { severity: 'error', ...at(result.text, 'smtp_destination_recipient_limit: "-3"', '"-3"'), message: /= -3 is negative/ },
    ]);
  });

  it('passes valid throttles, however loose (destination-throttle-sane judges those)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 0, rateDelay: 10m, recipientLimit: 1 }\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    default_destination_rate_delay: 1\n').findings).toEqual([]);
  });
});
