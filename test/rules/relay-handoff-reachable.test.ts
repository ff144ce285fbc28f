// Tests relay-handoff-reachable: the SMTP hand-off needs smtpd listening on 127.0.0.1 and 127.0.0.1 in mynetworks.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-handoff-reachable.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-handoff-reachable', () => {
  it('flags inet_interfaces without loopback at delivery.inetInterfaces', () => {
    const result = lint('delivery:\n  inetInterfaces: [10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '    - 10.0.0.5', '- 10.0.0.5'), message: 'inet_interfaces = 10.0.0.5 leaves out 127.0.0.1: the SMTP hand-off (relay.handoff: smtp) connects to 127.0.0.1:25 and every job would stay in the relay\'s queue' }]);
  });

  it('flags mynetworks without 127.0.0.1, from the config or a raw override, and one excluded by a leading !', () => {
    const plain = lint('delivery:\n  trustedNetworks: [10.0.0.0/24]\n');
    expectFindings(plain, rule.id, [{ severity: 'error', ...at(plain.text, '    - 10.0.0.0/24', '- 10.0.0.0/24'), message: /^mynetworks = 10\.0\.0\.0\/24 does not trust 127\.0\.0\.1: smtpd would reject/ }]);
    const raw = lint('postfix:\n  parameters:\n    mynetworks: "[::1]/128 10.0.0.0/8"\n');
    expectFindings(raw, rule.id, [{ severity: 'error', ...at(raw.text, 'mynetworks: "[::1]/128 10.0.0.0/8"', '"[::1]/128 10.0.0.0/8"'), message: /^mynetworks = \[::1\]\/128 10\.0\.0\.0\/8 does not trust/ }]);
    expect(lint('postfix:\n  parameters:\n    mynetworks: "!127.0.0.1 127.0.0.0/8"\n').findings.map((f) => f.message)).toEqual([expect.stringMatching(/^mynetworks = !127\.0\.0\.1 127\.0\.0\.0\/8 does not trust 127\.0\.0\.1/)]);
  });

  it('passes the defaults, loopback listed beside other addresses, all, localhost, a table it cannot read, and the sendmail hand-off', () => {
    expect(lint('').findings).toEqual([]);
    expect(lint('delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n').findings).toEqual([]);
    expect(lint('delivery:\n  inetInterfaces: all\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    inet_interfaces: localhost\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    mynetworks: "hash:/etc/postfix/network_table"\n').findings).toEqual([]);
    expect(lint('delivery:\n  inetInterfaces: [10.0.0.5]\n  trustedNetworks: [10.0.0.0/24]\nrelay:\n  handoff: sendmail\n').findings).toEqual([]);
  });
});
