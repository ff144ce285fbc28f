// Tests the secret recogniser behind relay-token-not-in-config: what counts, what does not.
import { describe, expect, it } from 'vitest';
import { entropy, findSecret, isPlaceholder } from '../../../src/rules/postfix-util/secrets.js';

describe('findSecret', () => {
  it('finds the seeds\' secrets', () => {
    expect(findSecret('SMTP_RELAY_TOKEN=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo')?.kind).toBe('a value for SMTP_RELAY_TOKEN'); // seed 01 step 8
    expect(findSecret('CF-Access-Client-Secret: 3c1f0e9a7b')?.kind).toBe('a value for CF-Access-Client-Secret'); // seed 01 step 9
    expect(findSecret('Authorization: Bearer abcdefgh12345678')?.kind).toBe('a bearer token'); // seed 01 step 5
    expect(findSecret('static:AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG', { name: 'smtp_sasl_password_maps' })?.kind).toBe(
      'a password in a static: map',
    ); // seed 02's SES credentials
    expect(findSecret('inline:{ [smtp.x.net]:587 = apikey:pw1234 }', { name: 'smtp_sasl_password_maps' })?.kind).toBe('a password in a inline: map');
    expect(findSecret('0123456789abcdef0123456789abcdef01234567')?.kind).toBe('a long random-looking string'); // openssl rand -hex
  });

  it('leaves ordinary config values alone', () => {
    for (const value of [
      'mail.example.com',
      '/var/spool/example-mail-relay',
      'keys/example.com/mail202606.pub',
      '_spf.mx.cloudflare.net',
      'permit_mynetworks, reject_unauth_destination',
      'hash:/etc/postfix/sasl_passwd',
      'https://app.example.com/.well-known/bimi/logo.svg',
      'Bearer <relay-token>',
      'SMTP_RELAY_TOKEN=<long-random-token>',
      '/etc/opendkim/keys/example-mail-relay-production/mail202606',
      'static:smtp:[relay.example.net]:587',
    ]) {
      expect(findSecret(value), value).toBeUndefined();
    }
    // A PEM block is dkim-no-private-key-in-repo's finding, not a token.
    expect(findSecret('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----')).toBeUndefined();
  });

  it('knows placeholders and measures entropy', () => {
    expect(isPlaceholder('<long-random-token>')).toBe(true);
    expect(isPlaceholder('${SMTP_RELAY_TOKEN}')).toBe(true);
    expect(isPlaceholder('xxxx')).toBe(true);
    expect(isPlaceholder('hunter22')).toBe(false);
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
});
