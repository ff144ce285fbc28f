import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-single-record.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-single-record';
const domain = (name: string, spf = '') =>
  `  - name: ${name}\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: info@${name} }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n${spf}    dmarc: { policy: reject, pct: 100, rua: [dmarc@${name}] }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n`;

describe('spf-single-record', () => {
  it('flags a second SPF record in dns.extraRecords at the return-path domain', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: ACME-MAIL.NET., type: TXT, value: "v=spf1 include:spf.newsletter-tool.net ~all" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value'), message: /acme-mail\.net would have 2 SPF records.*merge this one into domains\[0\]\.spf/ }]);
  });

  it('flags the second of two hand-written SPF records at another name', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: _spf.acme-mail.net, type: TXT, value: "v=spf1 ip4:94.130.10.0/28 -all" }\n    - { name: _spf.acme-mail.net, type: TXT, value: "v=spf1 ip4:94.130.11.0/28 -all" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value', 2), message: /keep one/ }]);
  });

  it('flags a later domain\'s spf block that the shared return path drops, at its key', () => {
    const r = lint(`domains:\n${domain('acme-mail.net', '    spf: { all: "-all" }\n')}${domain('acme-news.net', '    spf: { include: [spf.newsletter-tool.net], all: "-all" }\n')}`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'spf:', 'spf', 2), message: /domains\[1\]\.spf is never published.*domains\[0\]/ }]);
  });

  it('passes one record, other TXT records, and a repeated identical spf block', () => {
    expectFindings(lint('dns:\n  extraRecords:\n    - { name: acme-mail.net, type: TXT, value: "site-verification=abc123" }\n'), ID, []);
    expectFindings(lint(`domains:\n${domain('acme-mail.net', '    spf: { all: "-all" }\n')}${domain('acme-news.net', '    spf: { all: "-all" }\n')}`), ID, []);
  });
});
