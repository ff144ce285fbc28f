import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/spf-authorizes-ip.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';
import { loadConfigText } from '../../src/config/load.js';
import { mergeConfig, fixtureDir } from '../helpers/rule-tester.js';
import { evaluateStatically, StaticDns } from '../../src/rules/util/spf-static.js';
import path from 'node:path';
import { buildRecordModel } from '../../src/dns/records.js';

const ID = 'spf-authorizes-ip';
const domain = (name: string, returnPath: string, extra = '') =>
  `  - name: ${name}\n    returnPath: ${returnPath}\n    senders: [{ address: info@${name} }]\n    dkim: { signWith: s202606, selectors: [{ name: s202606, publicKeyFile: keys/rsa2048.pub }] }\n${extra}    dmarc: { policy: reject, pct: 100, rua: [dmarc@${name}], adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n`;
const transport = 'delivery:\n  senderTransports:\n    - { domain: acme-news.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\n';

describe('spf-authorizes-ip', () => {
  it('flags a transport of a domain whose shared return path is published by another domain', () => {
    const r = lintFragment(`${transport}domains:\n${domain('acme-mail.net', 'bounces@acme-mail.net', '    spf: { all: "-all" }\n')}${domain('acme-news.net', 'bounces@acme-mail.net')}`, { rules: [rule] });
    expectFindings(r, ID, [
      { severity: 'error', ...at(r.text, 'spf:\n', 'spf'), message: /SPF record of acme-mail\.net gives 94\.130\.10\.21 \(delivery\.senderTransports\[0\]\.bindAddress\) the result "fail" \(matched by "-all"\)/ },
    ]);
  });

  it('finds the domains that share a return path wherever they stand in the list', () => {
    const r = lintFragment(
      `${transport}domains:\n${domain('acme-mail.net', 'bounces@acme-mail.net', '    spf: { all: "-all" }\n')}${domain('acme-shop.net', 'bounces@acme-shop.net')}${domain('acme-news.net', 'bounces@acme-mail.net')}`,
      { rules: [rule] },
    );
    expectFindings(r, ID, [
      { severity: 'error', ...at(r.text, 'spf:\n', 'spf'), message: /SPF record of acme-mail\.net gives 94\.130\.10\.21 \(delivery\.senderTransports\[0\]\.bindAddress\)/ },
    ]);
  });

  it('passes when each domain has its own return path', () => {
    const r = lintFragment(`${transport}domains:\n${domain('acme-mail.net', 'bounces@acme-mail.net')}${domain('acme-news.net', 'bounces@acme-news.net')}`, { rules: [rule] });
    expectFindings(r, ID, []);
  });

  it('passes the base config, where the generated ip4: term comes first', () => {
    expectFindings(lintFragment('', { rules: [rule] }), ID, []);
  });

  it('evaluates a, mx and ip ranges against the records this config writes', () => {
    const text = mergeConfig('dns:\n  extraRecords:\n    - { name: out.acme-mail.net, type: A, value: 94.130.10.40 }\n    - { name: acme-mail.net, type: A, value: 94.130.10.50 }\ndomain0:\n  mx:\n    - { priority: 10, host: out.acme-mail.net }\n');
    const model = loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') }).model!;
    const dns = new StaticDns(model, buildRecordModel(model));
    const evaluate = (terms: string[], ip: string) => evaluateStatically(terms, ip, 'acme-mail.net', dns);
    expect(evaluate(['mx', '-all'], '94.130.10.40')).toMatchObject({ result: 'pass', term: 'mx' });
    expect(evaluate(['a', '-all'], '94.130.10.50')).toMatchObject({ result: 'pass', term: 'a' });
    expect(evaluate(['a/24', '-all'], '94.130.10.77')).toMatchObject({ result: 'pass', term: 'a/24' });
    expect(evaluate(['ip4:94.130.10.0/28', '~all'], '94.130.10.99')).toMatchObject({ result: 'softfail', term: '~all' });
    expect(evaluate(['a:mail.partner.org', '-all'], '94.130.10.99')).toMatchObject({ result: 'unknown' });
    expect(evaluate(['include:_spf.vendor.net', '-all'], '94.130.10.99')).toMatchObject({ result: 'unknown' });
    expect(evaluate(['ip6:2a01:4f8::/32'], '94.130.10.99')).toMatchObject({ result: 'neutral', term: null });
    expect(evaluate(['ip6:2a01:4f8::/32', '-all'], '2a01:4f8:1::5')).toMatchObject({ result: 'pass' });
  });
});
