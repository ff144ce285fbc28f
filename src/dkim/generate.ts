// Generates DKIM key pairs with node:crypto: RSA (2048 bits or more, the self-hosted HTTP relay build guide, step 4) or Ed25519
// (RFC 8463), as PEM files OpenDKIM reads, plus the dated default selector (mail202611).
import { generateKeyPairSync } from 'node:crypto';
import { dnsPublicKeyValue } from './public-key.js';

export type DkimKeyType = 'rsa' | 'ed25519';

/** Below this receivers treat RSA DKIM keys as weak or ignore them (the self-hosted HTTP relay build guide, step 4, RFC 8301 3.2). */
export const MIN_RSA_BITS = 2048;
/** Above this the TXT record gets unwieldy and signing slow; no receiver asks for more. */
export const MAX_RSA_BITS = 8192;

export interface DkimKeyPair {
  type: DkimKeyType;
  /** RSA modulus bits; 256 for Ed25519. */
  bits: number;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"): what OpenDKIM's KeyTable points at. */
  privateKeyPem: string;
  /** SPKI PEM ("BEGIN PUBLIC KEY"): the file the config's publicKeyFile names. */
  publicKeyPem: string;
  /** The DNS p= value, computed the way the config loader does. */
  dnsPublicKey: string;
}

/** Thrown for a key the tool refuses to make (RSA under 2048 bits): a usage error for the CLI. */
export class KeyStrengthError extends Error {}

export function generateDkimKeyPair(type: DkimKeyType, bits: number = MIN_RSA_BITS): DkimKeyPair {
  if (type === 'rsa') {
    if (!Number.isInteger(bits) || bits < MIN_RSA_BITS) {
      throw new KeyStrengthError(
        `RSA DKIM keys below ${MIN_RSA_BITS} bits are refused (got ${bits}): receivers treat them as weak or ignore the signature (the self-hosted HTTP relay build guide, step 4, RFC 8301); use --bits ${MIN_RSA_BITS} or more`,
      );
    }
    if (bits > MAX_RSA_BITS) throw new KeyStrengthError(`RSA keys above ${MAX_RSA_BITS} bits are not offered (got ${bits}); ${MIN_RSA_BITS} or 4096 is plenty`);
    const pair = generateKeyPairSync('rsa', { modulusLength: bits });
    return {
      type,
      bits,
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      dnsPublicKey: dnsPublicKeyValue(pair.publicKey),
    };
  }
  const pair = generateKeyPairSync('ed25519');
  return {
    type,
    bits: 256,
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    dnsPublicKey: dnsPublicKeyValue(pair.publicKey),
  };
}

/** Selectors named by month make rotation visible (the self-hosted HTTP relay build guide, step 2, DKIM): mail202611 for November 2026 (UTC). */
export function defaultSelector(date: Date = new Date()): string {
  return `mail${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
