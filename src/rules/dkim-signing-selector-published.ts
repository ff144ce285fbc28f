// dkim-signing-selector-published: the selector OpenDKIM signs with is published, with a readable public key.
import { createRule } from './types.js';
import { closest } from '../util/closest.js';
import { signingSelectorIndex } from './util/dkim.js';

export default createRule({
  id: 'dkim-signing-selector-published',
  defaultSeverity: 'error',
  docs: {
    summary: 'The selector that signs (dkim.signWith) is one of the published selectors, and its key file exists and parses',
    rationale:
      'Seed 01 step 4: OpenDKIM signs with the key named in its KeyTable ("mail202606._domainkey.example.com -> example.com:mail202606:...private") and receivers verify the signature against the TXT record at that selector ("dkim=pass header.i=@example.com"). If the signing selector is not among the published ones, or its public key file is missing or is not a PEM public key (so no record can be written), every message carries a signature nobody can verify: DKIM fails and DMARC has only SPF left. This is also the rotation mistake of removing the old selector while it still signs (seed 01 step 13: delete old DKIM selectors only after validation). A private key in place of the public one is dkim-no-private-key-in-repo\'s finding.',
    source: 'seed 01 step 4',
    fix: 'Point dkim.signWith at a selector listed in dkim.selectors, and commit that selector\'s PEM public key at its publicKeyFile (`openssl rsa -in mail202606.private -pubout -out keys/yourdomain/mail202606.pub`).',
    examples: {
      invalid: [
        { description: 'Signing with a selector that is not published', config: 'domain0:\n  dkim:\n    signWith: mail202607\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n' },
        { description: 'The signing key file is missing', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/missing.pub }\n' },
        { description: 'The signing key file is not a key', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/garbage.pub }\n' },
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
    keyUnreadable: 'the signing selector {{selector}} of {{domain}} has no usable public key at {{file}}: {{reason}}; no DNS record can be published for it, so its signatures cannot be verified',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const index = signingSelectorIndex(domain);
      if (index < 0) {
        const names = domain.dkim.selectors.map((s) => s.name);
        const near = closest(domain.dkim.signWith, names);
        report({
          messageId: 'notPublished',
          path: ['domains', i, 'dkim', 'signWith'],
          data: { selector: domain.dkim.signWith, domain: domain.name, published: names.join(', '), suggestion: near ? ` (did you mean "${near}"?)` : '' },
        });
        return;
      }
      const selector = domain.dkim.selectors[index];
      if (selector.key.status === 'missing' || selector.key.status === 'unparsable') {
        report({
          messageId: 'keyUnreadable',
          path: ['domains', i, 'dkim', 'selectors', index, 'publicKeyFile'],
          data: { selector: selector.name, domain: domain.name, file: selector.publicKeyFile, reason: selector.key.message },
        });
      }
    });
  },
});
