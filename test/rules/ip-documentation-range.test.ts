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

  it('flags documentation addresses inside SPF terms and raw values, never names', () => {
    const r = lint(
      'domain0:\n  senders:\n    - { address: support@example.org }\n  spf: { include: [_spf.example.net], mechanisms: ["a:mail.example.com", "ip4:198.51.100.0/28"], all: "-all" }\npostfix:\n  parameters:\n    relayhost: "[192.0.2.7]:587"\n',
    );
    expectFindings(r, ID, [
      { severity: 'warning', ...at(r.text, '- ip4:198.51.100.0/28', 'ip4'), message: /^"198\.51\.100\.0\/28" is reserved for documentation \(198\.51\.100\.0\/24, RFC 5737 \(TEST-NET-2\)\): no Internet host has it/ },
      { severity: 'warning', ...valueAt(r.text, 'relayhost'), message: /"192\.0\.2\.7".*TEST-NET-1/ },
    ]);
  });

  it('does not take a range that merely contains a documentation range for one', () => {
    expect(documentationHits('0.0.0.0/0')).toEqual([]);
    expect(documentationHits('203.0.0.0/16')).toEqual([]);
    expect(documentationHits('203.0.113.128/25').map((h) => [h.text, h.kind])).toEqual([['203.0.113.128/25', 'address']]);
    expect(documentationHits('notexample.com example.community')).toEqual([]);
  });

  it('passes real values', () => {
    const r = lint('mta:\n  ipv4: 94.130.10.20\n');
    expect(byRule(r, ID)).toEqual([]);
  });
});
