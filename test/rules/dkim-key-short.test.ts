import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-key-short.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-key-short';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-key-short', () => {
  it('warns about a 1024-bit key at its publicKeyFile', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa1024.pub']));
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'publicKeyFile'), message: /^DKIM key keys\/rsa1024\.pub of selector mail202606 is RSA 1024 bits; use 2048 bits/ }]);
  });

  it('leaves keys under 1024 bits to dkim-key-strength and passes 2048 bits and Ed25519', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/rsa512.pub'], ['ed202606', 'keys/ed25519.pub'])), ID, []);
  });
});
