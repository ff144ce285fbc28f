import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-selector-unique.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-selector-unique';

describe('dkim-selector-unique', () => {
  it('flags the second selector with the same name, case-insensitively', () => {
    const r = lint('domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: MAIL202606, publicKeyFile: keys/rsa2048-b.pub }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '- name: MAIL202606', 'MAIL'), message: /listed twice: two key records at mail202606\._domainkey\.acme-mail\.net/ }]);
  });

  it('flags a hand-written TXT at a published selector name', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: mail202606._domainkey.acme-mail.net, type: TXT, value: "v=DKIM1; k=rsa; p=MIIB" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '- name: mail202606._domainkey', 'mail202606._domainkey'), message: /dns\.extraRecords adds a second key record/ }]);
  });

  it('passes distinct selectors and TXT records at other names', () => {
    expectFindings(
      lint('domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }\ndns:\n  extraRecords:\n    - { name: old2024._domainkey.acme-mail.net, type: TXT, value: "v=DKIM1; p=" }\n'),
      ID,
      [],
    );
  });
});
