import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-ed25519-signing.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-ed25519-signing';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-ed25519-signing', () => {
  it('warns when the signing key is Ed25519', () => {
    const r = lint(selectors('ed202606', ['mail202606', 'keys/rsa2048.pub'], ['ed202606', 'keys/ed25519.pub']));
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'publicKeyFile', 2), message: /^selector ed202606 signs with an Ed25519 key \(keys\/ed25519\.pub\)/ }]);
  });

  it('passes an Ed25519 selector that is only published', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['ed202606', 'keys/ed25519.pub'])), ID, []);
  });
});
