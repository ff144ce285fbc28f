// Tests postfix-loopback-only: inet_interfaces and host-bound master.cf services stay on loopback.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-loopback-only.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('postfix-loopback-only', () => {
  it('flags inetInterfaces: all when only loopback is trusted', () => {
    const result = lint('delivery:\n  inetInterfaces: all\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'inetInterfaces: all', 'all'), message: /trusts no network beyond loopback/ }]);
  });

  it('flags a raw inet_interfaces override, also through $myhostname', () => {
    let result = lint('postfix:\n  parameters:\n    inet_interfaces: all\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'inet_interfaces: all', 'all') }]);
    result = lint('postfix:\n  parameters:\n    inet_interfaces: $myhostname\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'inet_interfaces: $myhostname', '$myhostname'), message: /mail\.acme-mail\.net/ }]);
  });

  it('leaves a wildcard listener for trusted private networks to postfix-listen-private-only', () => {
    expectFindings(lint('delivery:\n  inetInterfaces: [127.0.0.1, 0.0.0.0]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n'), rule.id, []);
  });

  it('flags a master.cf service bound to a public address', () => {
    const result = lint('postfix:\n  services:\n    - "0.0.0.0:2526 inet n - n - - smtpd"\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '- 0.0.0.0:2526', '0.0.0.0:2526'), message: /master\.cf service 0\.0\.0\.0:2526/ }]);
  });

  it('passes loopback listeners and a private interface for declared private clients', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    inet_interfaces: 127.0.0.1, [::1]\n').findings).toEqual([]);
    expect(lint('delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n').findings).toEqual([]);
    expect(lint('postfix:\n  services:\n    - "127.0.0.1:10025 inet n - n - - smtpd"\n').findings).toEqual([]);
  });
});
