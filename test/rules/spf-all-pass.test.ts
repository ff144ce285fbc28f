import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-all-pass.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-all-pass';

describe('spf-all-pass', () => {
  it('flags +all at spf.all as an error', () => {
    const r = lint('domain0:\n  spf: { include: [], all: "+all" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'all'), message: /"\+all": every host on the Internet passes SPF/ }]);
  });

  it('flags a +all written among the mechanisms where it is written', () => {
    const r = lint('domain0:\n  spf: { mechanisms: ["+all", "ip4:94.130.10.0/28"], all: "-all" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '- +all', '+all') }]);
  });

  it('passes -all, ~all and ?all', () => {
    for (const all of ['-all', '~all', '?all']) expectFindings(lint(`domain0:\n  spf: { include: [], all: "${all}" }\n`), ID, []);
  });
});
