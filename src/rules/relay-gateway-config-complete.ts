// relay-gateway-config-complete: the declared gateway has what relayconf needs to write its config.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-gateway-config-complete',
  defaultSeverity: 'error',
  docs: {
    summary: 'An nginx allowlist names its allowed networks, and a Cloudflare Tunnel entry names its tunnel',
    rationale:
      'The self-hosted HTTP relay build guide puts a gateway in front of the relay when callers are on other hosts: "The ' +
      'gateway decides who can reach the relay." relayconf writes that gateway\'s config (etc/nginx/sites-available/<name>.conf, ' +
      'etc/cloudflared/config.yml) and the entry name\'s DNS record from relay.entry. An nginx allowlist without allowFrom ' +
      'would deny every caller (or, written by hand, be left open), and a Cloudflare Tunnel entry without its tunnel id has ' +
      'neither the CNAME to <id>.cfargotunnel.com nor the tunnel the ingress belongs to, so build would write no entry at all.',
    source: 'the self-hosted HTTP relay build guide, step 9 (entry layer); nginx ngx_http_access_module; Cloudflare Tunnel configuration file',
    fix: 'Add relay.entry.allowFrom (the callers\' addresses or CIDRs) for nginx-allowlist, or relay.entry.tunnelId (printed by `cloudflared tunnel create`) for cloudflare-access.',
    examples: {
      invalid: [
        { description: 'An allowlist that allows nobody', config: 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist }\n' },
        { description: 'A tunnel entry without its tunnel', config: 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access }\n' },
      ],
      valid: [
        {
          description: 'Two application servers allowed through nginx',
          config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7, 2001:db8:5::/48]\n',
        },
        {
          description: 'A named Cloudflare Tunnel',
          config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n',
        },
      ],
    },
  },
  messages: {
    noAllowFrom: 'relay.entry.gateway is nginx-allowlist but relay.entry.allowFrom lists no network: nginx would deny every caller; list the callers\' addresses or CIDRs',
    noTunnelId: 'relay.entry.gateway is cloudflare-access but relay.entry.tunnelId is missing: without it there is no CNAME for {{hostname}} and no tunnel config; add the id `cloudflared tunnel create` printed',
  },
  check({ model, report }) {
    const { hostname, gateway, allowFrom, tunnelId } = model.relay.entry;
    // Without an entry name nothing is exposed and nothing is written (relay-gateway-auth covers the reverse).
    if (hostname === null) return;
    if (gateway === 'nginx-allowlist' && allowFrom.length === 0) report({ messageId: 'noAllowFrom', path: ['relay', 'entry', 'gateway'] });
    if (gateway === 'cloudflare-access' && tunnelId === null) report({ messageId: 'noTunnelId', path: ['relay', 'entry', 'gateway'], data: { hostname } });
  },
});
