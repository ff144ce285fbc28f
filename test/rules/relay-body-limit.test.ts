// Tests relay-body-limit: 512 KiB recommended; above message_size_limit is relay-body-within-message-size's.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-body-limit.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-body-limit', () => {
  it('warns above 512 KiB', () => {
    const result = lint('relay:\n  limits: { bodyBytes: 2097152 }\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'bodyBytes: 2097152', '2097152'), message: /recommended 512 KiB \(524288\)/ }]);
  });

  it('leaves a body above message_size_limit to relay-body-within-message-size', () => {
    expectFindings(lint('delivery:\n  messageSizeLimit: 1000000\nrelay:\n  limits: { bodyBytes: 2097152 }\n'), rule.id, []);
  });

  it('passes 512 KiB and less, and any body when message_size_limit is 0 (no limit)', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  limits: { bodyBytes: 65536 }\n').findings).toEqual([]);
    expect(lint('relay:\n  limits: { bodyBytes: 524288 }\npostfix:\n  parameters:\n    message_size_limit: 0\n').findings).toEqual([]);
  });
});
