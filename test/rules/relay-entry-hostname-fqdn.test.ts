// Tests relay-entry-hostname-fqdn: the entry name is a DNS name of two labels or more.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-entry-hostname-fqdn.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (hostname: string) => lintText(mergeConfig(`relay:\n  entry:\n    hostname: "${hostname}"\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n`), { rules: [rule] });

describe('relay-entry-hostname-fqdn', () => {
  it('flags an IPv4 address at the hostname', () => {
    const result = lint('198.51.100.20');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'hostname: 198.51.100.20', '198.51.100.20'), message: 'relay.entry.hostname "198.51.100.20" is an IP address: callers, the zone and certbot need a DNS name such as mail-relay.<your domain>' }]);
  });

  it('flags a single label', () => {
    expect(lint('localhost').findings.map((f) => f.message)).toEqual(['relay.entry.hostname "localhost" is a single label: callers, the zone and certbot need a fully qualified name such as mail-relay.<your domain>']);
  });

  it('passes a name of two labels or more, and an IDN (in A-labels)', () => {
    expect(lint('mail-relay.acme-mail.net').findings).toEqual([]);
    expect(lint('relay.example').findings).toEqual([]);
    expect(lint('relais.bücher.de').findings).toEqual([]);
  });
});
