import { describe, it } from 'vitest';
import rule from '../../src/rules/mx-not-this-relay.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'mx-not-this-relay';

describe('mx-not-this-relay', () => {
  it('flags an MX at the MTA hostname', () => {
    const r = lint('domain0:\n  mx:\n    - { priority: 10, host: Mail.Acme-Mail.net. }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'host'), message: /points at mail\.acme-mail\.net, the MTA hostname of this send-only relay/ }]);
  });

  it('flags an MX whose generated A record is the sending IP', () => {
    const r = lint('domain0:\n  mx:\n    - { priority: 10, host: inbound.acme-mail.net }\ndns:\n  extraRecords:\n    - { name: inbound.acme-mail.net, type: A, value: 94.130.10.20 }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'host'), message: /resolves to 94\.130\.10\.20, the sending IP/ }]);
  });

  it('flags an MX written in dns.extraRecords, at its value', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: acme-mail.net, type: MX, value: "20 mail.acme-mail.net" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'value') }]);
  });

  it('passes the mailbox provider', () => {
    expectFindings(lint('domain0:\n  mx:\n    - { priority: 10, host: mx1.mailhost-provider.net }\n'), ID, []);
  });
});
