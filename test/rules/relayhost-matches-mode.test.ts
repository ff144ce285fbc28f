// Tests relayhost-matches-mode: relayhost mode names a smarthost.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relayhost-matches-mode.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relayhost-matches-mode', () => {
  it('flags relayhost mode without a relayhost', () => {
    const result = lint('delivery:\n  mode: relayhost\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'mode: relayhost', 'relayhost'), message: /no delivery\.relayhost/ }]);
  });

  it('leaves a smarthost in direct mode to relayhost-in-direct-mode', () => {
    expectFindings(lint('delivery:\n  relayhost: { host: smtp.mailhost-provider.net }\n  mode: direct\n'), rule.id, []);
  });

  it('passes direct mode, relayhost mode with a smarthost, and relayhost mode with a raw relayhost', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net }\n').findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\npostfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n').findings).toEqual([]);
  });
});
