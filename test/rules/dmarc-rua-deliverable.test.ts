import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-rua-deliverable.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-rua-deliverable';
const rua = (...list: string[]) => `domain0:\n  dmarc: { policy: reject, rua: [${list.map((a) => JSON.stringify(a)).join(', ')}] }\n`;

describe('dmarc-rua-deliverable', () => {
  it('flags a report subdomain without MX, a non-mailto URI and a malformed address', () => {
    const r = lint(rua('dmarc@reports.acme-mail.net', 'https://reports.acme-mail.net/dmarc', 'mailto:dmarc'));
    expectFindings(r, ID, [
      { severity: 'warning', ...at(r.text, '- dmarc@reports', 'dmarc@'), message: /reports\.acme-mail\.net has no MX in the generated zones/ },
      { severity: 'warning', ...at(r.text, '- https:', 'https:'), message: /is not a mailto: address/ },
      { severity: 'warning', ...at(r.text, '- mailto:dmarc', 'mailto:'), message: /is not an e-mail address/ },
    ]);
  });

  it('leaves a third-party report domain to dmarc-rua-external-authorized', () => {
    expectFindings(lint(rua('reports@dmarc-vendor.net')), ID, []);
  });

  it('requires the authorization record as a warning when this config writes the report domain\'s zone', () => {
    const two =
      'domains:\n  - name: acme-mail.net\n    senders: [{ address: a@acme-mail.net }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n    dmarc: { policy: reject, rua: [dmarc@acme-group.org] }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: acme-group.org\n    senders: [{ address: a@acme-group.org }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n    dmarc: { policy: reject, rua: [dmarc@acme-group.org] }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n';
    const r = lint(two);
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, '- dmarc@acme-group.org', 'dmarc@'), message: /add it to dns\.extraRecords/ }]);
    const fixed = `${two}dns:\n  extraRecords:\n    - { name: acme-mail.net._report._dmarc.acme-group.org, type: TXT, value: "v=DMARC1" }\n`;
    expectFindings(lint(fixed), ID, []);
  });

  it('passes the domain\'s own address (with or without mailto: and a size limit) and a subdomain with its MX', () => {
    expectFindings(lint(rua('dmarc@acme-mail.net', 'mailto:dmarc@acme-mail.net!10m')), ID, []);
    expectFindings(lint(`${rua('dmarc@reports.acme-mail.net')}dns:\n  extraRecords:\n    - { name: reports.acme-mail.net, type: MX, value: "10 mx1.mailhost-provider.net" }\n`), ID, []);
  });

  it('leaves a sending domain without MX to mx-present', () => {
    expectFindings(lint('domain0:\n  mx: []\n'), ID, []);
  });
});
