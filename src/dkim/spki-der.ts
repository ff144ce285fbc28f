// Reads the common case of a DKIM public key file without node:crypto: one PEM "PUBLIC KEY" block
// holding an RSA SubjectPublicKeyInfo (RFC 5280 4.1, RFC 8017 A.1.1) in canonical DER. Anything
// else (Ed25519, PKCS#1 "RSA PUBLIC KEY", a certificate, extra text, a non-canonical encoding)
// returns undefined and node:crypto decides, so this never accepts what createPublicKey would
// refuse or read differently (test/dkim/spki-der.test.ts compares the two on real and mutated keys).

/** The DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');

/** A whole PEM file of one block: armour lines, base64 lines of at most 76 characters, nothing else. */
const PEM_PUBLIC_KEY = /^-----BEGIN PUBLIC KEY-----\r?\n((?:[A-Za-z0-9+/]{1,76}={0,2}\r?\n)+)-----END PUBLIC KEY-----\r?\n?$/;

export interface RsaSpki {
  /** The modulus length in bits, as OpenSSL counts it (BN_num_bits). */
  bits: number;
  /** The DER SubjectPublicKeyInfo, byte for byte what createPublicKey(...).export({ type: 'spki', format: 'der' }) gives. */
  der: Buffer;
}

/** A DER element: its tag, where its content starts and ends. Canonical lengths only. */
interface Element {
  tag: number;
  start: number;
  end: number;
}

function readElement(der: Buffer, offset: number, limit: number): Element | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length >= 0x80) {
    const octets = length - 0x80;
    // Long form: 1 or 2 length octets (an RSA SPKI is under 64 KiB), no leading zero, and only
    // for lengths that the short form cannot say.
    if (octets < 1 || octets > 2 || start + octets > limit || der[start] === 0) return undefined;
    length = octets === 1 ? der[start]! : der.readUInt16BE(start);
    if (length < 0x80) return undefined;
    start += octets;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** A positive INTEGER in minimal encoding: its bit length, or undefined. */
function positiveIntegerBits(der: Buffer, element: Element): number | undefined {
  if (element.tag !== 0x02 || element.end === element.start) return undefined;
  let first = element.start;
  if (der[first]! >= 0x80) return undefined; // negative
  if (der[first] === 0) {
    if (element.end - first === 1 || der[first + 1]! < 0x80) return undefined; // zero, or not minimal
    first += 1;
  }
  return (element.end - first - 1) * 8 + (32 - Math.clz32(der[first]!));
}

/** The RSA key in a PEM public key file, or undefined when node:crypto must decide. */
export function readRsaSpkiPem(text: string): RsaSpki | undefined {
  const match = PEM_PUBLIC_KEY.exec(text);
  if (!match) return undefined;
  const base64 = match[1]!.replace(/\r?\n/g, '');
  const der = Buffer.from(base64, 'base64');
  // Buffer's decoder skips what is not base64; only an exact round trip is this key's text.
  if (der.toString('base64') !== base64) return undefined;

  const spki = readElement(der, 0, der.length);
  if (!spki || spki.tag !== 0x30 || spki.end !== der.length) return undefined;
  const algorithmEnd = spki.start + RSA_ALGORITHM.length;
  if (!der.subarray(spki.start, algorithmEnd).equals(RSA_ALGORITHM)) return undefined;
  const bitString = readElement(der, algorithmEnd, spki.end);
  if (!bitString || bitString.tag !== 0x03 || bitString.end !== spki.end || der[bitString.start] !== 0) return undefined;
  const rsaKey = readElement(der, bitString.start + 1, bitString.end);
  if (!rsaKey || rsaKey.tag !== 0x30 || rsaKey.end !== bitString.end) return undefined;
  const modulus = readElement(der, rsaKey.start, rsaKey.end);
  if (!modulus) return undefined;
  const exponent = readElement(der, modulus.end, rsaKey.end);
  if (!exponent || exponent.end !== rsaKey.end) return undefined;
  const bits = positiveIntegerBits(der, modulus);
  if (bits === undefined || positiveIntegerBits(der, exponent) === undefined) return undefined;
  return { bits, der };
}
