// Tests relay-entry-setting-unused: allowFrom and clientCaFile only with the gateway that reads them.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-entry-setting-unused.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const TUNNEL = '6ff42ae2-765d-4adf-8112-31c55c1551ef';

describe('relay-entry-setting-unused', () => {
  it('warns about allowFrom or clientCaFile that the chosen gateway never reads', () => {
    const tunnel = lint(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL}, allowFrom: [198.51.100.0/24] }\n`);
    expectFindings(tunnel, rule.id, [
      {
        severity: 'warning',
        ...at(tunnel.text, '- 198.51.100.0/24', '-'),
        message: /^relay\.entry\.allowFrom only configures the nginx gateways \(nginx-allowlist, mtls\); with gateway cloudflare-access nothing enforces it: restrict callers in the Access policy$/,
      },
    ]);
    const ca = lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [10.0.0.0/8], clientCaFile: /etc/nginx/ca.pem }\n');
    expectFindings(ca, rule.id, [{ severity: 'warning', ...at(ca.text, 'clientCaFile: /etc', '/etc'), message: /clientCaFile only configures the mtls gateway; with gateway nginx-allowlist nothing enforces it/ }]);
    const vpn = lint('relay:\n  entry: { gateway: vpn, allowFrom: [10.0.0.0/8] }\n');
    expect(vpn.findings.map((f) => f.message)).toEqual([expect.stringContaining("restrict callers in the VPN's access rules")]);
  });

  it('passes settings the gateway reads, and no settings at all', () => {
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [10.0.0.0/8] }\n').findings).toEqual([]);
    expect(lint('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls, allowFrom: [10.0.0.0/8], clientCaFile: /etc/nginx/ca.pem }\n').findings).toEqual([]);
    expect(lint(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`).findings).toEqual([]);
  });
});
