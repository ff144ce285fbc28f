import { describe, it } from 'vitest';
import rule from '../../src/rules/ip-public-unicast.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'ip-public-unicast';

describe('ip-public-unicast', () => {
  it.each([
    ['10.1.2.3', /is a private address \(\d+\.\d+\.0\.0\/\d+, RFC 1918\): /],
    ['172.20.0.5', /is a private address \(\d+\.\d+\.0\.0\/\d+, RFC 1918\): /],
    ['192.168.1.20', /is a private address \(\d+\.\d+\.0\.0\/\d+, RFC 1918\): /],
    ['100.64.12.1', /carrier-grade NAT/],
    ['127.0.0.1', /loopback/],
    ['169.254.10.10', /link-local/],
    ['224.0.0.5', /multicast/],
    ['0.0.0.0', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['198.18.0.1', /benchmarking/],
    ['240.0.0.1', /reserved/],
  ])('flags mta.ipv4 %s', (ip, message) => {
    const r = lint(`mta:\n  ipv4: ${ip}\n`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, `ipv4: ${ip}`, ip), message }]);
  });

  it.each([
    ['fd00::20', /unique-local/],
    ['fe80::1', /link-local/],
    ['::1', /loopback/],
    ['::ffff:94.130.10.20', /IPv4-mapped/],
    ['2002:5e82:a14::1', /tunnel/],
    ['4000::1', /reserved/],
  ])('flags mta.ipv6 %s', (ip, message) => {
    const r = lint(`mta:\n  ipv6: "${ip}"\n  ipv6Ptr: mail.acme-mail.net\n`);
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'ipv6'), message }]);
  });

  it('leaves an address of the wrong family or no address at all to the schema', () => {
    const r = lint('mta:\n  ipv4: 2a01:4f8:c012:1::20\n');
    expectFindings(r, 'schema', [{ severity: 'error', ...at(r.text, 'ipv4: 2a01', '2a01'), message: /one IPv4 address/ }]);
    const s = lint('mta:\n  ipv4: 94.130.10.300\n');
    expectFindings(s, 'schema', [{ severity: 'error', ...at(s.text, 'ipv4: 94', '94'), message: /one IPv4 address/ }]);
  });

  it('flags a private sender-transport bind address', () => {
    const r = lint('delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 10.0.0.5, heloName: out2.acme-mail.net }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'bindAddress: 10.0.0.5', '10.0.0.5') }]);
  });

  it('passes public addresses and leaves documentation ranges to ip-documentation-range', () => {
    expectFindings(lint('mta:\n  ipv4: 94.130.10.20\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: mail.acme-mail.net\n'), ID, []);
    expectFindings(lint('mta:\n  ipv4: 203.0.113.10\n  ipv6: 2001:db8::10\n  ipv6Ptr: mail.acme-mail.net\n'), ID, []);
  });
});
