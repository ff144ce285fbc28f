import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-key-strength.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-key-strength';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-key-strength', () => {
  it('fails a 512-bit key of any selector, reading the key file, and names the keygen command', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/rsa512.pub']));
    expectFindings(r, ID, [
      {
        severity: 'error',
        ...valueAt(r.text, 'publicKeyFile', 2),
        message: 'DKIM key keys/rsa512.pub of selector mail202512 is RSA 512 bits: verifiers reject keys under 1024 bits (RFC 8301 §3.2); run `relayconf keygen --domain acme-mail.net --selector NEW` for a 2048-bit key',
      },
    ]);
  });

  it('leaves 1024-bit keys, Ed25519 keys and unreadable files to the other DKIM rules', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa1024.pub'], ['ed202606', 'keys/ed25519.pub'], ['mail202512', 'keys/missing.pub'], ['mail202511', 'keys/private.pem'])), ID, []);
  });

  it('passes 2048-bit keys', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/rsa2048-b.pub'])), ID, []);
  });
});
