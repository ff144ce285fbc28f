// DKIM key generation: RSA >= 2048 bits or Ed25519, keys that sign and verify, the p= value the
// config loader derives, and the dated default selector.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultSelector, generateDkimKeyPair, KeyStrengthError } from '../../src/dkim/generate.js';
import { readDkimPublicKey } from '../../src/dkim/public-key.js';

describe('generateDkimKeyPair', () => {
  test('RSA 2048 by default: PKCS#8 private, SPKI public, p= as the loader reads it', () => {
    const pair = generateDkimKeyPair('rsa');
    expect(pair.bits).toBe(2048);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(pair.privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'relayconf-gen-'));
    writeFileSync(path.join(dir, 'k.pub'), pair.publicKeyPem);
    expect(readDkimPublicKey(path.join(dir, 'k.pub'))).toEqual({ status: 'ok', keyType: 'rsa', bits: 2048, dnsPublicKey: pair.dnsPublicKey });
    rmSync(dir, { recursive: true });
    expect(pair.dnsPublicKey).toHaveLength(392);
    // The two halves belong together.
    const signature = sign('sha256', Buffer.from('message'), pair.privateKeyPem);
    expect(verify('sha256', Buffer.from('message'), createPublicKey(pair.publicKeyPem), signature)).toBe(true);
  });

  test('Ed25519: the raw 32-byte key as p=', () => {
    const pair = generateDkimKeyPair('ed25519');
    expect(pair.bits).toBe(256);
    expect(Buffer.from(pair.dnsPublicKey, 'base64')).toHaveLength(32);
    const signature = sign(null, Buffer.from('message'), pair.privateKeyPem);
    expect(verify(null, Buffer.from('message'), pair.publicKeyPem, signature)).toBe(true);
  });

  test('RSA below 2048 bits is refused, and so is a silly size', () => {
    expect(() => generateDkimKeyPair('rsa', 1024)).toThrow(KeyStrengthError);
    expect(() => generateDkimKeyPair('rsa', 1024)).toThrow('RSA DKIM keys below 2048 bits are refused (got 1024)');
    expect(() => generateDkimKeyPair('rsa', 16384)).toThrow('RSA keys above 8192 bits are not offered');
  });
});

test('defaultSelector names the UTC month', () => {
  expect(defaultSelector(new Date(Date.UTC(2026, 10, 3)))).toBe('mail202611');
  expect(defaultSelector(new Date(Date.UTC(2027, 0, 31, 23, 59)))).toBe('mail202701');
});
