// Tests relay-gateway-auth: an entry hostname comes with a gateway layer.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-gateway-auth.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-gateway-auth', () => {
  it('flags gateway: none with an entry hostname', () => {
    const result = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: none }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'gateway: none', 'none'), message: /the gateway is none/ }]);
  });

  it('flags an entry hostname with no gateway at all', () => {
    const result = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net }\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'hostname: mail-relay', 'mail-relay'), message: /bearer token would be the only guard/ },
    ]);
  });

  it('passes a declared gateway and a local-only relay', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls }\n').findings).toEqual([]);
    expect(lint('relay:\n  entry: { gateway: none }\n').findings).toEqual([]);
  });
});
