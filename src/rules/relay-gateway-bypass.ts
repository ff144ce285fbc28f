// relay-gateway-bypass: with an entry gateway declared, the relay does not listen where callers can skip it.
import { createRule } from './types.js';
import { addressScope, isLoopbackHost } from './postfix-util/networks.js';

export default createRule({
  id: 'relay-gateway-bypass',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Behind a declared entry gateway, the relay does not listen on a wildcard or public address',
    rationale:
      'The self-hosted HTTP relay build guide, step 9: "The point is to avoid exposing a naked public sending endpoint." A declared gateway ' +
      '(relay.entry.gateway: Cloudflare Access, an mTLS proxy, a VPN) only guards the relay when it is the only way in: ' +
      'a wildcard or public listen address lets callers talk to the relay directly with just the bearer token. A host ' +
      'name may resolve anywhere, so only wildcard and public addresses are reported. With no gateway at all, any ' +
      'non-loopback listener is relay-listen-loopback\'s error.',
    source: 'the self-hosted HTTP relay build guide, steps 5 and 9',
    fix: 'Listen on loopback (the gateway runs on the same host) or only on the private or VPN address the gateway uses.',
    examples: {
      invalid: [{ description: 'Every interface, behind Cloudflare Access', config: 'relay:\n  listen: "[::]:2525"\n  entry: { gateway: cloudflare-access }\n' }],
      valid: [{ description: 'A VPN address behind a declared VPN gateway', config: 'relay:\n  listen: 100.101.102.103:2525\n  entry: { gateway: vpn }\n' }],
    },
  },
  messages: {
    bypass: 'The relay listens on {{host}}: callers can reach it directly and skip the {{gateway}} gateway; listen on loopback or the address only the gateway uses',
  },
  check({ model, report }) {
    const { host } = model.relay.listen;
    const gateway = model.relay.entry.gateway;
    if (isLoopbackHost(host) || gateway === null || gateway === 'none') return;
    const scope = addressScope(host);
    if (scope === 'any' || scope === 'public') report({ messageId: 'bypass', path: ['relay', 'listen'], data: { host, gateway } });
  },
});
