import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-signing-selector-published.js';
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

  it('leaves a missing signing key to dkim-public-key-readable', () => {
    expectFindings(lintFragment(selectors('mail202606', ['mail202606', 'keys/missing.pub']), { rules: [rule] }), ID, []);
  });

  it('passes a published signing selector (case-insensitively, as DNS does) with a readable key', () => {
    expectFindings(lintFragment(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/missing.pub']), { rules: [rule] }), ID, []);
    expectFindings(lintFragment(selectors('MAIL202606', ['mail202606', 'keys/rsa2048.pub']), { rules: [rule] }), ID, []);
  });
});
