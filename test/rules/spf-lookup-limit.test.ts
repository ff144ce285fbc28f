import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-lookup-limit.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-lookup-limit';
const includes = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}.spf-vendor.net`).join(', ');

describe('spf-lookup-limit', () => {
  it('flags the 11th lookup term: an include', () => {
    const r = lint(`domain0:\n  spf:\n    include: [${includes(11)}]\n    all: "-all"\n`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '- s11.spf-vendor.net', 's11'), message: /needs 11 DNS lookups counted statically.*from "include:s11\.spf-vendor\.net" on/ }]);
  });

  it('counts a, mx, ptr, exists and redirect, and points into mechanisms', () => {
    const r = lint(`domain0:\n  spf:\n    include: [${includes(7)}]\n    mechanisms: [a, "mx:acme-mail.net/24", "ip4:94.130.10.0/28", ptr, "exists:%{i}.spf.acme-mail.net"]\n    all: "-all"\n`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, '- exists:', 'exists'), message: /needs 11 DNS lookups/ }]);
  });

  it('counts SPF records written in dns.extraRecords', () => {
    const terms = Array.from({ length: 11 }, (_, i) => `include:x${i}.spf-vendor.net`).join(' ');
    const r = lint(`dns:\n  extraRecords:\n    - { name: _spf.acme-mail.net, type: TXT, value: "v=spf1 ${terms} -all" }\n`);
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'value'), message: /_spf\.acme-mail\.net needs 11/ }]);
  });

  it('passes exactly ten lookups', () => {
    expectFindings(lint(`domain0:\n  spf:\n    include: [${includes(8)}]\n    mechanisms: [a, mx]\n    all: "-all"\n`), ID, []);
    expectFindings(lint(`domain0:\n  spf:\n    include: [${includes(9)}]\n    redirect: _spf.acme-mail.net\n    all: none\n`), ID, []);
  });
});
