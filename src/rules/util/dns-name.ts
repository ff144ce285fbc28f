// Host-name checks shared by the identity rules: LDH syntax (RFC 1123 §2.1, RFC 1035 §2.3.1),
// special-use and documentation names (RFC 2606, RFC 6761, RFC 6762, RFC 8375, RFC 9476).
import { publicSuffixOf } from '../../util/public-suffix.js';
import { ipFamily } from './ip.js';

/** Lower case, no trailing dot: how names compare in DNS (RFC 4343). */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** True when `name` equals `parent` or lies under it. */
export function isAtOrUnder(name: string, parent: string): boolean {
  const n = normalizeName(name);
  const p = normalizeName(parent);
  return n === p || n.endsWith(`.${p}`);
}

export type HostnameProblem =
  | { kind: 'ip' }
  | { kind: 'trailing-dot' }
  | { kind: 'too-long'; length: number }
  | { kind: 'single-label' }
  | { kind: 'bad-label'; label: string; why: string }
  | { kind: 'numeric-tld'; label: string };

const LDH_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;

/** Why `name` is not a host name a remote MTA can resolve, or null when it is one. */
export function hostnameProblem(name: string): HostnameProblem | null {
  if (ipFamily(name) !== 0 || /^\[.*\]$/.test(name)) return { kind: 'ip' };
  // Postfix would announce the dot literally in HELO/EHLO; DNS data is written without it here.
  if (name.endsWith('.')) return { kind: 'trailing-dot' };
  if (name.length > 253) return { kind: 'too-long', length: name.length };
  const labels = name.split('.');
  if (labels.length < 2) return { kind: 'single-label' };
  for (const label of labels) {
    if (label.length === 0) return { kind: 'bad-label', label, why: 'is empty' };
    if (label.length > 63) return { kind: 'bad-label', label, why: 'is longer than 63 characters' };
    if (label.includes('_')) return { kind: 'bad-label', label, why: 'contains an underscore' };
    if (!LDH_LABEL.test(label)) return { kind: 'bad-label', label, why: 'may hold only letters, digits and inner hyphens' };
  }
  const tld = labels[labels.length - 1];
  if (/^\d+$/.test(tld)) return { kind: 'numeric-tld', label: tld };
  return null;
}

/** What a reserved name is reserved for, and where (RFC 2606, RFC 6761). */
export type ReservedPurpose = 'documentation' | 'testing' | 'invalid' | 'loopback';
export interface ReservedName {
  /** The reserved suffix the name is or lies under: "example.com", ".test". */
  suffix: string;
  purpose: ReservedPurpose;
  reference: string;
}

/** Reserved TLDs (RFC 2606 §2, RFC 6761 §6.2-§6.5), by what they are reserved for. */
const RESERVED_TLDS: Record<string, Omit<ReservedName, 'suffix'>> = {
  example: { purpose: 'documentation', reference: 'RFC 2606 §2, RFC 6761 §6.5' },
  test: { purpose: 'testing', reference: 'RFC 2606 §2, RFC 6761 §6.2' },
  invalid: { purpose: 'invalid', reference: 'RFC 2606 §2, RFC 6761 §6.4' },
  localhost: { purpose: 'loopback', reference: 'RFC 2606 §2, RFC 6761 §6.3' },
};
/** Second-level names reserved for documentation (RFC 2606 §3, RFC 6761 §6.5). */
export const DOCUMENTATION_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

/** The reserved name `name` is (or lies under), or null for a name anyone may register. */
export function reservedName(name: string): ReservedName | null {
  const n = normalizeName(name);
  for (const domain of DOCUMENTATION_DOMAINS) if (isAtOrUnder(n, domain)) return { suffix: domain, purpose: 'documentation', reference: 'RFC 2606 §3' };
  const tld = n.slice(n.lastIndexOf('.') + 1);
  const reserved = Object.hasOwn(RESERVED_TLDS, tld) ? RESERVED_TLDS[tld] : undefined;
  // A bare "localhost" is how configs name loopback on purpose (listen, inet_interfaces): not flagged.
  if (reserved && n.includes('.')) return { suffix: `.${tld}`, ...reserved };
  return null;
}

/**
 * Names only a local network resolves: special-use TLDs (RFC 6761 localhost, RFC 6762 local,
 * RFC 8375 home.arpa, RFC 9476 alt, RFC 7686 onion, ICANN's .internal) and any TLD absent from
 * the ICANN section of the Public Suffix List (lan, corp, localdomain, ...). The names RFC 2606
 * reserves (.test, .example, .invalid, .localhost) are left to reserved-name. Returns the suffix,
 * or null for a public name.
 */
export function nonPublicSuffix(name: string): string | null {
  const n = normalizeName(name);
  if (reservedName(n)) return null;
  const special = ['home.arpa', 'local', 'alt', 'onion', 'internal'];
  for (const suffix of special) if (isAtOrUnder(n, suffix)) return suffix;
  const tld = n.slice(n.lastIndexOf('.') + 1);
  const parsed = publicSuffixOf(n);
  if (parsed.isIp) return null;
  return parsed.isIcann ? null : (parsed.publicSuffix ?? tld);
}
