// dkim-key-strength: each published DKIM key, read from its file, is RSA >= 2048 bits (or Ed25519 alongside RSA).
import { createRule } from './types.js';
import { signingSelectorIndex } from './util/dkim.js';

export default createRule({
  id: 'dkim-key-strength',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each DKIM public key is RSA of at least 2048 bits (1024-2047 warns, below 1024 fails), read from the key file itself',
    rationale:
      'Seed 01 step 4 and seed 04 generate DKIM keys with 2048 bits (`opendkim-genkey -b 2048`, `openssl genrsa ... 2048`). RFC 8301 §3.2 requires signers to use at least 1024-bit RSA keys and verifiers to reject smaller ones, so a key under 1024 bits yields no valid DKIM signature at all (error); 1024 to 2047 bits still verifies but is below current practice and what Gmail recommends (warning). The size is read from the committed public key with node:crypto, not from a declared number. A key file that is missing or is not a PEM public key is reported here for published selectors that do not sign (the signing selector\'s file is dkim-signing-selector-published\'s finding, a private key is dkim-no-private-key-in-repo\'s). An Ed25519 key (RFC 8463) is strong, but signing with it alone leaves receivers that verify only rsa-sha256 without a valid signature, so a signing selector with an Ed25519 key warns.',
    source: 'seed 01 step 4; seed 04; RFC 8301 §3.2',
    fix: 'Generate a new 2048-bit key under a new dated selector (`opendkim-genkey -b 2048 -s mail202607 -d yourdomain`), commit its public key, publish it, switch signWith to it, and remove the old selector after the TTL and a grace period.',
    examples: {
      invalid: [
        { description: 'A 1024-bit key (warning)', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa1024.pub }\n' },
        { description: 'A 512-bit key (error)', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa512.pub }\n' },
      ],
      valid: [
        {
          description: '2048-bit keys, old and new during rotation',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }\n',
        },
      ],
    },
  },
  messages: {
    weak: 'DKIM key {{file}} of selector {{selector}} is RSA {{bits}} bits: verifiers reject keys under 1024 bits (RFC 8301 §3.2); generate a 2048-bit key',
    short: 'DKIM key {{file}} of selector {{selector}} is RSA {{bits}} bits; use 2048 bits (seed 01 step 4)',
    unreadable: 'DKIM key {{file}} of published selector {{selector}}: {{reason}}; its DNS record cannot be written',
    ed25519Signing: 'selector {{selector}} signs with an Ed25519 key ({{file}}): receivers that verify only rsa-sha256 see no valid signature; sign with a 2048-bit RSA key',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const signingIndex = signingSelectorIndex(domain);
      domain.dkim.selectors.forEach((selector, j) => {
        const path = ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'];
        const data = { file: selector.publicKeyFile, selector: selector.name };
        const key = selector.key;
        const signing = j === signingIndex;
        if (key.status === 'private-key') return; // dkim-no-private-key-in-repo
        if (key.status !== 'ok') {
          if (!signing) report({ messageId: 'unreadable', path, data: { ...data, reason: key.message } });
          return;
        }
        if (key.keyType === 'ed25519') {
          if (signing) report({ messageId: 'ed25519Signing', path, severity: 'warning', data });
          return;
        }
        if (key.bits < 1024) report({ messageId: 'weak', path, severity: 'error', data: { ...data, bits: key.bits } });
        else if (key.bits < 2048) report({ messageId: 'short', path, severity: 'warning', data: { ...data, bits: key.bits } });
      });
    });
  },
});
