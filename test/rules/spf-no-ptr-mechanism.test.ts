import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-no-ptr-mechanism.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-no-ptr-mechanism';

describe('spf-no-ptr-mechanism', () => {
  it('flags ptr and ptr:domain in spf.mechanisms', () => {
    const r = lint('domain0:\n  spf: { mechanisms: [ptr, "?ptr:acme-mail.net"], all: "-all" }\n');
    expectFindings(r, ID, [
      { severity: 'warning', ...at(r.text, '- ptr', 'ptr'), message: /"ptr" in the SPF record of acme-mail\.net/ },
      { severity: 'warning', ...at(r.text, '- ?ptr', '?ptr') },
    ]);
  });

  it('flags ptr in an SPF record of dns.extraRecords', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: _spf.acme-mail.net, type: TXT, value: "v=spf1 ptr -all" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'value') }]);
  });

  it('passes explicit addresses', () => {
    expectFindings(lint('domain0:\n  spf: { mechanisms: ["ip4:94.130.10.0/28", "a:ptr.acme-mail.net"], all: "-all" }\n'), ID, []);
  });
});
