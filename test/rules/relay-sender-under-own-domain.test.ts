// Tests relay-sender-under-own-domain: a configured domain's sender under another entry warns at its address.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-sender-under-own-domain.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const ID = 'relay-sender-under-own-domain';
const NEWS =
  '  - name: acme-news.net\n    senders: [{ address: news@acme-news.net }]\n    dkim: { signWith: news, selectors: [{ name: news, publicKeyFile: keys/rsa2048-b.pub }] }\n';
const withNews = (fragment: string) => mergeConfig(fragment).replace(/^domains:\n/m, `domains:\n${NEWS}`);

describe('relay-sender-under-own-domain', () => {
  it('warns about a sender listed under another configured domain, at its address', () => {
    const text = withNews('domain0:\n  senders: [{ address: news@acme-news.net }]\n');
    expectFindings(lintText(text, { rules: [rule] }), ID, [
      { severity: 'warning', ...at(text, 'address: news@acme-news.net', 'news@', 2), message: /news@acme-news\.net belongs to acme-news\.net but is listed under acme-mail\.net/ },
    ]);
  });

  it('passes senders under their own domains and leaves unconfigured domains to relay-sender-in-domain', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lintText(withNews('domain0:\n  senders: [{ address: Support@ACME-Mail.net }]\n'), { rules: [rule] }).findings).toEqual([]);
    expect(lintText(mergeConfig('domain0:\n  senders: [{ address: alerts@other-brand.org }]\n'), { rules: [rule] }).findings).toEqual([]);
  });
});
