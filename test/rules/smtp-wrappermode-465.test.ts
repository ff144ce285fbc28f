// Tests smtp-wrappermode-465: port 465 needs wrappermode with mandatory TLS, and STARTTLS next hops must not get it.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/smtp-wrappermode-465.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'smtp-wrappermode-465';
// The docs base config sets delivery.tls: may; a 465 smarthost is written with encrypt.
const SMARTHOST_465 = 'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost: { host: smtp.mailhost-provider.net, port: 465 }\n';

describe('smtp-wrappermode-465', () => {
  it('flags a raw override that turns wrappermode off for a 465 smarthost, at the override', () => {
    const result = lint(`${SMARTHOST_465}postfix:\n  parameters:\n    smtp_tls_wrappermode: "no"\n`);
    expectFindings(result, ID, [
      { severity: 'error', ...at(result.text, 'smtp_tls_wrappermode: no', 'no'), message: /\[smtp\.mailhost-provider\.net\]:465 is port 465, implicit TLS.*main\.cf has smtp_tls_wrappermode = no/ },
    ]);
  });

  it('flags delivery.tls may with a 465 smarthost: wrappermode needs encrypt', () => {
    const result = lint(SMARTHOST_465.replace('tls: encrypt', 'tls: may'));
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, 'tls: may', 'may'), message: /smtp_tls_wrappermode = yes but smtp_tls_security_level = may.*encrypt or stronger/ }]);
  });

  it('flags wrappermode towards a STARTTLS smarthost and towards recipient MX', () => {
    let result = lint('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net, port: 587 }\npostfix:\n  parameters:\n    smtp_tls_wrappermode: "yes"\n');
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, 'smtp_tls_wrappermode: yes', 'yes'), message: /\[smtp\.mailhost-provider\.net\]:587 starts in plaintext/ }]);
    result = lint('postfix:\n  parameters:\n    smtp_tls_wrappermode: "yes"\n');
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, 'smtp_tls_wrappermode: yes', 'yes'), message: /the recipient MX \(port 25\) starts in plaintext/ }]);
  });

  it('flags a STARTTLS fallback relay beside a 465 smarthost: it inherits main.cf\'s wrappermode', () => {
    const result = lint(`${SMARTHOST_465}  fallbackRelays: ["[backup.mailhost-provider.net]:587"]\n`);
    expectFindings(result, ID, [
      { severity: 'error', ...at(result.text, '- "[backup.mailhost-provider.net]:587"'), message: /main\.cf \(smtp_fallback_relay\) has smtp_tls_wrappermode = yes but \[backup\.mailhost-provider\.net\]:587 starts in plaintext/ },
    ]);
    expect(lint(`${SMARTHOST_465}  fallbackRelays: ["[backup.mailhost-provider.net]:465"]\n`).findings).toEqual([]);
  });

  it('flags a raw service override on a destination transport whose next hop is 465', () => {
    const result = lint(
      'delivery:\n  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:465" }\npostfix:\n  services:\n    - "slow_partner_example_net unix - - y - - smtp -o smtp_tls_wrappermode=no"\n',
    );
    // The generated transport is judged too (its own -o settings are right); only the raw duplicate is wrong.
    expectFindings(result, ID, [{ severity: 'error', ...at(result.text, '- slow_partner_example_net unix', 'slow_partner'), message: /master\.cf transport slow_partner_example_net has smtp_tls_wrappermode = no/ }]);
  });

  it('passes what relayconf writes: 465 smarthost, 465 destination beside a 587 smarthost, 587 destination beside a 465 smarthost', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(SMARTHOST_465).findings).toEqual([]);
    expect(lint('delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost: { host: smtp.mailhost-provider.net }\n  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:465" }\n').findings).toEqual([]);
    expect(lint(`${SMARTHOST_465}  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:587" }\n`).findings).toEqual([]);
  });
});
