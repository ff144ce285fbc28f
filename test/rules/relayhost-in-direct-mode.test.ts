// Tests relayhost-in-direct-mode: a relayhost block or raw override under mode: direct warns at its key.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relayhost-in-direct-mode.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'relayhost-in-direct-mode';

describe('relayhost-in-direct-mode', () => {
  it('warns about a relayhost block in direct mode, at its key', () => {
    const result = lint('delivery:\n  relayhost: { host: smtp.mailhost-provider.net }\n  mode: direct\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'relayhost:'), message: /delivery.relayhost is set but delivery.mode is direct: the smarthost is not used/ }]);
  });

  it('warns about a raw relayhost override in direct mode, at its value', () => {
    const result = lint('postfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n');
    expectFindings(result, ID, [
      { severity: 'warning', ...at(result.text, 'relayhost: "[smtp', '"[smtp'), message: /= \[smtp.mailhost-provider.net\]:587 sends every message to a smarthost/ },
    ]);
  });

  it('passes direct mode without a smarthost, and any smarthost in relayhost mode', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net }\n').findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\npostfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n').findings).toEqual([]);
  });
});
