// dkim-signing-selector-published: the selector OpenDKIM signs with is one of the published selectors.
import { createRule } from './types.js';
import { closest } from '../util/closest.js';
import { signingSelectorIndex } from './util/dkim.js';

export default createRule({
  id: 'dkim-signing-selector-published',
  defaultSeverity: 'error',
  docs: {
    summary: 'The selector that signs (dkim.signWith) is one of the published selectors',
    rationale:
      'The self-hosted HTTP relay build guide, step 4: OpenDKIM signs with the key named in its KeyTable ("mail202606._domainkey.example.com -> example.com:mail202606:...private") and receivers verify the signature against the TXT record at that selector ("dkim=pass header.i=@example.com"). If the signing selector is not among the published ones, every message carries a signature nobody can verify: DKIM fails and DMARC has only SPF left. This is also the rotation mistake of removing the old selector while it still signs (the self-hosted HTTP relay build guide, step 13: delete old DKIM selectors only after validation). A signing selector whose key file is missing or unreadable is dkim-public-key-readable\'s finding.',
    source: 'the self-hosted HTTP relay build guide, step 4',
    fix: 'Point dkim.signWith at a selector listed in dkim.selectors. For a new selector, `relayconf keygen --domain DOMAIN --selector SELECTOR` writes its key pair and prints the entry to add.',
    examples: {
      invalid: [
        { description: 'Signing with a selector that is not published', config: 'domain0:\n  dkim:\n    signWith: mail202607\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n' },
      ],
      valid: [
        {
          description: 'Signing with the new selector while the old one stays published',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }\n',
        },
      ],
    },
  },
  messages: {
    notPublished: 'dkim.signWith "{{selector}}" of {{domain}} is not among the published selectors ({{published}}){{suggestion}}: receivers cannot verify its signatures',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const index = signingSelectorIndex(domain);
      // A missing or unreadable key of the signing selector is dkim-public-key-readable's.
      if (index < 0) {
        const names = domain.dkim.selectors.map((s) => s.name);
        const near = closest(domain.dkim.signWith, names);
        report({
          messageId: 'notPublished',
          path: ['domains', i, 'dkim', 'signWith'],
          data: { selector: domain.dkim.signWith, domain: domain.name, published: names.join(', '), suggestion: near ? ` (did you mean "${near}"?)` : '' },
        });
      }
    });
  },
});
