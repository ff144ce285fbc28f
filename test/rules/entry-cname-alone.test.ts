// Tests entry-cname-alone: the tunnel entry's CNAME never shares its name with another record of the zone.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/entry-cname-alone.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const tunnelAt = (hostname: string, gateway = 'cloudflare-access') =>
  `relay:\n  entry:\n    hostname: ${hostname}\n    gateway: ${gateway}\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n`;

describe('entry-cname-alone', () => {
  it('flags the apex of a sending domain, naming the records it would sit beside', () => {
    const result = lint(tunnelAt('acme-mail.net'));
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'hostname: acme-mail.net', 'acme-mail.net'), message: 'relay.entry.hostname acme-mail.net would be a CNAME beside its MX, TXT record(s): a CNAME must stand alone, and a zone with both is refused whole; give the entry a name of its own' }]);
  });

  it('flags a sender transport\'s HELO name and a name of dns.extraRecords', () => {
    const helo = lint(`delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\n${tunnelAt('out2.acme-mail.net')}`);
    expect(helo.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^relay\.entry\.hostname out2\.acme-mail\.net would be a CNAME beside its A record/)]);
    const extra = lint(`dns:\n  extraRecords: [{ name: api.acme-mail.net, type: CAA, value: '0 issue "letsencrypt.org"' }]\n${tunnelAt('api.acme-mail.net')}`);
    expect(extra.findings.map((f) => f.message)).toEqual([expect.stringMatching(/beside its CAA record/)]);
  });

  it('passes a name of its own, and nginx at an apex (A records may share a name)', () => {
    expect(lint(tunnelAt('mail-relay.acme-mail.net')).findings).toEqual([]);
    expect(lint('relay:\n  entry:\n    hostname: acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n').findings).toEqual([]);
  });
});
