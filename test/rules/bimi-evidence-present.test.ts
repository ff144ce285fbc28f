// Tests bimi-evidence-present: BIMI without a= is noted (info) at the bimi key; with a=, or without BIMI, it passes.
import { describe, it } from 'vitest';
import rule from '../../src/rules/bimi-evidence-present.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'bimi-evidence-present';

describe('bimi-evidence-present', () => {
  it('notes a missing VMC/CMC as info at the bimi key', () => {
    const r = lint('domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg" }\n');
    expectFindings(r, ID, [{ severity: 'info', ...at(r.text, '    bimi:', 'bimi'), message: /BIMI for acme-mail\.net has no authority \(a=\) certificate/ }]);
  });

  it('passes a record with evidence (even a malformed one: bimi-needs-enforced-dmarc judges it) and a domain without BIMI', () => {
    expectFindings(lint('domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg", authority: "https://acme-mail.net/bimi/vmc.pem" }\n'), ID, []);
    expectFindings(lint('domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg", authority: "http://acme-mail.net/vmc.crt" }\n'), ID, []);
    expectFindings(lint('domain0:\n  bimi: null\n'), ID, []);
  });
});
