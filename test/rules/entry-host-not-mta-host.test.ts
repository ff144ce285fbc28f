import { describe, it } from 'vitest';
import rule from '../../src/rules/entry-host-not-mta-host.js';
import helo from '../../src/rules/mta-helo-matches-ptr.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const ID = 'entry-host-not-mta-host';
const entry = (host: string) => `relay:\n  entry:\n    hostname: ${host}\n    gateway: cloudflare-access\n`;

describe('entry-host-not-mta-host', () => {
  it('flags an entry that uses the MTA hostname, at the entry hostname', () => {
    const r = lintFragment(entry('Mail.Acme-Mail.net'), { rules: [rule] });
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, 'hostname: Mail.Acme', 'Mail.Acme'), message: /is also the MTA hostname/ }]);
  });

  it('flags HELO set to the entry name, once (mta-helo-matches-ptr stays quiet)', () => {
    const r = lintFragment(`${entry('mail-relay.acme-mail.net')}postfix:\n  parameters:\n    smtp_helo_name: mail-relay.acme-mail.net\n`, { rules: [rule, helo] });
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, 'smtp_helo_name: mail-relay', 'mail-relay'), message: /postfix\.parameters\.smtp_helo_name announces the HTTP entry name/ }]);
    expectFindings(r, 'mta-helo-matches-ptr', []);
  });

  it('flags a sender transport whose HELO is the entry name', () => {
    const r = lintFragment(`${entry('mail-relay.acme-mail.net')}delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: mail-relay.acme-mail.net }\n`, { rules: [rule] });
    expectFindings(r, ID, [{ severity: 'warning', ...at(r.text, 'heloName: mail-relay', 'mail-relay') }]);
  });

  it('passes two distinct names, and a config without an entry', () => {
    expectFindings(lintFragment(entry('mail-relay.acme-mail.net'), { rules: [rule] }), ID, []);
    expectFindings(lintFragment('', { rules: [rule] }), ID, []);
  });
});
