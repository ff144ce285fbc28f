// spf-lookup-limit: at most 10 DNS-querying terms per SPF record, counted statically (RFC 7208 §4.6.4).
import { createRule } from './types.js';
import { isLookupTerm } from '../dns/spf.js';
import { extraSpfRecords, publishedSpfRecords } from './util/spf-static.js';

const LIMIT = 10;

export default createRule({
  id: 'spf-lookup-limit',
  defaultSeverity: 'error',
  docs: {
    summary: 'At most 10 DNS-querying terms (include, a, mx, ptr, exists, redirect) per SPF record, counted statically',
    rationale:
      'RFC 7208 §4.6.4: a receiver evaluating SPF stops with "permerror" once the mechanisms and modifiers that cause DNS queries (include, a, mx, ptr, exists and redirect) exceed 10, and a permerror is no SPF pass at all, so DMARC can only rely on DKIM. The count here runs over the terms of the record relayconf publishes, built by the same spfTerms function the zone output uses, plus any SPF record in dns.extraRecords. It is static: each include: counts as 1 and its own nested lookups are not followed, because that needs live DNS; `relayconf check-dns` counts recursively against the published records. A static count above 10 is therefore certain to fail, and one at 10 or below can still fail live.',
    source: 'RFC 7208 §4.6.4',
    fix: 'Remove includes of services that no longer send for the domain (the self-hosted HTTP relay build guide, step 13 cleanup: "old SPF includes"), replace a/mx terms by the ip4:/ip6: addresses they stand for, and drop ptr (deprecated, see spf-no-ptr-mechanism).',
    examples: {
      invalid: [
        {
          description: 'Eleven includes',
          config:
            'domain0:\n  spf:\n    include: [s1.spf-vendor.net, s2.spf-vendor.net, s3.spf-vendor.net, s4.spf-vendor.net, s5.spf-vendor.net, s6.spf-vendor.net, s7.spf-vendor.net, s8.spf-vendor.net, s9.spf-vendor.net, s10.spf-vendor.net, s11.spf-vendor.net]\n    all: "-all"\n',
        },
      ],
      valid: [
        {
          description: 'Ten lookups: includes plus a and mx',
          config:
            'domain0:\n  spf:\n    include: [s1.spf-vendor.net, s2.spf-vendor.net, s3.spf-vendor.net, s4.spf-vendor.net, s5.spf-vendor.net, s6.spf-vendor.net, s7.spf-vendor.net, s8.spf-vendor.net]\n    mechanisms: [a, mx]\n    all: "-all"\n',
        },
      ],
    },
  },
  messages: {
    tooMany: 'the SPF record of {{domain}} needs {{count}} DNS lookups counted statically (each include: counts 1, nested lookups come on top); RFC 7208 §4.6.4 allows 10, so receivers return permerror from "{{term}}" on',
  },
  check({ model, views, report }) {
    const records = [
      ...views.spf.map((r) => ({ name: r.name, terms: r.terms, paths: r.paths })),
      ...extraSpfRecords(model).map((r) => ({ name: r.name, terms: r.terms, paths: r.terms.map(() => r.path) })),
    ];
    for (const record of records) {
      const lookups = record.terms.map((term, index) => ({ term, index })).filter(({ term }) => isLookupTerm(term));
      if (lookups.length <= LIMIT) continue;
      // Point at the term that crosses the limit: the 11th lookup.
      const first = lookups[LIMIT];
      report({ messageId: 'tooMany', path: record.paths[first.index], data: { domain: record.name, count: lookups.length, term: first.term } });
    }
  },
});
