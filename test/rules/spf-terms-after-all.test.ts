import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-terms-after-all.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-terms-after-all';

describe('spf-terms-after-all', () => {
  it('points at the first mechanism after an all written among the mechanisms', () => {
    const r = lint('domain0:\n  spf: { mechanisms: ["+all", "ip4:94.130.10.0/28"], all: "-all" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '- ip4:', 'ip4'), message: /"ip4:94\.130\.10\.0\/28" comes after "\+all"/ }]);
  });

  it('passes an all in spf.all, written last', () => {
    expectFindings(lint('domain0:\n  spf: { mechanisms: ["ip4:94.130.10.0/28"], all: "-all" }\n'), ID, []);
    expectFindings(lint('domain0:\n  spf: { include: [], all: "~all" }\n'), ID, []);
  });
});
