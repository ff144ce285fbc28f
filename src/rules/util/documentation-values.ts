// Finds documentation addresses (RFC 5737, RFC 3849) and reserved names (RFC 2606, RFC 6761)
// inside a config string: a host, an address, a CIDR, an e-mail address, a URL, an SPF term
// (ip4:, a:, include:) or a raw Postfix value like "[smtp.example.com]:587".
import { reservedName, type ReservedPurpose } from './dns-name.js';
import { documentationRangeOf } from './ip.js';

export interface DocumentationHit {
  /** The piece of the value that matched. */
  text: string;
  /** An IP address or range (ip-documentation-range), or a name with what it is reserved for (reserved-name). */
  kind: 'address' | ReservedPurpose;
  /** Why it is reserved, e.g. "203.0.113.0/24, RFC 5737 (TEST-NET-3)" or "the .test TLD, RFC 2606 §2, RFC 6761 §6.2". */
  reference: string;
}

/** Candidate strings inside one token: the token, what follows a scheme-like "word:" prefix, a host in [brackets] or before :port. */
function candidates(token: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const trimmed = s.replace(/^[[(<]+|[\])>.,]+$/g, '');
    if (trimmed) out.add(trimmed);
  };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token)) {
    try {
      add(new URL(token).hostname.replace(/^\[|\]$/g, ''));
    } catch {
      /* not a URL after all: the other candidates still apply */
    }
  }
  add(token);
  const prefixed = /^[a-z][a-z0-9-]*:(.+)$/i.exec(token); // ip4:, a:, include:, mailto:, inet:
  if (prefixed) add(prefixed[1]);
  const bracketed = /^\[([^\]]+)\](?::\d+)?(\/\d+)?$/.exec(token);
  if (bracketed) add(bracketed[1] + (bracketed[2] ?? ''));
  const hostPort = /^([^:]+):\d+$/.exec(token);
  if (hostPort) add(hostPort[1]);
  return [...out];
}

export function documentationHits(value: string): DocumentationHit[] {
  const hits = new Map<string, DocumentationHit>();
  for (const token of value.split(/[\s,;="'@|]+/)) {
    for (const candidate of candidates(token)) {
      const range = documentationRangeOf(candidate);
      if (range) {
        hits.set(candidate, { text: candidate, kind: 'address', reference: `${range.cidr}, ${range.reference}` });
        continue;
      }
      if (!/^[a-z0-9_.-]+$/i.test(candidate)) continue;
      const name = reservedName(candidate);
      if (name) hits.set(candidate.toLowerCase(), { text: candidate, kind: name.purpose, reference: `${name.suffix.startsWith('.') ? `the ${name.suffix} TLD` : name.suffix}, ${name.reference}` });
    }
  }
  // A name and its own parent candidate ("x.example.com" via a URL and the token) are one hit.
  return [...hits.values()].filter((hit, _, all) => !all.some((other) => other !== hit && other.text.length > hit.text.length && other.text.toLowerCase().endsWith(`.${hit.text.toLowerCase()}`)));
}
