import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/reserved-name.js';
import { byRule, expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'reserved-name';

describe('reserved-name', () => {
  it('names what each reserved name is reserved for, at its value', () => {
    const r = lint(
      'domain0:\n  senders:\n    - { address: support@example.org }\n  spf: { include: [_spf.example.net], mechanisms: ["a:mail.example.com", "ip4:198.51.100.0/28"], all: "-all" }\n  mx:\n    - { priority: 10, host: mx.acme.invalid }\n  bimi: { logo: "https://brand.example/logo.svg", authority: "https://acme-mail.net/vmc.pem" }\npostfix:\n  parameters:\n    relayhost: "[smtp.relay.test]:587"\n    smtp_helo_name: out.mail.localhost\n',
    );
    expectFindings(r, ID, [
      { severity: 'warning', ...at(r.text, 'address: support@example.org', 'support'), message: /^"example\.org" is reserved for documentation \(example\.org, RFC 2606 §3\)/ },
      { severity: 'warning', ...at(r.text, '- _spf.example.net', '_spf'), message: /"_spf\.example\.net" is reserved for documentation/ },
      { severity: 'warning', ...at(r.text, '- a:mail.example.com', 'a:mail'), message: /"mail\.example\.com"/ },
      { severity: 'warning', ...valueAt(r.text, 'host'), message: /^"mx\.acme\.invalid" is reserved to be invalid \(the \.invalid TLD, RFC 2606 §2, RFC 6761 §6\.4\): it can never resolve/ },
      { severity: 'warning', ...valueAt(r.text, 'logo'), message: /^"brand\.example" is reserved for documentation \(the \.example TLD/ },
      { severity: 'warning', ...valueAt(r.text, 'relayhost'), message: /^"smtp\.relay\.test" is reserved for testing \(the \.test TLD, RFC 2606 §2, RFC 6761 §6\.2\): it never resolves on the Internet/ },
      { severity: 'warning', ...valueAt(r.text, 'smtp_helo_name'), message: /^"out\.mail\.localhost" is under \.localhost .*always means the local host/ },
    ]);
    // The documentation network in the SPF term is ip-documentation-range's, not this rule's.
    expect(byRule(r, ID).some((f) => f.message.includes('198.51.100'))).toBe(false);
  });

  it('reports a defaulted return path once, at the domain name', () => {
    const r = lint('domains:\n  - name: example.com\n    senders: [{ address: a@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '- name: example.com', 'example.com'), message: /^"example\.com" is reserved for documentation/ }]);
  });

  it('passes real names, and a bare localhost that names loopback on purpose', () => {
    expect(byRule(lint('domain0:\n  mx:\n    - { priority: 10, host: mx1.acme-mail.net }\n'), ID)).toEqual([]);
    expect(byRule(lint('relay:\n  listen: localhost:2525\n'), ID)).toEqual([]);
  });
});
