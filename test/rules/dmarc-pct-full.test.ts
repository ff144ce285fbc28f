import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-pct-full.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-pct-full';

describe('dmarc-pct-full', () => {
  it('flags pct below 100 under an enforced policy', () => {
    const r = lint('domain0:\n  dmarc: { policy: quarantine, pct: 25 }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'pct'), message: /pct=25 for acme-mail\.net: p=quarantine applies to only 25%/ }]);
  });

  it('passes pct=100, the default, and p=none (where pct has no effect)', () => {
    expectFindings(lint('domain0:\n  dmarc: { policy: quarantine, pct: 100 }\n'), ID, []);
    expectFindings(lint('domain0:\n  dmarc: { policy: reject, pct: null }\n'), ID, []);
    expectFindings(lint('domain0:\n  dmarc: { policy: none, pct: 10 }\n'), ID, []);
  });
});
