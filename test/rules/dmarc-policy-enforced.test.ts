import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-policy-enforced.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-policy-enforced';

describe('dmarc-policy-enforced', () => {
  it('flags p=none at the policy', () => {
    const r = lint('domain0:\n  dmarc: { policy: none }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'policy'), message: /p=none: receivers deliver mail that fails authentication/ }]);
  });

  it('flags sp=none under an enforced policy', () => {
    const r = lint('domain0:\n  dmarc: { policy: reject, subdomainPolicy: none }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'subdomainPolicy'), message: /sp=none under p=reject/ }]);
  });

  it('passes quarantine and reject', () => {
    expectFindings(lint('domain0:\n  dmarc: { policy: quarantine }\n'), ID, []);
    expectFindings(lint('domain0:\n  dmarc: { policy: reject, subdomainPolicy: quarantine }\n'), ID, []);
  });
});
