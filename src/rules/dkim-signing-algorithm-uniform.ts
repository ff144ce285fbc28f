// dkim-signing-algorithm-uniform: every signing key is of one type, since OpenDKIM's algorithm is global.
import { createRule } from './types.js';

export default createRule({
  id: 'dkim-signing-algorithm-uniform',
  defaultSeverity: 'error',
  docs: {
    summary: 'All signing selectors use one key type (all RSA or all Ed25519): OpenDKIM signs with one algorithm',
    rationale:
      'OpenDKIM has one SignatureAlgorithm for the whole milter (opendkim.conf(5)), and relayconf writes rsa-sha256 unless every signing key is Ed25519 (the self-hosted HTTP relay build guide, step 4 signs through one OpenDKIM). A domain that signs with an Ed25519 key next to a domain that signs with RSA gets no signature at all: OpenDKIM fails on the key ("EVP_PKEY_get1_RSA() failed") and the mail leaves unsigned, so DMARC rests on SPF alone. RFC 8463 also notes that not every receiver verifies Ed25519 yet, so RSA is the key that must sign.',
    source: 'the self-hosted HTTP relay build guide, step 4; RFC 8463 §4',
    fix: 'Sign every domain with an RSA key (2048 bits). Publish an Ed25519 selector beside it if you like, but keep dkim.signWith on the RSA one.',
    examples: {
      invalid: [
        {
          description: 'One domain signs with RSA, another with Ed25519 (dkim-ed25519-signing, which warns about any Ed25519 signer, is off here)',
          config:
            'domains:\n  - name: acme-mail.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: noreply@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: acme-shop.net\n    returnPath: bounces@acme-shop.net\n    senders: [{ address: noreply@acme-shop.net }]\n    dkim: { signWith: ed202606, selectors: [{ name: ed202606, publicKeyFile: keys/ed25519.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-shop.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\nlint:\n  rules:\n    dkim-ed25519-signing: off\n',
        },
      ],
      valid: [
        {
          description: 'An Ed25519 selector published beside the RSA one that signs',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: ed202606, publicKeyFile: keys/ed25519.pub }\n',
        },
      ],
    },
  },
  messages: {
    mixed: '{{domain}} signs with an {{type}} key while {{others}} sign with {{otherType}}: OpenDKIM has one signing algorithm, so one side would leave unsigned',
  },
  check({ model, report }) {
    const signing = model.domains.map((domain, i) => {
      const j = domain.dkim.selectors.findIndex((s) => s.name === domain.dkim.signWith);
      const key = j >= 0 ? domain.dkim.selectors[j].key : null;
      return { domain: domain.name, i, j, type: key?.status === 'ok' ? key.keyType : null };
    });
    const rsa = signing.filter((s) => s.type === 'rsa');
    const ed = signing.filter((s) => s.type === 'ed25519');
    if (rsa.length === 0 || ed.length === 0) return;
    // The Ed25519 signers are the ones that would lose their signature (relayconf writes rsa-sha256).
    for (const s of ed) {
      report({
        messageId: 'mixed',
        path: ['domains', s.i, 'dkim', 'signWith'],
        data: { domain: s.domain, type: 'Ed25519', others: rsa.map((r) => r.domain).join(', '), otherType: 'RSA' },
      });
    }
  },
});
