import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-signing-algorithm-uniform.js';
import { expectFindings, lintFragment, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const ID = 'dkim-signing-algorithm-uniform';
const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const domain = (name: string, selector: string, key: string) =>
  `  - name: ${name}\n    returnPath: bounces@${name}\n    senders: [{ address: noreply@${name} }]\n    dkim: { signWith: ${selector}, selectors: [{ name: ${selector}, publicKeyFile: keys/${key} }] }\n`;

describe('dkim-signing-algorithm-uniform', () => {
  it('flags the Ed25519 signer when another domain signs with RSA', () => {
    const text = mergeConfig(`domains:\n${domain('acme-mail.net', 'mail202606', 'rsa2048.pub')}${domain('acme-shop.net', 'ed202606', 'ed25519.pub')}`);
    const r = lintText(text, { rules: [rule] });
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'signWith: ed202606', 'ed202606'), message: /acme-shop\.net signs with an Ed25519 key while acme-mail\.net sign with RSA/ }]);
  });

  it('passes all-RSA, all-Ed25519, and an Ed25519 selector that only publishes', () => {
    expectFindings(lint(`domains:\n${domain('acme-mail.net', 'mail202606', 'rsa2048.pub')}${domain('acme-shop.net', 'mail202607', 'rsa2048-b.pub')}`), ID, []);
    expectFindings(lint(`domains:\n${domain('acme-mail.net', 'ed202606', 'ed25519.pub')}${domain('acme-shop.net', 'ed202607', 'ed25519.pub')}`), ID, []);
    expectFindings(lint('domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: ed202606, publicKeyFile: keys/ed25519.pub }\n'), ID, []);
  });
});
