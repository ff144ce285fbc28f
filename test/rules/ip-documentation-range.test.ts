import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/ip-documentation-range.js';
import { expectFindings, lintFragment, byRule } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';
import { documentationHits } from '../../src/rules/util/documentation-values.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'ip-documentation-range';

describe('ip-documentation-range', () => {
  it('flags each documentation address at its value', () => {
    const r = lint('mta:\n  ipv4: 203.0.113.10\n  ipv6: 2001:db8::10\n  ipv6Ptr: mail.acme-mail.net\n');
    expectFindings(r, ID, [
      { severity: 'warning', ...valueAt(r.text, 'ipv4'), message: /"203\.0\.113\.10" is reserved for documentation \(203\.0\.113\.0\/24, RFC 5737/ },
      { severity: 'warning', ...valueAt(r.text, 'ipv6'), message: /2001:db8::\/32, RFC 3849/ },
    ]);
  });

  it('flags example names in hosts, addresses, URLs, SPF terms and raw values', () => {
    const r = lint(
      'domain0:\n  senders:\n    - { address: support@example.org }\n  spf: { include: [_spf.example.net], mechanisms: ["a:mail.example.com", "ip4:198.51.100.0/28"], all: "-all" }\n  mx:\n    - { priority: 10, host: mx.example.com }\n  bimi: { logo: "https://brand.example/logo.svg", authority: "https://acme-mail.net/vmc.pem" }\npostfix:\n  parameters:\n    relayhost: "[smtp.relay.test]:587"\n',
    );
    expectFindings(r, ID, [
      { severity: 'warning', ...at(r.text, 'address: support@example.org', 'support'), message: /"example\.org" is reserved.*example\.org, RFC 2606 §3/ },
      { severity: 'warning', ...at(r.text, '- _spf.example.net', '_spf'), message: /"_spf\.example\.net"/ },
      { severity: 'warning', ...at(r.text, '- a:mail.example.com', 'a:mail'), message: /"mail\.example\.com"/ },
      { severity: 'warning', ...at(r.text, '- ip4:198.51.100.0/28', 'ip4'), message: /"198\.51\.100\.0\/28".*TEST-NET-2/ },
      { severity: 'warning', ...valueAt(r.text, 'host'), message: /"mx\.example\.com"/ },
      { severity: 'warning', ...valueAt(r.text, 'logo'), message: /"brand\.example" is reserved .*the \.example TLD/ },
      { severity: 'warning', ...valueAt(r.text, 'relayhost'), message: /"smtp\.relay\.test".*\.test TLD/ },
    ]);
  });

  it('reports a defaulted return path once, at the domain name', () => {
    const r = lint('domains:\n  - name: example.com\n    senders: [{ address: a@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '- name: example.com', 'example.com'), message: /^"example\.com" is reserved/ }]);
  });

  it('does not take a range that merely contains a documentation range for one', () => {
    expect(documentationHits('0.0.0.0/0')).toEqual([]);
    expect(documentationHits('203.0.0.0/16')).toEqual([]);
    expect(documentationHits('203.0.113.128/25').map((h) => h.text)).toEqual(['203.0.113.128/25']);
    expect(documentationHits('notexample.com example.community')).toEqual([]);
  });

  it('passes real values', () => {
    const r = lint('mta:\n  ipv4: 94.130.10.20\n');
    expect(byRule(r, ID)).toEqual([]);
  });
});
