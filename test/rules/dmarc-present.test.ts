import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-present.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-present';
const domain = (name: string, dmarc: string) =>
  `  - name: ${name}\n    senders: [{ address: info@${name} }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n${dmarc}    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n`;

describe('dmarc-present', () => {
  it('flags a domain without DMARC at the domain entry', () => {
    const r = lint('domain0:\n  dmarc: null\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '  - name: acme-mail.net', 'name'), message: /acme-mail\.net sends mail but has no DMARC policy/ }]);
  });

  it('flags a second DMARC record in dns.extraRecords', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: _dmarc.acme-mail.net, type: TXT, value: "v=DMARC1; p=none" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value'), message: /_dmarc\.acme-mail\.net would have 2 DMARC records/ }]);
  });

  it('passes a DMARC record written through dns.extraRecords', () => {
    expectFindings(lint('domain0:\n  dmarc: null\ndns:\n  extraRecords:\n    - { name: _dmarc.acme-mail.net, type: TXT, value: "v=DMARC1; p=reject" }\n'), ID, []);
  });

  it('passes a subdomain covered by its configured organizational domain (RFC 9989 section 4.10.1)', () => {
    const dmarc = '    dmarc: { policy: reject, rua: [dmarc@acme-mail.net] }\n';
    expectFindings(lint(`domains:\n${domain('acme-mail.net', dmarc)}${domain('news.acme-mail.net', '')}`), ID, []);
    const r = lint(`domains:\n${domain('acme-mail.net', '')}${domain('news.acme-mail.net', dmarc)}`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '  - name: acme-mail.net', 'name') }]);
  });

  it('walks up label by label (RFC 9989 section 4.10): an intermediate parent configured here covers a deeper subdomain', () => {
    const dmarc = '    dmarc: { policy: reject, rua: [dmarc@acme-mail.net] }\n';
    // eu.acme-mail.net is not the registrable domain, yet the tree walk reaches its record.
    expectFindings(lint(`domains:\n${domain('eu.acme-mail.net', dmarc)}${domain('news.eu.acme-mail.net', '')}`), ID, []);
    // A sibling is not a parent: nothing on the walk from news.acme-mail.net is configured.
    const r = lint(`domains:\n${domain('eu.acme-mail.net', dmarc)}${domain('news.acme-mail.net', '')}`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '  - name: news.acme-mail.net', 'name'), message: /news\.acme-mail\.net sends mail but has no DMARC policy/ }]);
  });
});
