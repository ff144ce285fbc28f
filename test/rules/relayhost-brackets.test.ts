// Tests relayhost-brackets: smarthosts and next hops written [host]:port, not resolved through MX.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relayhost-brackets.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relayhost-brackets', () => {
  it('flags mxLookup: true, leaving an authenticating smarthost to relayhost-brackets-sasl', () => {
    let result = lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net, mxLookup: true }\n');
    expectFindings(result, rule.id, [
      { severity: 'info', ...at(result.text, 'mxLookup: true', 'true'), message: /smtp\.mailhost-provider\.net:587 has no \[brackets\]/ },
    ]);
    result = lint(
      'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    mxLookup: true\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n',
    );
    expectFindings(result, rule.id, []);
  });

  it('flags a raw relayhost override and an unbracketed destination next hop', () => {
    const result = lint(
      'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 2, nexthop: "relay.mailhost-provider.net:587" }\npostfix:\n  parameters:\n    relayhost: smtp.mailhost-provider.net:587\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'info', ...at(result.text, 'nexthop: relay.mailhost-provider.net:587', 'relay.'), message: /relay\.mailhost-provider\.net/ },
      { severity: 'info', ...at(result.text, 'relayhost: smtp.mailhost-provider.net:587', 'smtp.'), message: /MX records of smtp\.mailhost-provider\.net/ },
    ]);
  });

  it('passes bracketed smarthosts and next hops', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net }\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    relayhost: "[smtp.mailhost-provider.net]:587"\n').findings).toEqual([]);
    expect(lint('delivery:\n  destinations:\n    - { domain: qq.com, nexthop: "smtp:[10.0.0.7]:25" }\n').findings).toEqual([]);
  });
});
