// relay-entry-allowlist-broad: an nginx source allowlist names callers, not a share of the Internet.
import { createRule } from './types.js';

/** Shorter prefixes than these cover more than any caller list: 1/256 of IPv4, or a /16 of IPv6 (many registries' worth). */
const NARROWEST_BROAD = { 4: 8, 6: 16 } as const;

export default createRule({
  id: 'relay-entry-allowlist-broad',
  defaultSeverity: 'error',
  docs: {
    summary: 'The nginx allowlist of the relay\'s entry names its callers, not the Internet',
    rationale:
      'With gateway nginx-allowlist the source allowlist is the gate: the self-hosted HTTP relay build guide, step 9, "The gateway ' +
      'decides who can reach the relay." An entry such as 0.0.0.0/0 or ::/0 (or any IPv4 prefix shorter than /8, IPv6 shorter ' +
      'than /16) writes an `allow` that lets most of the Internet reach POST /send, leaving the bearer token as the only ' +
      'defence: the "gateway vs token" mistake the guide warns of, in reverse.',
    source: 'the self-hosted HTTP relay build guide, step 9 (entry layer); nginx ngx_http_access_module',
    fix: 'List the callers\' own addresses or networks in relay.entry.allowFrom. Callers everywhere need another gate: gateway mtls (client certificates) or cloudflare-access.',
    examples: {
      invalid: [
        { description: 'An allowlist of every IPv4 address', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7, 0.0.0.0/0]\n' },
        { description: 'Every IPv6 address', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: ["::/0"]\n' },
      ],
      valid: [
        { description: 'The application servers\' networks', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [10.0.0.0/8, 2001:db8:5::/48]\n' },
        { description: 'mTLS: the client certificate is the gate, so a broad allowlist is not', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: mtls\n    allowFrom: [0.0.0.0/0]\n' },
      ],
    },
  },
  messages: {
    broad: 'relay.entry.allowFrom {{network}} lets {{share}} reach the relay through nginx: the allowlist is the gate of nginx-allowlist; list the callers\' networks, or use gateway mtls',
  },
  check({ model, report }) {
    const { hostname, gateway, allowFrom } = model.relay.entry;
    if (hostname === null || gateway !== 'nginx-allowlist') return;
    allowFrom.forEach((network, i) => {
      if (network.prefix >= NARROWEST_BROAD[network.family]) return;
      const share = network.prefix === 0 ? `every IPv${network.family} address` : `1/${2 ** network.prefix} of all IPv${network.family} addresses`;
      report({ messageId: 'broad', path: ['relay', 'entry', 'allowFrom', i], data: { network: `${network.address}/${network.prefix}`, share } });
    });
  },
});
