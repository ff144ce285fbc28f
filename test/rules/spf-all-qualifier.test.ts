import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/spf-all-qualifier.js';
import { rules } from '../../src/rules/index.js';
import { expectFindings, lintFragment, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-all-qualifier';

describe('spf-all-qualifier', () => {
  it('reminds about ~all as info at spf.all', () => {
    const r = lint('domain0:\n  spf: { include: [], all: "~all" }\n');
    expectFindings(r, ID, [{ severity: 'info', ...valueAt(r.text, 'all'), message: /ends in "~all".*tighten to -all/ }]);
  });

  it('reports the defaulted ~all at the spf block when all is not written', () => {
    const r = lint('domain0:\n  spf: { include: [spf.vendor.net], all: null }\n');
    expectFindings(r, ID, [{ severity: 'info', ...at(r.text, '    include:', 'include') }]);
  });

  it('says nothing about -all, +all, ?all or a missing all: those are other rules', () => {
    for (const all of ['-all', '+all', '?all', 'none']) expectFindings(lint(`domain0:\n  spf: { include: [], all: "${all}" }\n`), ID, []);
  });

  it('an override of this reminder never hides +all or ?all (each is its own rule)', () => {
    const overrides = { 'spf-all-qualifier': 'warning' as const };
    const plus = lintText(mergeConfig('domain0:\n  spf: { include: [], all: "+all" }\n'), { rules, ruleOverrides: overrides });
    expect(plus.findings.filter((f) => f.ruleId.startsWith('spf-all')).map((f) => [f.ruleId, f.severity])).toEqual([['spf-all-pass', 'error']]);
    const off = lintText(mergeConfig('domain0:\n  spf: { include: [], all: "?all" }\n'), { rules, ruleOverrides: { 'spf-all-qualifier': 'off' } });
    expect(off.findings.filter((f) => f.ruleId.startsWith('spf-all')).map((f) => [f.ruleId, f.severity])).toEqual([['spf-all-neutral', 'warning']]);
  });
});
