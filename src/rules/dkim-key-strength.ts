// dkim-key-strength: no DKIM key under 1024 bits, which verifiers must reject (RFC 8301 §3.2).
import { createRule } from './types.js';

export default createRule({
  id: 'dkim-key-strength',
  defaultSeverity: 'error',
  docs: {
    summary: 'No DKIM public key is RSA under 1024 bits (verifiers reject them), read from the key file itself',
    rationale:
      'RFC 8301 §3.2 requires signers to use RSA keys of at least 1024 bits and verifiers to reject smaller ones, so a selector with a smaller key yields no valid DKIM signature at all. The size is read from the committed public key itself (the bit length of its RSA modulus), not from a declared number. Keys of 1024 to 2047 bits are dkim-key-short\'s (a warning); this rule is only the hard floor, so relaxing that one never hides this.',
    source: 'RFC 8301 §3.2',
    fix: 'Generate a 2048-bit key under a new dated selector with `relayconf keygen --domain DOMAIN --selector mail202607`, publish it, switch signWith to it, and remove the old selector after the TTL and a grace period.',
    examples: {
      invalid: [{ description: 'A 512-bit key', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa512.pub }\n' }],
      valid: [
        {
          description: '2048-bit keys, old and new during rotation',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }\n',
        },
      ],
    },
  },
  messages: {
    weak: 'DKIM key {{file}} of selector {{selector}} is RSA {{bits}} bits: verifiers reject keys under 1024 bits (RFC 8301 §3.2); run `relayconf keygen --domain {{domain}} --selector NEW` for a 2048-bit key',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        const { key } = selector;
        if (key.status !== 'ok' || key.keyType !== 'rsa' || key.bits >= 1024) return;
        report({ messageId: 'weak', path: ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'], data: { file: selector.publicKeyFile, selector: selector.name, domain: domain.name, bits: key.bits } });
      });
    });
  },
});
