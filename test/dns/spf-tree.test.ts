// The SPF include tree against a real dns2 server: worst-case lookup numbering, void lookups,
// redirect rules, loops, macros, failures, and the printout check-dns shows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createResolver, type DnsResolver } from '../../src/dns/resolver.js';
import { brokenTargets, buildSpfTree, pathToLookup, renderSpfTree, voidTerms } from '../../src/dns/spf-tree.js';
import { startDnsServer, type TestDnsServer, type TestRecord } from '../helpers/dns-server.js';

const spf = (name: string, text: string): TestRecord => ({ name, type: 'TXT', strings: [text] });

let server: TestDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  server = await startDnsServer({
    records: [
      spf('example.com', 'v=spf1 ip4:203.0.113.10 include:p1.example a:mail.example.com mx redirect=ignored.example -all'),
      spf('p1.example', 'v=spf1 include:p2.example exists:%{i}.rbl.example ptr ~all'),
      spf('p2.example', 'v=spf1 ip4:198.51.100.0/24 a:gone.example -all'),
      { name: 'mail.example.com', type: 'A', address: '203.0.113.10' },
      { name: 'example.com', type: 'MX', priority: 10, exchange: 'mx.example' },
      spf('redir.example', 'v=spf1 a:v6only.example redirect=p2.example'),
      { name: 'v6only.example', type: 'AAAA', address: '2001:db8::1' },
      spf('loop1.example', 'v=spf1 include:loop2.example -all'),
      spf('loop2.example', 'v=spf1 include:loop1.example -all'),
      spf('two.example', 'v=spf1 include:double.example include:nospf.example include:bad.example include:slow.example -all'),
      spf('double.example', 'v=spf1 -all'),
      spf('double.example', 'v=spf1 ~all'),
      { name: 'nospf.example', type: 'TXT', strings: ['google-site-verification=abc'] },
      spf('bad.example', 'v=spf1 ip4:1.2.3 -all'),
    ],
    silent: { 'slow.example': 'all' },
  });
  resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 150, tries: 1 });
});
afterAll(async () => {
  await server?.close();
});

describe('buildSpfTree', () => {
  test('numbers every DNS-querying term in worst-case order, through includes', async () => {
    const tree = await buildSpfTree(resolver, 'example.com');
    expect(tree.lookups).toBe(7);
    expect(tree.voids).toBe(1);
    expect(renderSpfTree(tree)).toBe(
      [
        'SPF example.com: 7 DNS lookups (limit 10), 1 void lookup (limit 2)',
        '  example.com  "v=spf1 ip4:203.0.113.10 include:p1.example a:mail.example.com mx redirect=ignored.example -all"',
        '  ├─ #1 include:p1.example',
        '  │  ├─ #2 include:p2.example',
        '  │  │  └─ #3 a:gone.example  (void lookup #1: NXDOMAIN (no such name))',
        '  │  ├─ #4 exists:%{i}.rbl.example  (target has macros: depends on the message)',
        '  │  └─ #5 ptr  (depends on the connecting IP (ptr is deprecated, RFC 7208 5.5))',
        '  ├─ #6 a:mail.example.com',
        '  └─ #7 mx',
        '',
      ].join('\n'),
    );
    expect(pathToLookup(tree, 3)).toEqual(['include:p1.example', 'include:p2.example', 'a:gone.example']);
    expect(voidTerms(tree).map((t) => t.term)).toEqual(['a:gone.example']);
  });

  test('redirect counts after the mechanisms; an a-term with only AAAA is not void', async () => {
    const tree = await buildSpfTree(resolver, 'redir.example');
    expect(tree.root.terms.map((t) => [t.lookup, t.term, t.voidIndex])).toEqual([
      [1, 'a:v6only.example', null],
      [2, 'redirect=p2.example', null],
    ]);
    expect(tree.lookups).toBe(3);
  });

  test('a loop is counted once and not followed', async () => {
    const tree = await buildSpfTree(resolver, 'loop1.example');
    expect(tree.lookups).toBe(2);
    expect(brokenTargets(tree).map((b) => [b.path.join(' > '), b.problem.kind])).toEqual([['include:loop2.example > include:loop1.example', 'loop']]);
  });

  test('broken includes: two records, no SPF record, no parse; a silent one is a failure', async () => {
    const tree = await buildSpfTree(resolver, 'two.example');
    expect(brokenTargets(tree).map((b) => [b.term.term, b.problem.kind, b.problem.detail])).toEqual([
      ['include:double.example', 'multiple', '2 SPF records (RFC 7208 4.5: permerror)'],
      ['include:nospf.example', 'no-spf', '1 TXT record, none starting with v=spf1'],
      ['include:bad.example', 'syntax', 'does not parse: "ip4:1.2.3": "1.2.3" is not an IPv4 address'],
    ]);
    expect(tree.failures.map((f) => [f.name, f.type, f.term])).toEqual([['slow.example', 'TXT', 'include:slow.example']]);
    expect(renderSpfTree(tree)).toContain('#4 include:slow.example  (lookup failed: timed out');
  });

  test('a missing root says so and counts nothing', async () => {
    const tree = await buildSpfTree(resolver, 'absent.example');
    expect(tree.root.problem).toEqual({ kind: 'void', detail: 'NXDOMAIN (no such name)' });
    expect(tree.lookups).toBe(0);
  });
});
