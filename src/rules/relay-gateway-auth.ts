// relay-gateway-auth: a relay with an outside entry declares a gateway; the bearer token is not the only guard.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-gateway-auth',
  defaultSeverity: 'error',
  docs: {
    summary: 'A relay reachable from outside declares a gateway layer; the bearer token is not the only guard',
    rationale:
      'The self-hosted HTTP relay build guide, step 9 and "Treating gateway auth and Bearer token as one thing": "The gateway decides who can reach the ' +
      'relay. The Bearer token decides who the relay accepts. Use both when the relay is reachable from outside the VPS." ' +
      'An entry hostname (relay.entry.hostname, e.g. mail-relay.example.com) means callers come from elsewhere; without a ' +
      'gateway (nginx allowlist, mTLS, VPN, Cloudflare Access) a leaked token is enough to send as the domain, and the ' +
      'relay answers 401s to the whole Internet. gateway: none with an entry hostname says exactly that.',
    source: 'the self-hosted HTTP relay build guide, step 9 and "Mistakes that are easy to make"',
    fix: 'Declare relay.entry.gateway (nginx-allowlist, mtls, vpn or cloudflare-access) and configure that layer.',
    examples: {
      invalid: [
        {
          description: 'A public entry name with no gateway',
          config: 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: none }\n',
        },
      ],
      valid: [
        {
          description: 'The self-hosted HTTP relay build guide\'s Cloudflare Tunnel + Access entry',
          config: 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef }\n',
        },
      ],
    },
  },
  messages: {
    noGateway:
      'relay.entry.hostname {{hostname}} exposes the relay to other hosts, but {{why}}: the bearer token would be the only guard; declare the gateway that controls who can reach it',
  },
  check({ model, report }) {
    const { hostname, gateway } = model.relay.entry;
    if (hostname === null) return;
    if (gateway === 'none') {
      report({ messageId: 'noGateway', path: ['relay', 'entry', 'gateway'], data: { hostname, why: 'the gateway is none' } });
    } else if (gateway === null) {
      report({ messageId: 'noGateway', path: ['relay', 'entry', 'hostname'], data: { hostname, why: 'no gateway is declared' } });
    }
  },
});
