// The closing `all` of each published SPF record, found once for the rules that grade it
// (spf-all-pass, spf-all-neutral, spf-all-qualifier, spf-terms-after-all).
import type { KeyPath } from '../../findings.js';
import { parseSpfTerm, type PublishedSpf } from './spf-static.js';

export interface SpfAll {
  spf: PublishedSpf;
  /** The first all term and where it comes from; null when the record has none. */
  all: { term: string; qualifier: '+' | '-' | '~' | '?'; index: number; path: KeyPath } | null;
  /** Whether the record ends in a redirect= instead (then no all is fine: RFC 7208 §6.1). */
  hasRedirect: boolean;
}

/** `published` is the lint run's views.spf: the records as the record model writes them. */
export function spfAllTerms(published: readonly PublishedSpf[]): SpfAll[] {
  return published.map((spf) => {
    const parsed = spf.terms.map(parseSpfTerm);
    const index = parsed.findIndex((term) => !term.modifier && term.name === 'all');
    const hasRedirect = parsed.some((term) => term.modifier && term.name === 'redirect');
    const all = index < 0 ? null : { term: spf.terms[index], qualifier: parsed[index].qualifier, index, path: spf.paths[index] };
    return { spf, all, hasRedirect };
  });
}
