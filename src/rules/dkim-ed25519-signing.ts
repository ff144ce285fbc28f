// dkim-ed25519-signing: a signing selector with an Ed25519 key leaves rsa-only verifiers without a valid signature.
import { createRule } from './types.js';
import { signingSelectorIndex } from './util/dkim.js';

export default createRule({
  id: 'dkim-ed25519-signing',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The signing selector has an RSA key: Ed25519 alone is not verified by every receiver',
    rationale:
      'An Ed25519 key (RFC 8463) is strong, but RFC 8463 §4 notes that verifiers may not support it yet: signing with it alone leaves receivers that verify only rsa-sha256 without a valid signature, so DMARC rests on SPF for them. Publishing an Ed25519 selector beside a signing RSA one is fine.',
    source: 'RFC 8463 §4',
    fix: 'Keep dkim.signWith on a 2048-bit RSA selector (`relayconf keygen --domain DOMAIN --selector SELECTOR` makes one); publish the Ed25519 selector beside it.',
    examples: {
      invalid: [{ description: 'Signing with an Ed25519 key', config: 'domain0:\n  dkim:\n    signWith: ed202606\n    selectors:\n      - { name: ed202606, publicKeyFile: keys/ed25519.pub }\n' }],
      valid: [
        {
          description: 'RSA signs, Ed25519 is only published',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: ed202606, publicKeyFile: keys/ed25519.pub }\n',
        },
      ],
    },
  },
  messages: {
    ed25519Signing: 'selector {{selector}} signs with an Ed25519 key ({{file}}): receivers that verify only rsa-sha256 see no valid signature; sign with a 2048-bit RSA key',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const index = signingSelectorIndex(domain);
      const selector = domain.dkim.selectors[index];
      if (selector?.key.status !== 'ok' || selector.key.keyType !== 'ed25519') return;
      report({ messageId: 'ed25519Signing', path: ['domains', i, 'dkim', 'selectors', index, 'publicKeyFile'], data: { file: selector.publicKeyFile, selector: selector.name } });
    });
  },
});
