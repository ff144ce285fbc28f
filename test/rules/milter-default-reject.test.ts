// Tests milter-default-reject: a milter_default_action = reject override warns; tempfail, accept and quarantine pass.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/milter-default-reject.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('milter-default-reject', () => {
  it('warns about reject in an override, at its value', () => {
    const result = lint('postfix:\n  parameters:\n    milter_default_action: reject\n');
    expectFindings(result, 'milter-default-reject', [
      { severity: 'warning', ...at(result.text, 'milter_default_action: reject', 'reject'), message: /refused for good/ },
    ]);
  });

  it('passes tempfail, accept and quarantine', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    for (const value of ['tempfail', 'accept', 'quarantine']) {
      expect(lint(`postfix:\n  parameters:\n    milter_default_action: ${value}\n`).findings).toEqual([]);
    }
  });
});
