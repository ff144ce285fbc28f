// Classifies addresses and networks as Postfix writes them (mynetworks, inet_interfaces, listen
// hosts): loopback, private, link-local, shared (CGNAT), other special use, or public, on top of the
// one classification of special ranges in src/rules/util/ip.ts.
import { ipFamily } from '../../util/ip-address.js';
import { classifyNetwork, type IpKind } from '../util/ip.js';

export type Scope = 'any' | 'loopback' | 'private' | 'link-local' | 'shared' | 'special' | 'public';

export type NetworkEntry =
  | { kind: 'ip'; text: string; address: string; family: 4 | 6; prefix: number; maxPrefix: number; scope: Scope; negated: boolean }
  /** A lookup table or file of networks (hash:/etc/postfix/network_table, /etc/postfix/mynetworks). */
  | { kind: 'table'; text: string; negated: boolean }
  /** A host or .domain name: Postfix trusts clients by their (verified) reverse name. */
  | { kind: 'hostname'; text: string; negated: boolean };

/**
 * What a special range means for Postfix posture: the identity rules' classification (util/ip.ts,
 * the IANA special-purpose registries) folded into the scopes the posture rules judge by.
 * Documentation, benchmarking and translation space count as public: nothing keeps them local.
 */
const SCOPE_OF_KIND: Record<IpKind, Exclude<Scope, 'any'>> = {
  public: 'public',
  documentation: 'public',
  benchmarking: 'public',
  translation: 'public',
  tunnel: 'public',
  'ipv4-mapped': 'public',
  loopback: 'loopback',
  private: 'private',
  'unique-local': 'private',
  shared: 'shared',
  'link-local': 'link-local',
  unspecified: 'special',
  multicast: 'special',
  broadcast: 'special',
  reserved: 'special',
};

function scopeOf(address: string, family: 4 | 6, prefix: number): Scope {
  if (prefix === 0) return 'any';
  return SCOPE_OF_KIND[classifyNetwork({ address, family, prefix, text: `${address}/${prefix}` }).kind];
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
  const family = address ? ipFamily(address) : 0;
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
