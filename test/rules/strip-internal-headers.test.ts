// Tests strip-internal-headers: internal Received headers are dropped before mail leaves.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/strip-internal-headers.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('strip-internal-headers', () => {
  it('flags the cleanup switched off, or emptied or replaced by an override', () => {
    let result = lint('delivery:\n  stripInternalHeaders: false\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'stripInternalHeaders: false', 'false') }]);
    result = lint('postfix:\n  parameters:\n    smtp_header_checks: ""\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'smtp_header_checks: ""', '""'), message: /set empty/ }]);
    result = lint('postfix:\n  parameters:\n    smtp_header_checks: regexp:/etc/postfix/my_checks\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'smtp_header_checks: regexp', 'regexp'), message: /replaces relayconf/ }]);
  });

  it('passes the default and an own table when relayconf\'s cleanup is off on purpose', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  stripInternalHeaders: true\n').findings).toEqual([]);
    expect(
      lint('delivery:\n  stripInternalHeaders: false\npostfix:\n  parameters:\n    smtp_header_checks: regexp:/etc/postfix/my_checks\n').findings,
    ).toEqual([]);
  });
});
