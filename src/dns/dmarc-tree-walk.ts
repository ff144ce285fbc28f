// The RFC 9989 DNS tree walk (section 4.10): which names a receiver queries for a DMARC policy
// record, and which of the records it found sets the policy (section 4.10.1, 4.10.2). Pure, so
// check-dns (live DNS) and the offline rules (the records this config writes) walk the same way.

/** At most this many queries per walk: a name of 8 or more labels jumps to its last 7. */
export const MAX_WALK_QUERIES = 8;

/**
 * The domains whose _dmarc names the walk queries, in order: the domain itself, then (for fewer
 * than 8 labels) each parent, or (for 8 or more) its last 7 labels and their parents, down to the
 * single top-level label.
 */
export function treeWalkNames(domain: string): string[] {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l !== '');
  if (labels.length === 0) return [];
  const names = [labels.join('.')];
  const keep = Math.min(labels.length - 1, MAX_WALK_QUERIES - 1);
  for (let n = keep; n >= 1; n--) names.push(labels.slice(labels.length - n).join('.'));
  return names;
}

/** A DMARC record the walk found at `name` (one valid record there), with its psd= value if any. */
export interface FoundRecord {
  name: string;
  psd: string | undefined;
}

/** True when the walk stops after this record (RFC 9989 section 4.10, steps 2 and 6). */
export function stopsWalk(record: FoundRecord): boolean {
  const psd = record.psd?.toLowerCase();
  return psd === 'n' || psd === 'y';
}

export interface PolicyDomain<T extends FoundRecord> {
  /** The record whose sp=/np= (or p=) applies to the author domain. */
  record: T;
  /** The organizational domain of the author domain (RFC 9989 section 4.10.2). */
  organizationalDomain: string;
}

/**
 * For an author domain with no record of its own: the record that applies, from the records the
 * walk found above it (in walk order, nearest first). psd=n makes its domain the organizational
 * domain; psd=y makes the domain one label below it the organizational domain, whose record then
 * applies if it has one, else the public suffix domain's; otherwise the record with the fewest
 * labels does. Null when the walk found none: DMARC does not apply (section 4.10.1).
 */
export function policyDomain<T extends FoundRecord>(author: string, found: T[]): PolicyDomain<T> | null {
  if (found.length === 0) return null;
  const authorLabels = author.toLowerCase().replace(/\.$/, '').split('.');
  for (const record of found) {
    const psd = record.psd?.toLowerCase();
    if (psd === 'n') return { record, organizationalDomain: record.name };
    if (psd === 'y') {
      const below = authorLabels.slice(authorLabels.length - record.name.split('.').length - 1).join('.');
      return { record: found.find((r) => r.name === below) ?? record, organizationalDomain: below };
    }
  }
  const last = found[found.length - 1];
  return { record: last, organizationalDomain: last.name };
}
