// Who may read GET /metrics: peers inside METRICS_PEERS (CIDR prefixes, default this host's loopback
// addresses). No token: Prometheus scrapes it from the same host, and the entry gateways (nginx,
// cloudflared) never forward it (they pass only routes.ts's RELAY_ROUTES). The peer is the TCP peer
// itself: X-Real-IP is never consulted here, so nothing a caller sends can widen the rule.
import ipaddr from 'ipaddr.js';
import { canonicalAddress } from './http.js';
import { StartupError, type Env } from './settings.js';

export const DEFAULT_METRICS_PEERS = '127.0.0.0/8,::1/128';

export type PeerRule = (peer: string) => boolean;

/** METRICS_PEERS as a rule; a malformed prefix refuses the start. */
export function readMetricsPeers(env: Env): PeerRule {
  const text = env.METRICS_PEERS?.trim() || DEFAULT_METRICS_PEERS;
  const prefixes = text.split(/[\s,]+/).filter(Boolean).map((item) => {
    try {
      return ipaddr.parseCIDR(item);
    } catch {
      throw new StartupError(`METRICS_PEERS: ${JSON.stringify(item)} is not an address prefix such as 127.0.0.0/8 or ::1/128`);
    }
  });
  return (peer) => {
    const address = canonicalAddress(peer);
    if (address === null) return false;
    const parsed = ipaddr.parse(address);
    return prefixes.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
  };
}
