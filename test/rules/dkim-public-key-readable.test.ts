import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dkim-public-key-readable.js';
import { rules } from '../../src/rules/index.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-public-key-readable';
const selectors = (sign: string, ...list: [string, string][]) =>
  `domain0:\n  dkim:\n    signWith: ${sign}\n    selectors:\n${list.map(([n, f]) => `      - { name: ${n}, publicKeyFile: ${f} }\n`).join('')}`;

describe('dkim-public-key-readable', () => {
  it('names the exact keygen command for a missing key, signing or only published', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/acme-mail.net/mail202606.pub'], ['mail202512', 'keys/missing.pub']));
    expectFindings(r, ID, [
      {
        severity: 'error',
        ...valueAt(r.text, 'publicKeyFile', 1),
        message:
          'the public key keys/acme-mail.net/mail202606.pub of DKIM selector mail202606 (acme-mail.net) does not exist: run `relayconf keygen --domain acme-mail.net --selector mail202606` to generate the pair',
      },
      {
        severity: 'error',
        ...valueAt(r.text, 'publicKeyFile', 2),
        message:
          'the public key keys/missing.pub of DKIM selector mail202512 (acme-mail.net) does not exist: run `relayconf keygen --domain acme-mail.net --selector mail202512 --public-file keys/missing.pub` to generate the pair',
      },
    ]);
  });

  it('says what is wrong with a file that is not a key', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/garbage.pub']));
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'publicKeyFile', 2), message: /is not a PEM public key .*--public-file keys\/garbage\.pub --force/ }]);
  });

  it('never suggests overwriting a file outside the repository: an absolute path gets the default key path', () => {
    const r = lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', '/etc/passwd']));
    const message = /is not a PEM public key .*run `relayconf keygen --domain [a-z.-]+ --selector mail202512 --force` for a new pair/;
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'publicKeyFile', 2), message }]);
    expect(r.findings.find((f) => f.ruleId === ID)!.message).not.toContain('/etc/passwd --force');
  });

  it('is the only rule that reports a missing key (not dkim-key-strength, not dkim-signing-selector-published)', () => {
    const r = lintFragment(selectors('mail202606', ['mail202606', 'keys/missing.pub'], ['mail202512', 'keys/missing.pub']), { rules });
    expect(r.findings.filter((f) => f.message.includes('missing.pub')).map((f) => f.ruleId)).toEqual([ID, ID]);
  });

  it('leaves private keys to dkim-no-private-key-in-repo and passes readable keys', () => {
    expectFindings(lint(selectors('mail202606', ['mail202606', 'keys/rsa2048.pub'], ['mail202512', 'keys/private.pem'])), ID, []);
  });
});
