// reserved-name: names RFC 2606 and RFC 6761 reserve (example.com, .example, .test, .invalid, .localhost) left in a config.
import { createRule } from './types.js';
import type { ReservedPurpose } from './util/dns-name.js';
import type { DocumentationHit } from './util/documentation-values.js';

export default createRule({
  id: 'reserved-name',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No reserved name (example.com/.net/.org, .example, .test, .invalid, .localhost) left in the config',
    rationale:
      'RFC 2606 §3 reserves example.com, example.net and example.org, and RFC 2606 §2 with RFC 6761 §6 reserves four TLDs, each for its own purpose: .example for documentation, .test for testing, .invalid for names that must never resolve, .localhost for the local host. None of them can be a real sending domain, MX, SPF include or HELO name on the Internet: records published for them are never looked up, and mail claiming them fails every check. The self-hosted HTTP relay build guide writes example.com so its steps stay reusable and asks you to replace it. The rule looks at every identity value (hosts, e-mail addresses, URLs, SPF terms, extra DNS records, raw Postfix values) and warns rather than fails, so a starter config for a test lab still builds.',
    source: 'RFC 2606 §2, §3; RFC 6761 §6.2-§6.5',
    fix: 'Replace each reserved name with a name in a domain you control: your sending domain, your real MX hosts and includes.',
    examples: {
      invalid: [
        { description: 'An example.com MX host', config: 'domain0:\n  mx:\n    - { priority: 10, host: mx.example.com }\n' },
        { description: 'An SPF include under the testing TLD', config: 'domain0:\n  spf: { include: [_spf.mailer.test] }\n' },
      ],
      valid: [{ description: 'Real names only', config: 'domain0:\n  mx:\n    - { priority: 10, host: mx1.acme-mail.net }\n' }],
    },
  },
  // One message per purpose, ids equal to ReservedPurpose, so a name's purpose picks its message.
  messages: {
    documentation: '{{hits}} {{verb}} reserved for documentation ({{references}}): nobody can publish records for it; use a name in your own domain',
    testing: '{{hits}} {{verb}} reserved for testing ({{references}}): it never resolves on the Internet; use a name in your own domain',
    invalid: '{{hits}} {{verb}} reserved to be invalid ({{references}}): it can never resolve; use a name in your own domain',
    loopback: '{{hits}} {{verb}} under .localhost ({{references}}): it always means the local host; use a name in your own domain',
  },
  check({ views, report }) {
    for (const { path, hits } of views.identityHits) {
      const byPurpose = new Map<ReservedPurpose, DocumentationHit[]>();
      for (const hit of hits) {
        if (hit.kind === 'address') continue; // ip-documentation-range
        byPurpose.set(hit.kind, [...(byPurpose.get(hit.kind) ?? []), hit]);
      }
      for (const [purpose, hits] of byPurpose) {
        report({
          messageId: purpose,
          path,
          data: {
            hits: hits.map((h) => `"${h.text}"`).join(', '),
            verb: hits.length === 1 ? 'is' : 'are',
            references: [...new Set(hits.map((h) => h.reference))].join('; '),
          },
        });
      }
    }
  },
});
