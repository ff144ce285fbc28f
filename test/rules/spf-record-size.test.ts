import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-record-size.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-record-size';
const vendor = (region: string) => `_spf-outbound-${region}.transactional-mail-vendor.net`;

describe('spf-record-size', () => {
  it('flags a generated record whose TXT answer reaches 450 octets, at its spf key', () => {
    const regions = ['eu-central', 'eu-west', 'us-east', 'us-west', 'ap-south', 'ap-east', 'sa-east'];
    const r = lint(`domain0:\n  spf:\n    include: [${regions.map(vendor).join(', ')}]\n    all: "-all"\n`);
    // "v=spf1 ip4:94.130.10.20 " + 7 includes (8 + 48..51 chars + space) + "-all", plus length bytes and the name.
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '    spf:', 'spf'), message: /acme-mail\.net, which hold its SPF record, add up to 4\d\d octets/ }]);
  });

  it('counts the other TXT records at the same name', () => {
    const filler = 'verification-token-for-the-helpdesk-service-acme-mail-net';
    const records = [1, 2, 3, 4, 5, 6, 7].map((n) => `    - { name: acme-mail.net, type: TXT, value: "${filler}-${n}" }\n`).join('');
    const r = lint(`dns:\n  extraRecords:\n${records}`);
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '    spf:', 'spf') }]);
  });

  it('flags an oversized SPF record written in dns.extraRecords at its value', () => {
    const terms = Array.from({ length: 30 }, (_, i) => `ip4:94.130.${i}.0/24`).join(' ');
    const r = lint(`dns:\n  extraRecords:\n    - { name: _spf.acme-mail.net, type: TXT, value: "v=spf1 ${terms} -all" }\n`);
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'value') }]);
  });

  it('passes a short record', () => {
    expectFindings(lint('domain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n'), ID, []);
  });
});
