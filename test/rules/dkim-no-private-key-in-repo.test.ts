import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-no-private-key-in-repo.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-no-private-key-in-repo';

describe('dkim-no-private-key-in-repo', () => {
  it('flags a publicKeyFile that holds a private key', () => {
    const r = lint('domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/private.pem }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'publicKeyFile'), message: /keys\/private\.pem of selector mail202606 holds a PRIVATE key/ }]);
  });

  it('flags PEM private-key armour in any value', () => {
    const r = lint('postfix:\n  parameters:\n    smtp_tls_cert_file: "-----BEGIN RSA PRIVATE KEY----- MIIBOgIBAAJBAK -----END RSA PRIVATE KEY-----"\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'smtp_tls_cert_file'), message: /PEM private-key armour/ }]);
  });

  it('flags bare base64 that node:crypto parses as a DER private key', () => {
    const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const r = lint(`dns:\n  extraRecords:\n    - { name: k._domainkey.acme-mail.net, type: TXT, value: "v=DKIM1; k=rsa; p=${der}" }\n    - { name: k2._domainkey.acme-mail.net, type: TXT, value: "${der}" }\n`);
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value', 2), message: /base64 of a DER private key/ }]);
  });

  it('passes public keys and public key material in values', () => {
    const spki = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expectFindings(lint(`dns:\n  extraRecords:\n    - { name: k2._domainkey.acme-mail.net, type: TXT, value: "${spki}${spki}" }\n`), ID, []);
    expectFindings(lint('domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n'), ID, []);
  });
});
