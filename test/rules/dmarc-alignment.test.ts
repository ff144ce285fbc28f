import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-alignment.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-alignment';
const config = (senders: string[], returnPath: string, adkim: string, aspf: string) =>
  `domain0:\n  returnPath: ${returnPath}\n  senders:\n${senders.map((s) => `    - { address: ${s} }\n`).join('')}  dmarc: { policy: reject, adkim: ${adkim}, aspf: ${aspf} }\n`;

describe('dmarc-alignment', () => {
  it('flags a subdomain sender (unsigned) under strict SPF alignment', () => {
    const r = lint(config(['support@acme-mail.net', 'alerts@status.acme-mail.net'], 'bounces@acme-mail.net', 's', 's'));
    expectFindings(r, ID, [
      {
        severity: 'error',
        ...at(r.text, 'address: alerts@', 'alerts@'),
        message: /From alerts@status\.acme-mail\.net fails DMARC alignment: no DKIM signature \(status\.acme-mail\.net has no domains\[\] entry to sign with\), and SPF \(return path acme-mail\.net\) is not strict-aligned with status\.acme-mail\.net \(policy of acme-mail\.net, its organizational domain: adkim=s, aspf=s\)/,
      },
    ]);
  });

  it('passes the same sender under relaxed SPF alignment (same organizational domain)', () => {
    expectFindings(lint(config(['alerts@status.acme-mail.net'], 'bounces@acme-mail.net', 's', 'r')), ID, []);
  });

  it('flags a subdomain sender whose return path is in another organization even under relaxed modes', () => {
    const r = lint(config(['alerts@status.acme-mail.net'], 'bounces@acme-bounces.net', 'r', 'r'));
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'address: alerts@', 'alerts@'), message: /not relaxed-aligned/ }]);
  });

  it('passes senders of a configured domain: DKIM d= is their own domain', () => {
    expectFindings(lint(config(['support@acme-mail.net'], 'bounces@acme-bounces.net', 's', 's')), ID, []);
  });

  it('uses the private section of the public suffix list for relaxed alignment', () => {
    const multi =
      'domains:\n  - name: acme.github.io\n    returnPath: bounces@other.github.io\n    senders: [{ address: a@news.acme.github.io }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n    dmarc: { policy: reject, adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n';
    const r = lint(multi);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'address: a@news', 'a@news') }]);
  });
});
