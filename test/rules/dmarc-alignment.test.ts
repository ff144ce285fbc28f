import { describe, it } from 'vitest';
import rule from '../../src/rules/dmarc-alignment.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-alignment';
const config = (senders: string[], returnPath: string, adkim: string, aspf: string) =>
  `domain0:\n  returnPath: ${returnPath}\n  senders:\n${senders.map((s) => `    - { address: ${s} }\n`).join('')}  dmarc: { policy: reject, adkim: ${adkim}, aspf: ${aspf} }\n`;

describe('dmarc-alignment', () => {
  it('flags a subdomain sender under strict alignment: d= is the listing domain, as the SigningTable maps it', () => {
    const r = lint(config(['support@acme-mail.net', 'alerts@status.acme-mail.net'], 'bounces@acme-mail.net', 's', 's'));
    expectFindings(r, ID, [
      {
        severity: 'error',
        ...at(r.text, 'address: alerts@', 'alerts@'),
        message: /From alerts@status\.acme-mail\.net fails DMARC alignment: DKIM d=acme-mail\.net is not strict-aligned, and SPF \(return path acme-mail\.net\) is not strict-aligned with status\.acme-mail\.net \(policy of acme-mail\.net, its organizational domain: adkim=s, aspf=s\)/,
      },
    ]);
  });

  it('passes the same sender when either mode is relaxed', () => {
    expectFindings(lint(config(['alerts@status.acme-mail.net'], 'bounces@acme-mail.net', 'r', 's')), ID, []);
    expectFindings(lint(config(['alerts@status.acme-mail.net'], 'bounces@acme-mail.net', 's', 'r')), ID, []);
  });

  it('flags senders of another configured domain whose From domain is first listed under this one (signed with its key)', () => {
    const two =
      'domains:\n  - name: acme-mail.net\n    senders: [{ address: a@acme-mail.net }, { address: news@acme-news.net }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n    dmarc: { policy: reject }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: acme-news.net\n    senders: [{ address: b@acme-news.net }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048-b.pub }] }\n    dmarc: { policy: reject }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n';
    const r = lint(two);
    expectFindings(r, ID, [
      { severity: 'error', ...at(r.text, 'address: news@', 'news@'), message: /DKIM d=acme-mail\.net is not relaxed-aligned, and SPF \(return path acme-mail\.net\) is not relaxed-aligned with acme-news\.net/ },
    ]);
  });

  it('passes a subdomain sender under relaxed DKIM even with a return path in another organization', () => {
    expectFindings(lint(config(['alerts@status.acme-mail.net'], 'bounces@acme-bounces.net', 'r', 'r')), ID, []);
  });

  it('passes senders of a configured domain: DKIM d= is their own domain', () => {
    expectFindings(lint(config(['support@acme-mail.net'], 'bounces@acme-bounces.net', 's', 's')), ID, []);
  });

  it('uses the private section of the public suffix list for relaxed alignment', () => {
    // Under github.io (a private suffix) two tenants are two organizations, so nothing aligns here.
    const entry = (name: string, sender: string) =>
      `  - name: ${name}\n    returnPath: bounces@${name}\n    senders: [{ address: ${sender} }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n    dmarc: { policy: reject, adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n`;
    const r = lint(`domains:\n${entry('other.github.io', 'a@news.acme.github.io')}${entry('acme.github.io', 'b@acme.github.io')}`);
    expectFindings(r, ID, [{ severity: 'error', ...at(r.text, 'address: a@news', 'a@news'), message: /DKIM d=other\.github\.io is not relaxed-aligned.*policy of acme\.github\.io, its organizational domain/ }]);
  });
});
