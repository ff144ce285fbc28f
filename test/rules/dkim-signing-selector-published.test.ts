import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-signing-selector-published.js';
import strength from '../../src/rules/dkim-key-strength.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const ID = 'dkim-signing-selector-published';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-signing-selector-published', () => {
  it('flags a signing selector that is not published, suggesting the nearest', () => {
    const r = lintFragment(selectors('mail202607', ['mail202606', 'keys/rsa2048.pub']), { rules: [rule] });
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'signWith'), message: /"mail202607" of acme-mail\.net is not among the published selectors \(mail202606\) \(did you mean "mail202606"\?\)/ }]);
  });

  it('flags a missing and an unparsable signing key at publicKeyFile, once across the DKIM rules', () => {
    for (const [file, message] of [
      ['keys/missing.pub', /keys\/missing\.pub: file not found/],
      ['keys/garbage.pub', /not a PEM public key/],
    ] as const) {
      const r = lintFragment(selectors('mail202606', ['mail202606', file]), { rules: [rule, strength] });
      expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'publicKeyFile'), message }]);
      expectFindings(r, 'dkim-key-strength', []);
    }
  });

  it('passes a published signing selector (case-insensitively, as DNS does) with a readable key', () => {
    expectFindings(lintFragment(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/missing.pub']), { rules: [rule] }), ID, []);
    expectFindings(lintFragment(selectors('MAIL202606', ['mail202606', 'keys/rsa2048.pub']), { rules: [rule] }), ID, []);
  });
});
