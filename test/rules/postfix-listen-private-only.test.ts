// Tests postfix-listen-private-only: with private networks trusted, a wide listener warns; a private one passes.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-listen-private-only.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'postfix-listen-private-only';
const TRUSTED = '  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n';

describe('postfix-listen-private-only', () => {
  it('warns about a wildcard among the written interfaces, at that entry', () => {
    const result = lint(`delivery:\n  inetInterfaces: [127.0.0.1, 0.0.0.0]\n${TRUSTED}`);
    expectFindings(result, ID, [
      { severity: 'warning', ...at(result.text, '- 0.0.0.0', '0.0.0.0'), message: /listens on 0\.0\.0\.0 \(delivery\.inetInterfaces\[1\]\).*private interface address/ },
    ]);
  });

  it('warns about inet_interfaces = all in an override, at its value', () => {
    const result = lint(`delivery:\n${TRUSTED}postfix:\n  parameters:\n    inet_interfaces: all\n`);
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'inet_interfaces: all', 'all'), message: /listens on all \(inet_interfaces = all\)/ }]);
  });

  it('passes a private interface, and leaves listeners without trusted networks to postfix-loopback-only', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(`delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n${TRUSTED}`).findings).toEqual([]);
    expect(lint('delivery:\n  inetInterfaces: all\n').findings).toEqual([]);
  });
});
