// DKIM helpers shared by the dkim-* rules: which published selector is the signing one.
import type { DomainModel } from '../../config/model.js';

/**
 * Index of the selector dkim.signWith names, or -1. Selectors are DNS labels, so the match ignores
 * case (RFC 4343): a receiver finds MAIL202606._domainkey as well as mail202606._domainkey.
 */
export function signingSelectorIndex(domain: DomainModel): number {
  const want = domain.dkim.signWith.toLowerCase();
  return domain.dkim.selectors.findIndex((s) => s.name.toLowerCase() === want);
}
