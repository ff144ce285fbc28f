import { describe, it } from 'vitest';
import rule from '../../src/rules/bimi-needs-enforced-dmarc.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'bimi-needs-enforced-dmarc';
const bimi = 'bimi: { logo: "https://acme-mail.net/bimi/logo.svg", authority: "https://acme-mail.net/bimi/vmc.pem" }';

describe('bimi-needs-enforced-dmarc', () => {
  it.each([
    ['policy: none', /the policy that applies is p=none/],
    ['policy: quarantine, testing: true', /the record that applies is in testing mode \(t=y, applied one level lower\)/],
    ['policy: reject, subdomainPolicy: none', /without sp=none/],
  ])('flags BIMI under dmarc { %s } at the bimi key', (dmarc, message) => {
    const r = lint(`domain0:\n  dmarc: { ${dmarc} }\n  ${bimi}\n`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '    bimi:', 'bimi'), message }]);
  });

  it('flags a logo that is not an https SVG and evidence that is not an https PEM', () => {
    const r = lint('domain0:\n  bimi: { logo: "http://acme-mail.net/bimi/logo.png", authority: "https://acme-mail.net/bimi/vmc.crt" }\n');
    expectFindings(r, ID, [
      { severity: 'error', ...valueAt(r.text, 'logo'), message: /must be an https URL of an SVG/ },
      { severity: 'error', ...valueAt(r.text, 'authority'), message: /https URL of a PEM certificate/ },
    ]);
  });

  it('leaves a missing VMC/CMC to bimi-evidence-present', () => {
    expectFindings(lint('domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg" }\n'), ID, []);
  });

  it('passes BIMI under reject or quarantine out of testing mode, and a domain without BIMI', () => {
    expectFindings(lint(`domain0:\n  ${bimi}\n`), ID, []);
    expectFindings(lint(`domain0:\n  dmarc: { policy: quarantine, testing: false }\n  ${bimi}\n`), ID, []);
    expectFindings(lint(''), ID, []);
  });
});
