// IP address helpers for the live checks: canonical forms to compare answers, and PTR owner names.
import { isIP } from 'node:net';

/** The 8 groups of an IPv6 address, each 4 lower-case hex digits (an embedded IPv4 tail converted). */
export function expandIPv6(address: string): string[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(fill, 0)).fill('0'), ...tailGroups];
  if (groups.length !== 8) throw new Error(`not an IPv6 address: ${address}`);
  return groups.map((g) => g.padStart(4, '0'));
}

/** One spelling per address, so "2001:DB8::10" and "2001:db8:0:0::10" compare equal. */
export function canonicalIp(address: string): string {
  const version = isIP(address);
  if (version === 4) return address.split('.').map(Number).join('.');
  if (version === 6) return expandIPv6(address).join(':');
  return address.toLowerCase();
}

export function sameIp(a: string, b: string): boolean {
  return canonicalIp(a) === canonicalIp(b);
}

/** The PTR owner name: 10.113.0.203.in-addr.arpa, or the 32 reversed nibbles under ip6.arpa. */
export function reverseName(address: string): string {
  if (isIP(address) === 4) return `${address.split('.').map(Number).reverse().join('.')}.in-addr.arpa`;
  if (isIP(address) === 6) return `${expandIPv6(address).join('').split('').reverse().join('.')}.ip6.arpa`;
  throw new Error(`not an IP address: ${address}`);
}
