import { describe, it } from 'vitest';
import rule from '../../src/rules/mx-present.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'mx-present';

describe('mx-present', () => {
  it('flags a sending domain without MX', () => {
    const r = lint('domain0:\n  mx: []\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'mx'), message: /acme-mail\.net has no MX/ }]);
  });

  it('flags an address as MX host and a null MX', () => {
    const r = lint('domain0:\n  mx:\n    - { priority: 10, host: 94.130.10.30 }\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'host'), message: /MX host "94\.130\.10\.30" of acme-mail\.net is an address/ }]);
    const n = lint('domain0:\n  mx:\n    - { priority: 0, host: "." }\n');
    expectFindings(n, ID, [{ severity: 'error', ...valueAt(n.text, 'host'), message: /null MX \(RFC 7505\)/ }]);
  });

  it('flags a return-path subdomain this config writes without its own MX', () => {
    const r = lint('domain0:\n  returnPath: bounces@bounce.acme-mail.net\n');
    expectFindings(r, ID, [{ severity: 'error', ...valueAt(r.text, 'returnPath'), message: /bounce\.acme-mail\.net, which has no MX/ }]);
  });

  it('passes MX from domains[].mx or dns.extraRecords, and a return-path subdomain with MX', () => {
    expectFindings(lint('domain0:\n  mx:\n    - { priority: 10, host: mx1.mailhost-provider.net }\n'), ID, []);
    expectFindings(lint('domain0:\n  mx: []\ndns:\n  extraRecords:\n    - { name: acme-mail.net, type: MX, value: "10 mx1.mailhost-provider.net." }\n'), ID, []);
    expectFindings(lint('domain0:\n  returnPath: bounces@bounce.acme-mail.net\ndns:\n  extraRecords:\n    - { name: bounce.acme-mail.net, type: MX, value: "10 mx1.mailhost-provider.net" }\n'), ID, []);
  });

  it('reports an extra MX with an address at its value', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: acme-mail.net, type: MX, value: "20 94.130.10.30" }\n');
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'value: 20', '20') }]);
  });
});
