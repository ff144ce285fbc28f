// spf-no-ptr-mechanism: no ptr mechanism in an SPF record (deprecated by RFC 7208 §5.5).
import { createRule } from './types.js';
import { extraSpfRecords, parseSpfTerm, publishedSpfRecords } from './util/spf-static.js';

export default createRule({
  id: 'spf-no-ptr-mechanism',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No ptr mechanism in SPF: it is deprecated',
    rationale:
      'RFC 7208 §5.5 says of ptr: "This mechanism SHOULD NOT be published". It is slow (a reverse lookup plus a forward lookup per name), unreliable when rDNS is flaky, costs DNS lookups against the limit of 10 (RFC 7208 §4.6.4), and some large receivers skip it, so it may authorize nothing. The sending IPs are known here (the self-hosted HTTP relay build guide, step 2 (SPF) writes them as ip4:), so an explicit term always works better. Checked in the published record (built by spfTerms) and in SPF records of dns.extraRecords.',
    source: 'RFC 7208 §5.5',
    fix: 'Remove ptr (or ptr:domain) from spf.mechanisms; the sending IPs are already in the record as ip4:/ip6:, and other hosts can be listed with ip4:, a: or include:.',
    examples: {
      invalid: [{ description: 'ptr among the mechanisms', config: 'domain0:\n  spf: { mechanisms: [ptr], all: "-all" }\n' }],
      valid: [{ description: 'Explicit addresses instead', config: 'domain0:\n  spf: { mechanisms: ["ip4:94.130.10.0/28"], all: "-all" }\n' }],
    },
  },
  messages: {
    ptr: '"{{term}}" in the SPF record of {{domain}}: ptr is deprecated (RFC 7208 §5.5) and may authorize nothing; list the hosts with ip4:, ip6:, a: or include:',
  },
  check({ model, views, report }) {
    const records = [
      ...views.spf.map((r) => ({ name: r.name, terms: r.terms, paths: r.paths })),
      ...extraSpfRecords(model).map((r) => ({ name: r.name, terms: r.terms, paths: r.terms.map(() => r.path) })),
    ];
    for (const record of records) {
      record.terms.forEach((term, index) => {
        const parsed = parseSpfTerm(term);
        if (!parsed.modifier && parsed.name === 'ptr') report({ messageId: 'ptr', path: record.paths[index], data: { term, domain: record.name } });
      });
    }
  },
});
