// ip-documentation-range: documentation addresses (RFC 5737, RFC 3849) left in a config.
import { createRule } from './types.js';

export default createRule({
  id: 'ip-documentation-range',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) left in the config',
    rationale:
      'The self-hosted HTTP relay build guide says up front that it "uses example.com, 203.0.113.10 and example-mail-relay so the steps stay reusable" and that you must "replace those names with your own domain, IP, service directory, and sender addresses". The address ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849) are reserved for documentation: no host on the Internet has them, so a config still holding one publishes A records, SPF terms and PTR expectations that can never be right. The rule looks at every identity value (addresses, CIDRs, URLs, SPF terms, extra DNS records, raw Postfix values) and warns rather than fails, so a copied starter config still builds. Reserved names (example.com, .test, .invalid) are reserved-name\'s findings.',
    source: 'the self-hosted HTTP relay build guide, introduction; RFC 5737; RFC 3849',
    fix: 'Replace each documentation address with your own: the public IP of your server, the networks you really trust.',
    examples: {
      invalid: [
        { description: 'The sending IP copied from the guide', config: 'mta:\n  ipv4: 203.0.113.10\n' },
        { description: 'A documentation network in an SPF term', config: 'domain0:\n  spf: { mechanisms: ["ip4:198.51.100.0/28"], all: "-all" }\n' },
      ],
      valid: [{ description: 'Real values only', config: 'mta:\n  ipv4: 94.130.10.20\n' }],
    },
  },
  messages: {
    documentation: '{{hits}} {{verb}} reserved for documentation ({{references}}): no Internet host has it; replace it with your real address',
  },
  check({ views, report }) {
    for (const { path, hits: all } of views.identityHits) {
      const hits = all.filter((hit) => hit.kind === 'address');
      if (hits.length === 0) continue;
      report({
        messageId: 'documentation',
        path,
        data: {
          hits: hits.map((h) => `"${h.text}"`).join(', '),
          verb: hits.length === 1 ? 'is' : 'are',
          references: [...new Set(hits.map((h) => h.reference))].join('; '),
        },
      });
    }
  },
});
