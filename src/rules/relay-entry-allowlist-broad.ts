// relay-entry-allowlist-broad: an nginx source allowlist names callers, not a share of the Internet.
import type { SourceNetwork } from '../config/model.js';
import { ipBytes } from '../util/ip-address.js';
import { createRule } from './types.js';

/** Shorter prefixes than these cover more than any caller list: 1/256 of IPv4, or a /16 of IPv6 (many registries' worth). */
const NARROWEST_BROAD = { 4: 8, 6: 16 } as const;
/** Entries that are each narrow enough can still add up: past 1/16 of a family, the list is the Internet in slices. */
const MOST_OF_A_FAMILY = 16n;
/**
 * IPv6 prefixes IPv4 hosts send from. 6to4 (RFC 3056 section 2) embeds the host's IPv4 address after
 * 2002::/16, so 2002::/(16+n) admits an IPv4 /n: shorter than /24 here is broader than an IPv4 /8.
 * Teredo (RFC 4380 section 4) puts its server's address after 2001::/32 and the client's after that,
 * so anything down to a /64 admits every client of a server.
 */
const IPV4_TUNNELS = [
  { name: '6to4', address: '2002::', prefix: 16, narrowestBroad: 24 },
  { name: 'Teredo', address: '2001::', prefix: 32, narrowestBroad: 65 },
];

const BITS = { 4: 32, 6: 128 } as const;

/** The network's first address and its size, as integers. */
function span(network: SourceNetwork): { start: bigint; size: bigint } {
  const bytes = ipBytes(network.address);
  if (!bytes) throw new Error(`allowFrom network ${network.address} is not an address`);
  const start = bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
  return { start, size: 1n << BigInt(BITS[network.family] - network.prefix) };
}

/** How many addresses the networks cover together, overlaps counted once. */
function unionSize(networks: SourceNetwork[]): bigint {
  const spans = networks.map(span).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let total = 0n;
  let end = -1n;
  for (const { start, size } of spans) {
    const last = start + size - 1n;
    if (last <= end) continue;
    total += last - (start > end ? start : end + 1n) + 1n;
    end = last;
  }
  return total;
}

/** Does an IPv6 network share addresses with the tunnel prefix (inside it, or around it)? */
function overlaps(network: SourceNetwork, tunnel: { address: string; prefix: number }): boolean {
  if (network.family !== 6) return false;
  const a = span(network);
  const b = span({ address: tunnel.address, family: 6, prefix: tunnel.prefix });
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

export default createRule({
  id: 'relay-entry-allowlist-broad',
  defaultSeverity: 'error',
  docs: {
    summary: 'The nginx allowlist of the relay\'s entry names its callers, not the Internet',
    rationale:
      'With gateway nginx-allowlist the source allowlist is the gate: the self-hosted HTTP relay build guide, step 9, "The gateway ' +
      'decides who can reach the relay." An entry such as 0.0.0.0/0 or ::/0 (or any IPv4 prefix shorter than /8, IPv6 shorter ' +
      'than /16) writes an `allow` that lets most of the Internet reach POST /send, leaving the bearer token as the only ' +
      'defence: the "gateway vs token" mistake the guide warns of, in reverse. So do narrower entries that add up to more than ' +
      '1/16 of a family, and wide parts of the 6to4 (2002::/16, RFC 3056 §2) and Teredo (2001::/32, RFC 4380 §4) prefixes, from which IPv4 hosts send.',
    source: 'the self-hosted HTTP relay build guide, step 9 (entry layer); nginx ngx_http_access_module; RFC 3056 §2; RFC 4380 §4',
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
    together: 'relay.entry.allowFrom\'s IPv{{family}} entries together let {{percent}} % of all IPv{{family}} addresses reach the relay through nginx: an allowlist in slices is still the Internet; list the callers\' networks, or use gateway mtls',
    tunnel: 'relay.entry.allowFrom {{network}} covers a wide part of the {{tunnel}} prefix {{prefix}}, which IPv4 hosts send from: it lets a large share of the IPv4 Internet reach the relay; list the callers\' own networks',
  },
  check({ model, report }) {
    const { hostname, gateway, allowFrom } = model.relay.entry;
    if (hostname === null || gateway !== 'nginx-allowlist') return;
    let flagged = false;
    allowFrom.forEach((network, i) => {
      const text = `${network.address}/${network.prefix}`;
      const path = ['relay', 'entry', 'allowFrom', i];
      if (network.prefix < NARROWEST_BROAD[network.family]) {
        const share = network.prefix === 0 ? `every IPv${network.family} address` : `1/${2 ** network.prefix} of all IPv${network.family} addresses`;
        report({ messageId: 'broad', path, data: { network: text, share } });
        flagged = true;
        return;
      }
      const tunnel = IPV4_TUNNELS.find((t) => network.prefix < t.narrowestBroad && overlaps(network, t));
      if (tunnel) {
        report({ messageId: 'tunnel', path, data: { network: text, tunnel: tunnel.name, prefix: `${tunnel.address}/${tunnel.prefix}` } });
        flagged = true;
      }
    });
    if (flagged) return; // one concern at a time: the entries named above already say it
    for (const family of [4, 6] as const) {
      const covered = unionSize(allowFrom.filter((n) => n.family === family));
      const all = 1n << BigInt(BITS[family]);
      if (covered * MOST_OF_A_FAMILY <= all) continue;
      const percent = Number((covered * 1000n) / all) / 10;
      report({ messageId: 'together', path: ['relay', 'entry', 'allowFrom'], data: { family, percent: String(percent) } });
    }
  },
});
