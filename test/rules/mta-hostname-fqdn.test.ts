import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/mta-hostname-fqdn.js';
import { expectFindings, lintFragment, lintText } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });

describe('mta-hostname-fqdn', () => {
  it('flags a single-label hostname at its value', () => {
    const r = lint('mta:\n  hostname: relay\n  ptr: relay\n');
    expectFindings(r, 'mta-hostname-fqdn', [{ severity: 'error', ...at(r.text, 'hostname: relay', 'relay'), message: /single label/ }]);
  });

  it('leaves a trailing dot, an underscore and an outer hyphen to the schema (host names are LDH labels)', () => {
    for (const name of ['mail.acme-mail.net.', 'mail_1.acme-mail.net', '-mail.acme-mail.net']) {
      const r = lint(`mta:\n  hostname: "${name}"\n  ptr: "${name}"\n`);
      expectFindings(r, 'schema', [
        { severity: 'error', ...valueAt(r.text, 'hostname'), message: /mta\.hostname is not a valid mta hostname .*letters, digits and hyphens/ },
        { severity: 'error', ...valueAt(r.text, 'ptr'), message: /mta\.ptr is not a valid ipv4 ptr name/ },
      ]);
    }
  });

  it('flags an IP address, a non-public TLD and an all-numeric TLD', () => {
    for (const [name, message] of [
      ['94.130.10.20', /is an address/],
      ['mail.acme.lan', /under \.lan/],
      ['mail.acme.home.arpa', /under \.home\.arpa/],
      ['mail.acme.123', /all-numeric/],
    ] as const) {
      const r = lint(`mta:\n  hostname: "${name}"\n  ptr: "${name}"\n`);
      expectFindings(r, 'mta-hostname-fqdn', [{ severity: 'error', ...valueAt(r.text, 'hostname'), message }]);
    }
  });

  it('checks the HELO name of each sender transport', () => {
    const r = lint('delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: out2 }\n');
    expectFindings(r, 'mta-hostname-fqdn', [{ severity: 'error', ...at(r.text, 'heloName: out2', 'out2'), message: /senderTransports\[0\]\.heloName "out2" is a single label/ }]);
  });

  it('leaves reserved names (.test, .localhost) to reserved-name', () => {
    expectFindings(lint('mta:\n  hostname: mail.example.test\n  ptr: mail.example.test\n'), 'mta-hostname-fqdn', []);
    expectFindings(lint('mta:\n  hostname: mail.relay.localhost\n'), 'mta-hostname-fqdn', []);
  });

  it('passes a public FQDN', () => {
    const r = lintText('version: 1\nname: x\nmta: { hostname: out1.acme-mail.net, ipv4: 94.130.10.20 }\ndomains:\n  - name: acme-mail.net\n    senders: [{ address: a@acme-mail.net }]\n    dkim: { signWith: s1, selectors: [{ name: s1, publicKeyFile: keys/rsa2048.pub }] }\n', { rules: [rule] });
    expect(r.findings).toEqual([]);
  });
});
