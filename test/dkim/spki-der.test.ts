// The DER fast path for RSA public keys (src/dkim/spki-der.ts) against node:crypto, the authority:
// whatever the fast path accepts, createPublicKey must accept with the same bit length and the same
// DER; what it declines goes to createPublicKey, so declining is always safe.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readRsaSpkiPem } from '../../src/dkim/spki-der.js';

function rsaPem(modulusLength: number, publicExponent = 65537): string {
  return generateKeyPairSync('rsa', { modulusLength, publicExponent }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** What node:crypto says of the text: bits and DER, or null when it refuses (or it is not RSA). */
function cryptoView(text: string): { bits: number; der: string } | null {
  try {
    const key = createPublicKey(text);
    if (key.asymmetricKeyType !== 'rsa') return null;
    return { bits: key.asymmetricKeyDetails!.modulusLength!, der: key.export({ type: 'spki', format: 'der' }).toString('hex') };
  } catch {
    return null;
  }
}

function pemOf(der: Buffer, lineLength = 64): string {
  const lines = der.toString('base64').match(new RegExp(`.{1,${lineLength}}`, 'g'))!;
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** A deterministic pseudo-random sequence, so a failure names a case that can be run again. */
function* randomBytes(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    yield state >> 16;
  }
}

const SIZES = [512, 1023, 1024, 1025, 2048, 3072, 4096];
const KEYS = SIZES.map((bits) => ({ bits, pem: rsaPem(bits) }));

describe('readRsaSpkiPem', () => {
  it.each(KEYS)('reads a $bits-bit key as node:crypto does', ({ bits, pem }) => {
    const fast = readRsaSpkiPem(pem);
    expect(fast?.bits).toBe(bits);
    expect({ bits: fast!.bits, der: fast!.der.toString('hex') }).toEqual(cryptoView(pem));
  });

  it('reads exponent 3, CRLF line ends, 76-character lines and a file without its last newline', () => {
    const der = Buffer.from(rsaPem(2048, 3).replace(/-----[^-]+-----|\s/g, ''), 'base64');
    for (const text of [pemOf(der), pemOf(der).replace(/\n/g, '\r\n'), pemOf(der, 76), pemOf(der).trimEnd()]) {
      const fast = readRsaSpkiPem(text);
      expect(fast?.bits).toBe(2048);
      expect({ bits: fast!.bits, der: fast!.der.toString('hex') }).toEqual(cryptoView(text));
    }
  });

  it('declines what is not one canonical RSA SPKI block, leaving it to node:crypto', () => {
    const pem = KEYS[4]!.pem;
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const ed25519 = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pkcs1 = createPublicKey(pem).export({ type: 'pkcs1', format: 'pem' }).toString();
    const declined = [
      ed25519,
      pkcs1,
      `comment\n${pem}`,
      `${pem}${pem}`,
      pem.replace('MIIB', 'MI!IB'),
      pem.replace('-----END PUBLIC KEY-----', '-----END PUBLIC KEY-----\ntrailing'),
      pemOf(Buffer.concat([der, Buffer.from([0])])), // a byte after the SEQUENCE
      pemOf(der.subarray(0, der.length - 1)), // truncated
      pemOf(Buffer.from(der.toString('hex').replace('0282010100', '028201020000'), 'hex')), // modulus with a needless leading zero (lengths unfixed, so also malformed)
    ];
    for (const text of declined) expect(readRsaSpkiPem(text)).toBeUndefined();
  });

  it('never accepts a mutated key that node:crypto refuses or reads differently (5000 mutations)', () => {
    const bytes = randomBytes(20261130);
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const { pem } = KEYS[i % KEYS.length]!;
      const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      // Mutations that matter to a parser live in the headers: mostly the first 40 bytes, some anywhere.
      const mutated = Buffer.from(der);
      const count = 1 + (bytes.next().value! % 3);
      for (let m = 0; m < count; m++) {
        const at = bytes.next().value! % 4 === 0 ? bytes.next().value! % der.length : bytes.next().value! % 40;
        mutated[at] = bytes.next().value! & 0xff;
      }
      const text = pemOf(mutated);
      const fast = readRsaSpkiPem(text);
      if (!fast) continue;
      accepted++;
      expect({ case: i, bits: fast.bits, der: fast.der.toString('hex') }).toEqual({ case: i, ...cryptoView(text) });
    }
    // Mutations of the modulus body still parse: the comparison above ran on many of them.
    expect(accepted).toBeGreaterThan(500);
  });
});
