// dkim-no-private-key-in-repo: no private key in the config or in a key file it references.
import { nodeCrypto } from '../util/node-crypto.js';
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';

/** PEM armour of any private key: PKCS#8, PKCS#1 RSA, SEC1 EC, encrypted PKCS#8, OpenSSH. */
const PEM_PRIVATE = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/** True when `text` is bare base64 of a DER private key (what `p=` would hold if the wrong half were pasted). */
function isBase64PrivateKey(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return false;
  const der = Buffer.from(compact, 'base64');
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      nodeCrypto().createPrivateKey({ key: der, format: 'der', type });
      return true;
    } catch {
      /* not this encoding */
    }
  }
  return false;
}

/** Keys of the model that are derived, not written in the file (absolute paths, parsed key facts). */
const DERIVED = new Set(['configDir', 'publicKeyPath', 'key']);

/** Every string value of the model with its key path (model paths mirror the file's). */
function* strings(value: unknown, path: KeyPath): Generator<{ path: KeyPath; value: string }> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) if (!DERIVED.has(key)) yield* strings(child, [...path, key]);
  }
}

export default createRule({
  id: 'dkim-no-private-key-in-repo',
  defaultSeverity: 'error',
  docs: {
    summary: 'No private key in the config or in a key file it references',
    rationale:
      'The self-hosted HTTP relay build guide, step 8: "The deployment script can live in a repository. The environment file should stay on the server." and step 4 keeps the signing key on the VPS (/etc/opendkim/keys/example.com/mail202606.private). The config is committed; a DKIM private key in it, or in the file a selector\'s publicKeyFile points at (opendkim-genkey writes mail202606.private right beside mail202606.txt, the notes The Postfix Mail Server (2019)), lets anyone with the repository sign mail as the domain. The key file is read and recognised when normalizing; every string value of the config is searched for PEM private-key armour and for bare base64 that node:crypto parses as a DER private key.',
    source: 'the self-hosted HTTP relay build guide, step 8; the self-hosted HTTP relay build guide, step 4; the notes The Postfix Mail Server (2019)',
    fix: 'Remove the private key from the repository and its history, and rotate: a key that was committed is compromised. `relayconf keygen --domain DOMAIN --selector NEW` writes a new pair with the private key outside the repository and the public one where the config points; switch signWith to it once published.',
    examples: {
      invalid: [
        { description: 'publicKeyFile points at a private key', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/private.pem }\n' },
        {
          description: 'A PEM private key pasted into a raw value (its lines joined by spaces)',
          config: 'postfix:\n  parameters:\n    smtp_tls_cert_file: "-----BEGIN PRIVATE KEY----- MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA -----END PRIVATE KEY-----"\n',
        },
      ],
      valid: [{ description: 'Only the public key is committed', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n' }],
    },
  },
  messages: {
    keyFile: 'publicKeyFile {{file}} of selector {{selector}} holds a PRIVATE key: commit only the public half, and rotate the key since it has been exposed',
    inline: 'this value holds a private key ({{what}}): private keys stay on the server, never in the committed config; remove it and rotate the key',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        if (selector.key.status === 'private-key') {
          report({ messageId: 'keyFile', path: ['domains', i, 'dkim', 'selectors', j, 'publicKeyFile'], data: { file: selector.publicKeyFile, selector: selector.name } });
        }
      });
    });
    const { lint: _lint, ...content } = model;
    for (const { path, value } of strings(content, [])) {
      if (PEM_PRIVATE.test(value)) report({ messageId: 'inline', path, data: { what: 'PEM private-key armour' } });
      else if (isBase64PrivateKey(value)) report({ messageId: 'inline', path, data: { what: 'base64 of a DER private key' } });
    }
  },
});
