// Tests relay-gateway-config-complete: an nginx allowlist lists its networks, a tunnel entry its tunnel id.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-gateway-config-complete.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const TUNNEL = '6ff42ae2-765d-4adf-8112-31c55c1551ef';

describe('relay-gateway-config-complete', () => {
  it('flags an nginx allowlist without allowFrom, at the gateway', () => {
    const result = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'gateway: nginx-allowlist', 'nginx-allowlist'), message: /nginx would deny every caller/ }]);
  });

  it('flags an empty allowFrom list the same way', () => {
    const result = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [] }\n');
    expect(result.findings.map((f) => f.ruleId)).toEqual([rule.id]);
  });

  it('flags a Cloudflare Tunnel entry without its tunnel id and names the entry', () => {
    const result = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access }\n');
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'gateway: cloudflare-access', 'cloudflare-access'), message: /no CNAME for mail-relay\.acme-mail\.net and no tunnel config/ },
    ]);
  });

  it('passes complete entries, mTLS without an allowlist, and gateways without an entry name', () => {
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [198.51.100.0/24] }\n').findings).toEqual([]);
    expect(lint(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`).findings).toEqual([]);
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls }\n').findings).toEqual([]);
    expect(lint('relay:\n  entry: { gateway: nginx-allowlist }\n').findings).toEqual([]);
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: vpn }\n').findings).toEqual([]);
  });
});
