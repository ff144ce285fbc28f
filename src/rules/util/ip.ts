// IP address and CIDR classification for the identity rules (address syntax and prefix matching
// in util/ip-address.ts). The special-purpose ranges are those of the IANA registries (RFC 6890) a
// sending IP can land in.
import { ipBytes, ipFamily as addressFamily, samePrefix } from '../../util/ip-address.js';

export type IpKind =
  | 'public'
  | 'documentation'
  | 'private'
  | 'shared'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'benchmarking'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'translation'
  | 'tunnel'
  | 'reserved';

export interface IpClass {
  family: 4 | 6;
  kind: IpKind;
  /** The special range the address falls in ('' for public addresses). */
  range: string;
  /** Where the range is defined. */
  reference: string;
}

interface SpecialRange {
  cidr: string;
  kind: Exclude<IpKind, 'public'>;
  reference: string;
}

// Order matters only where ranges nest: the first match wins (documentation sits inside 2000::/3).
const SPECIAL_V4: SpecialRange[] = [
  { cidr: '0.0.0.0/8', kind: 'unspecified', reference: 'RFC 1122 §3.2.1.3' },
  { cidr: '10.0.0.0/8', kind: 'private', reference: 'RFC 1918' },
  { cidr: '100.64.0.0/10', kind: 'shared', reference: 'RFC 6598 (carrier-grade NAT)' },
  { cidr: '127.0.0.0/8', kind: 'loopback', reference: 'RFC 1122 §3.2.1.3' },
  { cidr: '169.254.0.0/16', kind: 'link-local', reference: 'RFC 3927' },
  { cidr: '172.16.0.0/12', kind: 'private', reference: 'RFC 1918' },
  { cidr: '192.0.0.0/24', kind: 'reserved', reference: 'RFC 6890 (IETF protocol assignments)' },
  { cidr: '192.0.2.0/24', kind: 'documentation', reference: 'RFC 5737 (TEST-NET-1)' },
  { cidr: '192.88.99.0/24', kind: 'reserved', reference: 'RFC 7526 (deprecated 6to4 relay anycast)' },
  { cidr: '192.168.0.0/16', kind: 'private', reference: 'RFC 1918' },
  { cidr: '198.18.0.0/15', kind: 'benchmarking', reference: 'RFC 2544' },
  { cidr: '198.51.100.0/24', kind: 'documentation', reference: 'RFC 5737 (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', kind: 'documentation', reference: 'RFC 5737 (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', kind: 'multicast', reference: 'RFC 5771' },
  { cidr: '255.255.255.255/32', kind: 'broadcast', reference: 'RFC 919' },
  { cidr: '240.0.0.0/4', kind: 'reserved', reference: 'RFC 1112 §4 (class E)' },
];

const SPECIAL_V6: SpecialRange[] = [
  { cidr: '::/128', kind: 'unspecified', reference: 'RFC 4291 §2.5.2' },
  { cidr: '::1/128', kind: 'loopback', reference: 'RFC 4291 §2.5.3' },
  { cidr: '::ffff:0:0/96', kind: 'ipv4-mapped', reference: 'RFC 4291 §2.5.5.2' },
  { cidr: '64:ff9b::/96', kind: 'translation', reference: 'RFC 6052 (NAT64)' },
  { cidr: '100::/64', kind: 'reserved', reference: 'RFC 6666 (discard-only)' },
  { cidr: '2001:db8::/32', kind: 'documentation', reference: 'RFC 3849' },
  { cidr: '2001::/32', kind: 'tunnel', reference: 'RFC 4380 (Teredo)' },
  { cidr: '2002::/16', kind: 'tunnel', reference: 'RFC 3056 (6to4)' },
  { cidr: 'fc00::/7', kind: 'unique-local', reference: 'RFC 4193' },
  { cidr: 'fe80::/10', kind: 'link-local', reference: 'RFC 4291 §2.5.6' },
  { cidr: 'ff00::/8', kind: 'multicast', reference: 'RFC 4291 §2.7' },
];

/** Global unicast space (RFC 4291 §2.4): everything else in IPv6 is reserved by IANA. */
const GLOBAL_UNICAST_V6 = '2000::/3';

export interface Cidr {
  address: string;
  prefix: number;
  family: 4 | 6;
  /** As written (without Postfix-style brackets). */
  text: string;
}

/** Strips the brackets Postfix writes around IPv6 ("[::1]/128", "[2001:db8::1]"). */
function unbracket(text: string): string {
  return text.trim().replace(/^\[([^\]]+)\](\/\d+)?$/, '$1$2');
}

/** The family of an address (4 or 6), or 0 when it is not one; accepts Postfix-style [v6]. */
export function ipFamily(text: string): 0 | 4 | 6 {
  return addressFamily(unbracket(text));
}

/** Parses "a.b.c.d/n", "v6/n" or a bare address (full-length prefix); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const bare = unbracket(text);
  const slash = bare.indexOf('/');
  const address = slash < 0 ? bare : bare.slice(0, slash);
  const family = addressFamily(address);
  if (family === 0) return null;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const digits = bare.slice(slash + 1);
    if (!/^\d{1,3}$/.test(digits)) return null;
    prefix = Number(digits);
    if (prefix > max) return null;
  }
  return { address, prefix, family: family as 4 | 6, text: bare };
}

/** A parsed range: its network bytes, for prefix comparison. */
interface CompiledRange {
  cidr: Cidr;
  bytes: Uint8Array;
}

function compile(cidr: Cidr): CompiledRange {
  return { cidr, bytes: ipBytes(cidr.address)! };
}

const compiled = new Map<string, CompiledRange>();
function compiledRange(text: string): CompiledRange {
  let entry = compiled.get(text);
  if (!entry) {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`bad built-in range ${text}`);
    entry = compile(cidr);
    compiled.set(text, entry);
  }
  return entry;
}

/** True when the address bytes lie inside the range (same family: the byte lengths differ otherwise). */
function inRange(range: CompiledRange, address: Uint8Array): boolean {
  return samePrefix(range.bytes, address, range.cidr.prefix);
}

/** True when `ip` lies inside `cidr` (same family only: an IPv4 address is never inside an ip6: range). */
export function cidrContains(cidr: Cidr | string, ip: string): boolean {
  const range = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const address = ipBytes(unbracket(ip));
  if (!range || !address) return false;
  return inRange(compile(range), address);
}

/** Classifies an address; null when the text is not an IP address. */
export function classifyIp(text: string): IpClass | null {
  const address = ipBytes(unbracket(text));
  if (!address) return null;
  const family = address.length === 4 ? 4 : 6;
  for (const special of family === 4 ? SPECIAL_V4 : SPECIAL_V6) {
    if (inRange(compiledRange(special.cidr), address)) {
      return { family, kind: special.kind, range: special.cidr, reference: special.reference };
    }
  }
  if (family === 6 && !inRange(compiledRange(GLOBAL_UNICAST_V6), address)) {
    return { family, kind: 'reserved', range: 'outside 2000::/3', reference: 'RFC 4291 §2.4' };
  }
  return { family, kind: 'public', range: '', reference: '' };
}

/**
 * Classifies a network: the special range it lies wholly inside (its prefix at least as long as the
 * range's, its address in the range; ranges are CIDR-aligned, so that suffices), else public. A
 * wider network that merely contains a special range (0.0.0.0/0 holds 127.0.0.0/8) is not inside it.
 */
export function classifyNetwork(cidr: Cidr): IpClass {
  const address = ipBytes(cidr.address);
  if (!address) throw new Error(`classifyNetwork: ${cidr.address} is not an address`);
  for (const special of cidr.family === 4 ? SPECIAL_V4 : SPECIAL_V6) {
    const range = compiledRange(special.cidr);
    if (cidr.prefix >= range.cidr.prefix && inRange(range, address)) {
      return { family: cidr.family, kind: special.kind, range: special.cidr, reference: special.reference };
    }
  }
  const global = compiledRange(GLOBAL_UNICAST_V6);
  if (cidr.family === 6 && cidr.prefix >= global.cidr.prefix && !inRange(global, address)) {
    return { family: 6, kind: 'reserved', range: 'outside 2000::/3', reference: 'RFC 4291 §2.4' };
  }
  return { family: cidr.family, kind: 'public', range: '', reference: '' };
}

/** The documentation range (RFC 5737, RFC 3849) an address or CIDR lies inside, or null. */
export function documentationRangeOf(text: string): SpecialRange | null {
  const cidr = parseCidr(text);
  if (!cidr) return null;
  const found = classifyNetwork(cidr);
  if (found.kind !== 'documentation') return null;
  return { cidr: found.range, kind: 'documentation', reference: found.reference };
}
