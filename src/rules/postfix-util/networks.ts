// Classifies addresses and networks as Postfix writes them (mynetworks, inet_interfaces, listen
// hosts): loopback, private, link-local, shared (CGNAT), other special use, or public. Membership
// uses node:net BlockList; a network is inside a special block when its prefix is at least as long
// as the block's and its address falls in the block (blocks are CIDR-aligned, so that suffices).
import { BlockList, isIP } from 'node:net';

export type Scope = 'any' | 'loopback' | 'private' | 'link-local' | 'shared' | 'special' | 'public';

export type NetworkEntry =
  | { kind: 'ip'; text: string; address: string; family: 4 | 6; prefix: number; maxPrefix: number; scope: Scope; negated: boolean }
  /** A lookup table or file of networks (hash:/etc/postfix/network_table, /etc/postfix/mynetworks). */
  | { kind: 'table'; text: string; negated: boolean }
  /** A host or .domain name: Postfix trusts clients by their (verified) reverse name. */
  | { kind: 'hostname'; text: string; negated: boolean };

const SPECIAL_BLOCKS: { scope: Exclude<Scope, 'any' | 'public'>; cidr: string }[] = [
  { scope: 'loopback', cidr: '127.0.0.0/8' },
  { scope: 'private', cidr: '10.0.0.0/8' }, // RFC 1918
  { scope: 'private', cidr: '172.16.0.0/12' },
  { scope: 'private', cidr: '192.168.0.0/16' },
  { scope: 'shared', cidr: '100.64.0.0/10' }, // RFC 6598 CGNAT, also what Tailscale hands out
  { scope: 'link-local', cidr: '169.254.0.0/16' },
  { scope: 'special', cidr: '0.0.0.0/8' },
  { scope: 'special', cidr: '224.0.0.0/4' }, // multicast
  { scope: 'special', cidr: '240.0.0.0/4' }, // reserved, broadcast
  { scope: 'loopback', cidr: '::1/128' },
  { scope: 'private', cidr: 'fc00::/7' }, // RFC 4193 unique local
  { scope: 'link-local', cidr: 'fe80::/10' },
  { scope: 'special', cidr: 'ff00::/8' }, // multicast
  { scope: 'special', cidr: '::/128' },
];

const blocks = SPECIAL_BLOCKS.map(({ scope, cidr }) => {
  const [address, prefix] = cidr.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  list.addSubnet(address, Number(prefix), family);
  return { scope, family, prefix: Number(prefix), list };
});

function scopeOf(address: string, family: 4 | 6, prefix: number): Scope {
  if (prefix === 0) return 'any';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  for (const block of blocks) {
    if (block.family === type && prefix >= block.prefix && block.list.check(address, type)) return block.scope;
  }
  return 'public';
}

/** Unspecified addresses mean "every interface" when something listens on them. */
export function isWildcardHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::' || h === '*' || h === '' || h === '[::]';
}

/** One network entry as Postfix writes it: 10.0.0.0/8, [::1]/128, [fe80::]/10, 192.0.2.1, !10.1.0.0/16, hash:/path. */
export function parseNetworkEntry(text: string): NetworkEntry {
  const negated = text.startsWith('!');
  const body = negated ? text.slice(1) : text;
  const match = /^\[?([0-9A-Fa-f:.]+?)\]?(?:\/(\d{1,3}))?$/.exec(body);
  const address = match?.[1];
  const family = address ? isIP(address) : 0;
  if (match && address && (family === 4 || family === 6)) {
    const maxPrefix = family === 4 ? 32 : 128;
    const prefix = match[2] === undefined ? maxPrefix : Math.min(Number(match[2]), maxPrefix);
    return { kind: 'ip', text, address, family, prefix, maxPrefix, scope: scopeOf(address, family, prefix), negated };
  }
  if (body.startsWith('/') || /^[a-z][a-z0-9_]*:/.test(body)) return { kind: 'table', text, negated };
  return { kind: 'hostname', text, negated };
}

/** True for loopback-only listen hosts: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === 'localhost' || h === 'loopback-only') return true;
  const entry = parseNetworkEntry(h);
  return entry.kind === 'ip' && entry.scope === 'loopback';
}

/** The scope of a single listen or bind address; 'any' for wildcards, undefined for names. */
export function addressScope(host: string): Scope | undefined {
  if (isWildcardHost(host)) return 'any';
  const entry = parseNetworkEntry(host.trim());
  if (entry.kind !== 'ip' || entry.prefix !== entry.maxPrefix) return undefined;
  return entry.scope;
}
