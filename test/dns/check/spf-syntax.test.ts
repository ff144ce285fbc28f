// The RFC 7208 grammar check behind "the published SPF record parses" and the strict evaluation.
import { describe, expect, test } from 'vitest';
import { checkSpfSyntax, isSpfRecord } from '../../../src/dns/check/spf-syntax.js';

describe('records that parse', () => {
  test.each([
    'v=spf1',
    'v=spf1 ip4:203.0.113.10 include:_spf.mx.cloudflare.net ~all',
    'V=SPF1 IP4:203.0.113.0/24 ip6:2001:db8::/32 -ALL',
    'v=spf1 a mx a/24 mx//64 a:mail.example.com/24//64 -all',
    'v=spf1 a:foo:bar/baz.example.com ptr ptr:example.com ?all',
    'v=spf1 exists:%{i}.%{l2r-}.user.%{d2} -include:_spfh.%{d2} ~all',
    'v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all',
    'v=spf1 redirect=%{d}.d.spf.example.com.',
    'v=spf1 -all exp=explain.example.com moo.cow-far_out=man:dog/cat default=+',
    'v=spf1 a:foo.example.xn--zckzah  -all ',
  ])('%s', (record) => expect(checkSpfSyntax(record)).toBeNull());
});

describe('records that do not', () => {
  test.each([
    ['v=spf1 -all ip6', 'ip6', 'ip6 needs ":address"'],
    ['v=spf1 ip4:1.2.3.4/032 -all', 'ip4:1.2.3.4/032', 'malformed CIDR length "/032"'],
    ['v=spf1 ip4:1.2.3.4/33', 'ip4:1.2.3.4/33', 'CIDR length /33 is over 32'],
    ['v=spf1 ip4:1.2.3', 'ip4:1.2.3', '"1.2.3" is not an IPv4 address'],
    ['v=spf1 ip6:::1.1.1.1//33', 'ip6:::1.1.1.1//33', 'malformed CIDR length "//33"'],
    ['v=spf1 a//129', 'a//129', 'IPv6 CIDR length //129 is over 128'],
    ['v=spf1 a/24/64', 'a/24/64', 'malformed CIDR length "/24/64"'],
    ['v=spf1 ptr/0 -all', 'ptr/0', 'ptr takes no CIDR length'],
    ['v=spf1 include: -all', 'include:', 'target is empty'],
    ['v=spf1 include:ip5.example.com/24', 'include:ip5.example.com/24', 'does not end in a valid top-level label'],
    ['v=spf1 a:111.222.33.44', 'a:111.222.33.44', 'does not end in a valid top-level label'],
    ['v=spf1 a:museum', 'a:museum', 'does not end in a valid top-level label'],
    ['v=spf1 ip4:1.2.3.4 -all moo', 'moo', 'unknown mechanism "moo"'],
    ['v=spf1 ip4:1.2.3.4 redirect:t2.example.com', 'redirect:t2.example.com', 'unknown mechanism'],
    ['v=spf1 -all.', '-all.', 'unknown mechanism "-all."'],
    ['v=spf1 -all:foobar', '-all:foobar', '"all" takes no argument'],
    ['v=spf1 exp=a.example.com -all exp=b.example.com', 'exp=b.example.com', 'exp= appears more than once'],
    ['v=spf1 exp=-all', 'exp=-all', 'exp= needs a domain'],
    ['v=spf1 -all exp=%{r}.example.com', 'exp=%{r}.example.com', 'invalid macro %{r}'],
    ['v=spf1 -exists:%(ir).sbl.example.com', '-exists:%(ir).sbl.example.com', '"%" must start'],
    ['v=spf1 a:%{d0}.example.com', 'a:%{d0}.example.com', 'keeps zero labels'],
    ['v=spf1 -all foo=%abc', 'foo=%abc', 'modifier foo=:'],
    ['v=spf1 =all', '=all', 'unknown mechanism "=all"'],
  ])('%s', (record, term, reason) => {
    const problem = checkSpfSyntax(record);
    expect(problem?.term).toBe(term);
    expect(problem?.reason).toContain(reason);
  });

  test('control characters and non-ASCII', () => {
    expect(checkSpfSyntax('v=spf1 a:ctrl.example.com\rptr -all')?.reason).toContain('U+000D');
    expect(checkSpfSyntax('v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all')?.reason).toContain('U+00EF');
  });
});

test('isSpfRecord: "v=spf1" then a space or the end', () => {
  expect(isSpfRecord('v=spf1')).toBe(true);
  expect(isSpfRecord('V=Spf1 -all')).toBe(true);
  expect(isSpfRecord('v=spf10')).toBe(false);
  expect(isSpfRecord('v=spf1mx')).toBe(false);
});
