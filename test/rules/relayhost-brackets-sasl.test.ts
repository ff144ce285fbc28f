// Tests relayhost-brackets-sasl: an unbracketed smarthost with SASL authentication warns; without it, it does not.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relayhost-brackets-sasl.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'relayhost-brackets-sasl';
const AUTH = '    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n';

describe('relayhost-brackets-sasl', () => {
  it('warns about mxLookup: true on an authenticating smarthost, at mxLookup', () => {
    const result = lint(`delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    mxLookup: true\n${AUTH}`);
    expectFindings(result, ID, [
      { severity: 'warning', ...at(result.text, 'mxLookup: true', 'true'), message: /smtp\.mailhost-provider\.net:587 has no \[brackets\].*SASL password map/ },
    ]);
  });

  it('warns about a raw unbracketed relayhost when smtp_sasl_auth_enable = yes', () => {
    const result = lint('postfix:\n  parameters:\n    relayhost: smtp.mailhost-provider.net:587\n    smtp_sasl_auth_enable: "yes"\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'relayhost: smtp.mailhost-provider.net:587', 'smtp.') }]);
  });

  it('passes an unbracketed smarthost without authentication and a bracketed one with it', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net, mxLookup: true }\n').findings).toEqual([]);
    expect(lint(`delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n${AUTH}`).findings).toEqual([]);
  });
});
