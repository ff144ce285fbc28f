// Tests milter-default-action: accept (unsigned mail) and quarantine inform, reject warns, tempfail passes.
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

  it('warns about reject and informs about quarantine in overrides', () => {
    let result = lint('postfix:\n  parameters:\n    milter_default_action: reject\n');
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'milter_default_action: reject', 'reject'), message: /refused for good/ }]);
    result = lint('postfix:\n  parameters:\n    milter_default_action: quarantine\n');
    expectFindings(result, rule.id, [{ severity: 'info', ...at(result.text, 'milter_default_action: quarantine', 'quarantine'), message: /hold queue/ }]);
  });

  it('passes tempfail', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    milter_default_action: tempfail\n').findings).toEqual([]);
  });
});
