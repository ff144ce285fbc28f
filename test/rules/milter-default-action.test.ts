// Tests milter-default-action: accept (unsigned mail) and quarantine inform; reject is milter-default-reject's, tempfail passes.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/milter-default-action.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('milter-default-action', () => {
  it('informs about accept, written or by default', () => {
    let result = lint('delivery:\n  milterDefault: accept\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'milterDefault: accept', 'accept'), message: /leaves unsigned/ }]);
    // Not written: the default (accept, seed 01) is reported at the delivery block.
    result = lint('delivery:\n  milterDefault: null\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'mode: direct', 'mode') }]);
  });

  it('informs about quarantine in overrides and leaves reject to milter-default-reject', () => {
    expectFindings(lint('postfix:\n  parameters:\n    milter_default_action: reject\n'), rule.id, []);
    const result = lint('postfix:\n  parameters:\n    milter_default_action: quarantine\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'milter_default_action: quarantine', 'quarantine'), message: /hold queue/ }]);
  });

  it('passes tempfail', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    milter_default_action: tempfail\n').findings).toEqual([]);
  });
});
