// Tests relayhost-matches-mode: delivery.mode agrees with the smarthost settings.
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

  it('warns about a relayhost block or override in direct mode', () => {
    let result = lint('delivery:\n  relayhost: { host: smtp.mailhost-provider.net }\n  mode: direct\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'relayhost:'), message: /not used/ }]);
    result = lint('postfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'relayhost: "[smtp', '"[smtp'), message: /sends every message to a smarthost/ },
    ]);
  });

  it('passes direct mode, relayhost mode with a smarthost, and relayhost mode with a raw relayhost', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net }\n').findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\npostfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n').findings).toEqual([]);
  });
});
