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

/** DER of tag and body, the length in its shortest form. */
function tlv(tag: number, body: Buffer): Buffer {
  const octets: number[] = [];
  for (let rest = body.length; rest > 0; rest >>= 8) octets.unshift(rest & 0xff);
  const length = body.length < 0x80 ? [body.length] : [0x80 + octets.length, ...octets];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

/** An RSA SPKI built from raw INTEGER contents (so zero, negative and oversized values can be made); `extra` goes after the RSAPublicKey inside the BIT STRING. */
function spki(modulus: Buffer, exponent: Buffer, extra = Buffer.alloc(0)): Buffer {
  const rsaKey = tlv(0x30, Buffer.concat([tlv(0x02, modulus), tlv(0x02, exponent)]));
  return tlv(0x30, Buffer.concat([Buffer.from('300d06092a864886f70d0101010500', 'hex'), tlv(0x03, Buffer.concat([Buffer.from([0]), rsaKey, extra]))]));
}

/** `bytes` bytes of modulus starting with `first`, odd. */
function modulusOf(bytes: number, first: number): Buffer {
  const modulus = Buffer.alloc(bytes, 0xa7);
  modulus[0] = first;
  modulus[bytes - 1]! |= 1;
  return modulus;
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

  it('agrees with node:crypto on crafted keys: odd sizes, exponent 1 or even, 16384 bits and more, long-form lengths', () => {
    const e = Buffer.from([1, 0, 1]);
    const withZero = (bytes: number) => Buffer.concat([Buffer.from([0]), modulusOf(bytes, 0xc3)]);
    const accepted: [string, Buffer, number][] = [
      ['modulus 1', spki(Buffer.from([1]), e), 1],
      ['modulus 0x7f (short-form lengths throughout)', spki(Buffer.from([0x7f]), e), 7],
      ['modulus 0x80 after its sign octet', spki(Buffer.from([0, 0x80]), e), 8],
      ['exponent 1', spki(withZero(256), Buffer.from([1])), 2048],
      ['exponent 2', spki(withZero(256), Buffer.from([2])), 2048],
      ['exponent 0xff after its sign octet', spki(withZero(256), Buffer.from([0, 0xff])), 2048],
      ['exponent larger than the modulus', spki(modulusOf(128, 0x41), modulusOf(200, 0x7f)), 1023],
      ['1-octet long-form lengths (a 1000-bit modulus)', spki(withZero(125), e), 1000],
      ['RSA 16384', spki(withZero(2048), e), 16384],
      ['RSA 16392, past OpenSSL\'s RSA operations limit', spki(withZero(2049), e), 16392],
      ['a 60000-byte modulus, the largest 2-octet lengths', spki(modulusOf(60000, 0x41), e), 479999],
    ];
    for (const [name, der, bits] of accepted) {
      const text = pemOf(der);
      const fast = readRsaSpkiPem(text);
      expect({ name, bits: fast?.bits }).toEqual({ name, bits });
      expect({ name, bits: fast!.bits, der: fast!.der.toString('hex') }).toEqual({ name, ...cryptoView(text) });
    }
    const declined: [string, Buffer][] = [
      ['modulus zero', spki(Buffer.from([0]), e)],
      ['negative modulus', spki(modulusOf(256, 0xc3), e)],
      ['negative exponent', spki(withZero(256), Buffer.from([0xff]))],
      ['empty exponent', spki(withZero(256), Buffer.alloc(0))],
      ['data after the RSAPublicKey inside the BIT STRING', spki(withZero(256), e, Buffer.from([0x05, 0x00]))],
      ['3-octet lengths (a modulus of 65536 bytes)', spki(withZero(65536), e)],
    ];
    for (const [name, der] of declined) expect({ name, fast: readRsaSpkiPem(pemOf(der)) }).toEqual({ name, fast: undefined });
  });

  it('agrees with node:crypto on every base64 line length it accepts, and declines padding inside or non-zero spare bits', () => {
    const der = Buffer.from(KEYS[0]!.pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const acceptedLengths: number[] = [];
    for (let length = 1; length <= 76; length++) {
      const text = pemOf(der, length);
      const fast = readRsaSpkiPem(text);
      // Declining is always safe (a line of padding alone, say); accepting must be crypto's answer.
      if (!fast) continue;
      acceptedLengths.push(length);
      expect({ length, bits: fast.bits, der: fast.der.toString('hex') }).toEqual({ length, ...cryptoView(text) });
    }
    // Declined: exactly the lengths that leave a last line of padding alone (this body ends in "==").
    const body64 = der.toString('base64');
    expect(body64.endsWith('==')).toBe(true);
    const paddingAlone = (length: number) => body64.match(new RegExp(`.{1,${length}}`, 'g'))!.some((line) => /^=+$/.test(line));
    expect(acceptedLengths).toEqual(Array.from({ length: 76 }, (_, i) => i + 1).filter((length) => !paddingAlone(length)));
    expect(readRsaSpkiPem(pemOf(der, 77))).toBeUndefined();
    const body = der.toString('base64');
    const split = `-----BEGIN PUBLIC KEY-----\n${body.slice(0, 8)}==\n${body.slice(8)}\n-----END PUBLIC KEY-----\n`;
    expect(readRsaSpkiPem(split)).toBeUndefined();
    // 94 bytes of DER end in a base64 quantum with 4 spare bits; a non-zero spare bit is another text for the same bytes.
    const short = der.subarray(0, 94);
    const canonical = short.toString('base64');
    const spare = `${canonical.slice(0, -3)}${String.fromCharCode(canonical.charCodeAt(canonical.length - 3) + 1)}==`;
    expect(Buffer.from(spare, 'base64')).toEqual(short);
    expect(readRsaSpkiPem(`-----BEGIN PUBLIC KEY-----\n${spare}\n-----END PUBLIC KEY-----\n`)).toBeUndefined();
  });
});

