// Tests relay-gateway-bypass: a declared gateway is not bypassed through a public or wildcard listener.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-gateway-bypass.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-gateway-bypass', () => {
  it('warns when a declared gateway can be bypassed through a wildcard listener', () => {
    const result = lint('relay:\n  listen: "[::]:2525"\n  entry: { gateway: cloudflare-access }\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'listen: "[::]:2525"', '"[::]'), message: /^The relay listens on ::: callers can reach it directly and skip the cloudflare-access gateway/ },
    ]);
  });

  it('passes loopback, a VPN address behind a VPN gateway, and leaves "no gateway" to relay-listen-loopback', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  listen: 100.101.102.103:2525\n  entry: { gateway: vpn }\n').findings).toEqual([]);
    expect(lint('relay:\n  listen: 0.0.0.0:2525\n').findings).toEqual([]);
  });
});
