import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-key-strength.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-key-strength';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-key-strength', () => {
  it('warns about a 1024-bit key and fails a 512-bit one, reading the key files', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa1024.pub'], ['mail202512', 'keys/rsa512.pub']));
    expectFindings(r, ID, [
      { severity: 'warning', ...valueAt(r.text, 'publicKeyFile', 1), message: /keys\/rsa1024\.pub of selector mail202606 is RSA 1024 bits/ },
      { severity: 'error', ...valueAt(r.text, 'publicKeyFile', 2), message: /RSA 512 bits: verifiers reject keys under 1024 bits/ },
    ]);
  });

  it('reports a missing or unparsable key of a published, non-signing selector', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/missing.pub'], ['mail202506', 'keys/garbage.pub']));
    expectFindings(r, ID, [
      { severity: 'error', ...valueAt(r.text, 'publicKeyFile', 2), message: /keys\/missing\.pub of published selector mail202512: file not found/ },
      { severity: 'error', ...valueAt(r.text, 'publicKeyFile', 3), message: /not a PEM public key/ },
    ]);
  });

  it('leaves the signing selector\'s unreadable key and private keys to the other DKIM rules', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/missing.pub'], ['mail202512', 'keys/private.pem'])), ID, []);
  });

  it('warns when the signing key is Ed25519, not when it is only published', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/ed25519.pub']));
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'publicKeyFile'), message: /signs with an Ed25519 key/ }]);
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['ed202606', 'keys/ed25519.pub'])), ID, []);
  });

  it('passes 2048-bit keys', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/rsa2048-b.pub'])), ID, []);
  });
});
