// Tests fallback-relay-brackets: smtp_fallback_relay entries are bracketed.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/fallback-relay-brackets.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('fallback-relay-brackets', () => {
  it('flags an unbracketed fallback relay at its list item', () => {
    const result = lint('delivery:\n  fallbackRelays: ["[backup-a.mailhost-provider.net]:587", backup-b.mailhost-provider.net]\n');
    expectFindings(result, rule.id, [
      { severity: 'info', ...at(result.text, '- backup-b.mailhost-provider.net', 'backup-b'), message: /MX records of backup-b\.mailhost-provider\.net/ },
    ]);
  });

  it('flags a raw smtp_fallback_relay override', () => {
    const result = lint('postfix:\n  parameters:\n    smtp_fallback_relay: backup.mailhost-provider.net:2525\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'smtp_fallback_relay: backup', 'backup') }]);
  });

  it('passes bracketed fallback relays and none', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  fallbackRelays: ["[backup.mailhost-provider.net]:587", "[10.0.0.9]"]\n').findings).toEqual([]);
  });
});
