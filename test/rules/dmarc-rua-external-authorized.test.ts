// Tests dmarc-rua-external-authorized: a third-party report domain is a reminder (info) unless its record is written.
import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-rua-external-authorized.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-rua-external-authorized';
const rua = (...list: string[]) => `domain0:\n  dmarc: { policy: reject, rua: [${list.map((a) => JSON.stringify(a)).join(', ')}] }\n`;

describe('dmarc-rua-external-authorized', () => {
  it('reminds of the RFC 9990 authorization record of a third-party report domain, at the rua entry', () => {
    const r = lint(rua('reports@dmarc-vendor.net'));
    expectFindings(r, ID, [
      { severity: 'info', ...at(r.text, '- reports@', 'reports@'), message: /rua reports@dmarc-vendor\.net of acme-mail\.net.*acme-mail\.net\._report\._dmarc\.dmarc-vendor\.net TXT "v=DMARC1"/ },
    ]);
  });

  it('passes own-organization addresses, written authorization records and malformed entries (dmarc-rua-deliverable\'s)', () => {
    expectFindings(lint(rua('dmarc@acme-mail.net', 'dmarc@reports.acme-mail.net', 'https://dmarc-vendor.net/r', 'mailto:dmarc')), ID, []);
    const written = `${rua('reports@dmarc-vendor.net')}dns:\n  extraRecords:\n    - { name: acme-mail.net._report._dmarc.dmarc-vendor.net, type: TXT, value: "v=DMARC1" }\n`;
    expectFindings(lint(written), ID, []);
  });
});
