import { describe, it } from 'vitest';
import rule from '../../src/rules/ipv6-needs-ptr.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'ipv6-needs-ptr';

describe('ipv6-needs-ptr', () => {
  it('flags mta.ipv6 without mta.ipv6Ptr', () => {
    const r = lint('mta:\n  ipv6: 2a01:4f8:c012:1::20\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'ipv6'), message: /without mta\.ipv6Ptr/ }]);
  });

  it('flags a hand-written AAAA for the MTA name', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: mail.acme-mail.net, type: AAAA, value: "2a01:4f8:c012:1::20" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value'), message: /AAAA 2a01:4f8:c012:1::20 for "mail\.acme-mail\.net"/ }]);
  });

  it('passes IPv6 with its PTR, and AAAA records of other names', () => {
    expectFindings(lint('mta:\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: mail.acme-mail.net\n'), ID, []);
    expectFindings(lint('dns:\n  extraRecords:\n    - { name: www.acme-mail.net, type: AAAA, value: "2a01:4f8:c012:1::80" }\n'), ID, []);
    expectFindings(lint('mta:\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: mail.acme-mail.net\ndns:\n  extraRecords:\n    - { name: mail.acme-mail.net, type: AAAA, value: "2a01:4f8:c012:1::20" }\n'), ID, []);
  });
});
