// Tests relay-listen-loopback: the HTTP relay listens on loopback unless a gateway is declared.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-listen-loopback.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-listen-loopback', () => {
  it('flags a wildcard or private listener without a gateway', () => {
    let result = lint('relay:\n  listen: 0.0.0.0:2525\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'listen: 0.0.0.0:2525', '0.0.0.0'), message: /no entry gateway/ }]);
    result = lint('relay:\n  listen: 10.0.0.5:2525\n  entry: { gateway: none }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'listen: 10.0.0.5:2525', '10.0.0.5') }]);
  });

  it('leaves a wildcard listener behind a declared gateway to relay-gateway-bypass', () => {
    expect(lint('relay:\n  listen: "[::]:2525"\n  entry: { gateway: cloudflare-access }\n').findings).toEqual([]);
  });

  it('passes loopback listeners and a VPN address behind a VPN gateway', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  listen: "[::1]:2525"\n').findings).toEqual([]);
    expect(lint('relay:\n  listen: 100.101.102.103:2525\n  entry: { gateway: vpn }\n').findings).toEqual([]);
  });
});
