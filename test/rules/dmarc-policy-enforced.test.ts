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

  it('flags np=none under an enforced policy', () => {
    const r = lint('domain0:\n  dmarc: { policy: quarantine, nonExistentSubdomainPolicy: none }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'nonExistentSubdomainPolicy'), message: /^np=none under p=quarantine leaves every non-existent subdomain of acme-mail\.net open/ }]);
  });

  it('flags testing mode (t=y) under an enforced policy, naming what receivers apply instead', () => {
    const reject = lint('domain0:\n  dmarc: { policy: reject, testing: true }\n');
    expectFindings(reject, ID, [{ severity: 'warning', ...valueAt(reject.text, 'testing'), message: /^testing: true publishes t=y for acme-mail\.net: receivers apply p=reject one level lower \(as quarantine\)/ }]);
    const quarantine = lint('domain0:\n  dmarc: { policy: quarantine, testing: true }\n');
    expectFindings(quarantine, ID, [{ severity: 'warning', ...valueAt(quarantine.text, 'testing'), message: /p=quarantine one level lower \(as none\)/ }]);
  });

  it('reports p=none alone: t=y and sp=none change nothing under it', () => {
    const r = lint('domain0:\n  dmarc: { policy: none, subdomainPolicy: none, testing: true }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'policy'), message: /p=none/ }]);
  });

  it('passes quarantine and reject', () => {
    expectFindings(lint('domain0:\n  dmarc: { policy: quarantine }\n'), ID, []);
    expectFindings(lint('domain0:\n  dmarc: { policy: reject, subdomainPolicy: quarantine, nonExistentSubdomainPolicy: reject, testing: false }\n'), ID, []);
  });
});
