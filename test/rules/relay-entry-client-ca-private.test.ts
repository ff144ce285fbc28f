// Tests relay-entry-client-ca-private: mTLS never gates on a public CA set.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-entry-client-ca-private.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (clientCaFile: string, gateway = 'mtls') =>
  lintText(mergeConfig(`relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: ${gateway}\n    clientCaFile: ${clientCaFile}\n`), { rules: [rule] });

describe('relay-entry-client-ca-private', () => {
  it('flags the system trust store at clientCaFile', () => {
    const result = lint('/etc/ssl/certs/ca-certificates.crt');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'clientCaFile: /etc/ssl/certs/ca-certificates.crt', '/etc/ssl/certs/ca-certificates.crt'), message: /^relay\.entry\.clientCaFile \/etc\/ssl\/certs\/ca-certificates\.crt is in \/etc\/ssl\/certs\/, where public CA sets live/ }]);
  });

  it('flags certbot\'s chain and the CA sets Debian ships', () => {
    for (const file of ['/etc/letsencrypt/live/mail-relay.acme-mail.net/chain.pem', '/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt']) {
      expect(lint(file).findings.map((f) => f.ruleId), file).toEqual([rule.id]);
    }
  });

  it('passes a private CA file, the default, and gateways that do not read it', () => {
    expect(lint('/etc/nginx/relay-callers-ca.pem').findings).toEqual([]);
    expect(lintText(mergeConfig('relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: mtls\n'), { rules: [rule] }).findings).toEqual([]);
    expect(lint('/etc/ssl/certs/ca-certificates.crt', 'vpn').findings).toEqual([]);
  });
});
