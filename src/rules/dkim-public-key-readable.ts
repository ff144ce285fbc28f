// dkim-public-key-readable: every published selector's public key file exists and is a PEM public key.
import { createRule } from './types.js';
import { keygenCommand } from './util/dkim.js';

export default createRule({
  id: 'dkim-public-key-readable',
  defaultSeverity: 'error',
  docs: {
    summary: "Each DKIM selector's publicKeyFile exists and holds a PEM public key, so its DNS record can be written",
    rationale:
      'A DKIM selector is published as a TXT record at SELECTOR._domainkey.DOMAIN holding the public key (RFC 6376 §3.6.1). relayconf reads that key from the committed publicKeyFile: when the file is missing or is not a PEM public key, no record can be written, so receivers cannot verify signatures made with that selector (the signing one fails DKIM at once; a published one fails the day it signs). A private key in place of the public one is dkim-no-private-key-in-repo\'s finding.',
    source: 'RFC 6376 §3.6.1',
    fix: 'Generate the pair with `relayconf keygen --domain DOMAIN --selector SELECTOR` in the config\'s directory: it writes keys/DOMAIN/SELECTOR.pub (commit it) and keeps the private key outside the repository.',
    examples: {
      invalid: [
        { description: 'The signing key file is missing', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/missing.pub }\n' },
        {
          description: 'A published selector whose file is not a key',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202607, publicKeyFile: keys/garbage.pub }\n',
        },
      ],
      valid: [{ description: 'Both keys are committed', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202607, publicKeyFile: keys/rsa2048-b.pub }\n' }],
    },
  },
  messages: {
    missing: 'the public key {{file}} of DKIM selector {{selector}} ({{domain}}) {{reason}}: run `{{command}}` to generate the pair',
    unparsable: 'the public key {{file}} of DKIM selector {{selector}} ({{domain}}) is {{reason}}: replace it with the public half, or run `{{command}}` for a new pair',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        const { key } = selector;
        if (key.status !== 'missing' && key.status !== 'unparsable') return;
        const path = ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'];
        const data = { file: selector.publicKeyFile, selector: selector.name, domain: domain.name };
        if (key.status === 'missing') {
          const reason = key.message === 'file not found' ? 'does not exist' : `cannot be read (${key.message})`;
          report({ messageId: 'missing', path, data: { ...data, reason, command: keygenCommand(domain.name, selector.name, selector.publicKeyFile) } });
        } else {
          report({ messageId: 'unparsable', path, data: { ...data, reason: key.message, command: keygenCommand(domain.name, selector.name, selector.publicKeyFile, ' --force') } });
        }
      });
    });
  },
});
