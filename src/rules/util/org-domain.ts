// DMARC organizational domains and identifier alignment, offline (RFC 9989 section 4.4, 4.10.2).
import { registrableDomain } from '../../util/public-suffix.js';
import { normalizeName } from './dns-name.js';

/**
 * The organizational domain of `name`: its registrable domain under the Public Suffix List
 * (tldts, ICANN and private sections), as RFC 7489 section 3.2 defined it and as mailauth (our
 * check-dns verifier) computes it. RFC 9989 section 4.10.2 finds it by a DNS tree walk instead,
 * which needs live DNS; lint stays offline, so relaxed alignment keeps the list. The two agree
 * whenever the registrable domain publishes the DMARC record and no psd= tag says otherwise.
 * Private suffixes count so that two tenants of one hosting suffix (a.github.io, b.github.io)
 * are not one organization. A name with no registrable part
 * (an unknown single label) is its own organizational domain.
 */
export function organizationalDomain(name: string): string {
  const n = normalizeName(name);
  return registrableDomain(n, true) ?? n;
}

/** True when two names share an organizational domain (equal names do without consulting the list). */
export function sameOrganization(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b) || organizationalDomain(a) === organizationalDomain(b);
}

/** Identifier alignment: strict means equal names, relaxed means the same organizational domain. */
export function aligned(a: string, b: string, mode: 'r' | 's'): boolean {
  if (mode === 's') return normalizeName(a) === normalizeName(b);
  return sameOrganization(a, b);
}
