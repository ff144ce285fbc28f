import { describe, it } from 'vitest';
import rule from '../../src/rules/mta-helo-matches-ptr.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'mta-helo-matches-ptr';

describe('mta-helo-matches-ptr', () => {
  it('flags a PTR that is not the HELO name, at the ptr value', () => {
    const r = lint('mta:\n  ptr: static-20-10-130-94.clients.hostprovider.net\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'ptr: static', 'static'), message: /PTR of 94\.130\.10\.20 is declared as "static-20-10-130-94\.clients\.hostprovider\.net" but Postfix announces "mail\.acme-mail\.net"/ }]);
  });

  it('flags a raw smtp_helo_name override that differs from the PTR', () => {
    const r = lint('postfix:\n  parameters:\n    smtp_helo_name: relay.acme-mail.net\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'smtp_helo_name: relay', 'relay'), message: /sets the HELO name to "relay\.acme-mail\.net"/ }]);
  });

  it('flags a myhostname override too, and accepts smtp_helo_name = $myhostname', () => {
    const r = lint('postfix:\n  parameters:\n    myhostname: relay.acme-mail.net\n    smtp_helo_name: $myhostname\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'myhostname: relay', 'relay') }]);
    expectFindings(lint('postfix:\n  parameters:\n    smtp_helo_name: $myhostname\n'), ID, []);
  });

  it('flags an IPv6 PTR that names another host', () => {
    const r = lint('mta:\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: v6.acme-mail.net\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'ipv6Ptr: v6.acme', 'v6.acme'), message: /PTR of 2a01:4f8:c012:1::20/ }]);
  });

  it('flags a sender transport announcing the MTA hostname from another address (no A record to it)', () => {
    const r = lint('delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: mail.acme-mail.net }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'heloName: mail', 'mail'), message: /no A record to 94\.130\.10\.21/ }]);
  });

  it('passes when HELO, PTR and the generated A agree, including a transport with its own name', () => {
    expectFindings(lint('mta:\n  hostname: MAIL.acme-mail.net\n  ptr: mail.acme-mail.net.\n'), ID, []);
    expectFindings(lint('delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\n'), ID, []);
    expectFindings(lint('mta:\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: mail.acme-mail.net\n'), ID, []);
  });
});
