// dkim-key-short: RSA DKIM keys of 1024 to 2047 bits still verify but are below current practice.
import { createRule } from './types.js';

export default createRule({
  id: 'dkim-key-short',
  defaultSeverity: 'warning',
  docs: {
    summary: 'DKIM RSA keys have 2048 bits: 1024 to 2047 still verify but are below current practice',
    rationale:
      'The self-hosted HTTP relay build guide generates 2048-bit DKIM keys. RFC 8301 §3.2 sets 1024 bits as the floor verifiers accept and says signers SHOULD use at least 2048 bits; large receivers recommend 2048. A shorter key still verifies today, so this warns; a key under 1024 bits is dkim-key-strength\'s error.',
    source: 'the self-hosted HTTP relay build guide, step 4; RFC 8301 §3.2',
    fix: 'Generate a 2048-bit key under a new dated selector with `relayconf keygen --domain DOMAIN --selector mail202607`, publish it, switch signWith to it, and remove the old selector after the TTL and a grace period.',
    examples: {
      invalid: [{ description: 'A 1024-bit key', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa1024.pub }\n' }],
      valid: [{ description: 'A 2048-bit key', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n' }],
    },
  },
  messages: {
    short: 'DKIM key {{file}} of selector {{selector}} is RSA {{bits}} bits; use 2048 bits (RFC 8301 §3.2): `relayconf keygen --domain {{domain}} --selector NEW`',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        const { key } = selector;
        if (key.status !== 'ok' || key.keyType !== 'rsa' || key.bits < 1024 || key.bits >= 2048) return;
        report({ messageId: 'short', path: ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'], data: { file: selector.publicKeyFile, selector: selector.name, domain: domain.name, bits: key.bits } });
      });
    });
  },
});
