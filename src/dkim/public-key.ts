// Reads a DKIM public key file and derives what DNS publishes (the p= value): a plain RSA key by
// its DER (spki-der.ts), any other text by node:crypto, which decides what is a key.
import type { KeyObject } from 'node:crypto';
import type { DkimKeyInfo } from '../config/model.js';
import { nodeCrypto } from '../util/node-crypto.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { readRsaSpkiPem } from './spki-der.js';

/** A PEM public key is well under 2 KiB even at RSA 8192; anything near this cap is not a key. */
export const PUBLIC_KEY_MAX_BYTES = 64 * 1024;

/** The p= value for a public key: base64 DER SPKI for RSA (RFC 6376 3.6.1), raw key for Ed25519 (RFC 8463). */
export function dnsPublicKeyValue(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  // An Ed25519 SPKI is a fixed 12-byte header followed by the 32-byte key; DNS carries the key alone.
  return key.asymmetricKeyType === 'ed25519' ? der.subarray(der.length - 32).toString('base64') : der.toString('base64');
}

export function readDkimPublicKey(file: string): DkimKeyInfo {
  const read = readRegularFile(file, PUBLIC_KEY_MAX_BYTES);
  return read.ok ? parseDkimPublicKey(read.text) : unread(read.reason, read.message);
}

function unread(reason: string, message: string): DkimKeyInfo {
  // A missing key is a rule's business (dkim-signing-selector-published); a FIFO, a device or a huge file is refused at the door.
  return reason === 'missing' ? { status: 'missing', message: 'file not found' } : { status: 'refused', message };
}

/**
 * A reader for one config load: each key file is read once (two selectors naming one path share
 * what was read, so they cannot see two versions of a file changed mid-run), and each distinct
 * content is parsed once (the same key under two names, or copied per domain, is one parse).
 * Keyed by content, never by name alone, so it holds no stale answer for a file that changed.
 */
export function dkimKeyReader(): (file: string) => DkimKeyInfo {
  const byPath = new Map<string, DkimKeyInfo>();
  const byText = new Map<string, DkimKeyInfo>();
  return (file) => {
    let info = byPath.get(file);
    if (info) return info;
    const read = readRegularFile(file, PUBLIC_KEY_MAX_BYTES);
    if (read.ok) {
      info = byText.get(read.text);
      if (!info) byText.set(read.text, (info = parseDkimPublicKey(read.text)));
    } else info = unread(read.reason, read.message);
    byPath.set(file, info);
    return info;
  };
}

/** What DNS publishes for the text of a public key file, or why it is not one. */
export function parseDkimPublicKey(text: string): DkimKeyInfo {
  // A private key must never sit beside the config (the self-hosted HTTP relay build guide, step 8): say so rather than parse it.
  if (/-----BEGIN (RSA |EC |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/.test(text)) {
    return { status: 'private-key', message: 'the file holds a PRIVATE key; commit only the public key' };
  }
  const rsa = readRsaSpkiPem(text);
  if (rsa) return { status: 'ok', keyType: 'rsa', bits: rsa.bits, dnsPublicKey: rsa.der.toString('base64') };
  let key: KeyObject;
  try {
    key = nodeCrypto().createPublicKey(text);
  } catch (error) {
    return { status: 'unparsable', message: `not a PEM public key (${(error as Error).message})` };
  }
  const type = key.asymmetricKeyType;
  if (type === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return { status: 'ok', keyType: 'rsa', bits, dnsPublicKey: dnsPublicKeyValue(key) };
  }
  if (type === 'ed25519') return { status: 'ok', keyType: 'ed25519', bits: 256, dnsPublicKey: dnsPublicKeyValue(key) };
  return { status: 'unparsable', message: `DKIM keys are rsa or ed25519, this one is ${type ?? 'unknown'}` };
}
