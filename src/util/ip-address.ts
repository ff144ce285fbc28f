// IP address syntax and prefix matching without node:net. Why not node:net: its isIPv6 compiles
// one very large regular expression on first use, 13-23 ms measured on these machines, which is
// more than every lint rule together takes, and loading `net` pulls in the stream modules too.
// IPv6 syntax is decided by the WHATWG URL host parser built into Node (the same RFC 4291 text
// forms, parsed in C++); IPv4 is the strict dotted quad node:net accepts (no leading zeros, no
// shorthand). Zone identifiers (fe80::1%eth0) are not addresses here: no DNS record or Postfix
// value can carry one.

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
// What may appear inside the brackets before the URL parser sees it: without this, "]" or "/"
// in the text could end the host early and a longer string would pass as an address.
const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function isIPv6(text: string): boolean {
  return IPV6_CHARS.test(text) && text.includes(':') && URL.canParse(`http://[${text}]/`);
}

/** 4 or 6 for an address, 0 for anything else (node:net's isIP, without zones). */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (isIPv4(text)) return 4;
  if (isIPv6(text)) return 6;
  return 0;
}

/** The address as bytes (4 or 16), or null when `text` is not an address. */
export function ipBytes(text: string): Uint8Array | null {
  if (isIPv4(text)) return Uint8Array.from(text.split('.'), Number);
  if (!isIPv6(text)) return null;
  // The URL serializer writes the canonical RFC 5952 form: hex groups only (an embedded IPv4
  // tail comes back as two groups), at most one "::".
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const before = groups(head);
  const after = groups(tail);
  const all = tail === undefined ? before : [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/** True when the first `prefix` bits of `a` and `b` (same length) are equal. */
export function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  if (a.length !== b.length || prefix > a.length * 8) return false;
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole] & mask) === (b[whole] & mask);
}
