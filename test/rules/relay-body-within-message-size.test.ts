// Tests relay-body-within-message-size: a body limit above message_size_limit (model or override) is an error.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-body-within-message-size.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'relay-body-within-message-size';

describe('relay-body-within-message-size', () => {
  it('errs above message_size_limit, from the model or an override, at bodyBytes', () => {
    let result = lint('delivery:\n  messageSizeLimit: 1000000\nrelay:\n  limits: { bodyBytes: 2097152 }\n');
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, 'bodyBytes: 2097152', '2097152'), message: /2097152 bytes is above Postfix's message_size_limit 1000000/ }]);
    result = lint('relay:\n  limits: { bodyBytes: 300000 }\npostfix:\n  parameters:\n    message_size_limit: 200000\n');
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, 'bodyBytes: 300000', '300000'), message: /message_size_limit 200000/ }]);
  });

  it('passes a body within the limit, a large body under a larger limit, and message_size_limit 0 (no limit)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { bodyBytes: 2097152 }\n').findings).toEqual([]);
    expect(lint('relay:\n  limits: { bodyBytes: 300000 }\npostfix:\n  parameters:\n    message_size_limit: 0\n').findings).toEqual([]);
  });
});
