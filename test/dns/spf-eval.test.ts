// evaluateSpf: mailauth's verdicts through our dns2 resolver, with the RFC 7208 grammar applied
// where the evaluation reaches a record (a broken include after the match does not change a pass).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createResolver, type DnsResolver } from '../../src/dns/resolver.js';
import { evaluateSpf } from '../../src/dns/spf-eval.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

let server: TestDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  server = await startDnsServer({
    records: [
      { name: 'example.com', type: 'TXT', strings: ['v=spf1 ip4:203.0.113.10 include:bad.example ~all'] },
      { name: 'bad.example', type: 'TXT', strings: ['v=spf1 ip4:198.51.100.0/24 ip6 -all'] },
      { name: 'good.example', type: 'TXT', strings: ['v=spf1 a:mail.good.example -all'] },
      { name: 'mail.good.example', type: 'A', address: '192.0.2.5' },
    ],
    silent: { 'slow.example': 'all' },
  });
  resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 150, tries: 1 });
});
afterAll(async () => {
  await server?.close();
});

test('pass and fail come from lookups on our server', async () => {
  const pass = await evaluateSpf(resolver, { ip: '192.0.2.5', sender: 'bounces@good.example', helo: 'mail.good.example' });
  expect(pass).toMatchObject({ result: 'pass', record: 'v=spf1 a:mail.good.example -all', lookups: 1, voidLookups: 0 });
  const fail = await evaluateSpf(resolver, { ip: '192.0.2.6', sender: 'bounces@good.example', helo: 'mail.good.example' });
  expect(fail.result).toBe('fail');
  expect(server.queries).toContain('A mail.good.example');
});

test('a record that does not parse is permerror where evaluation reaches it', async () => {
  const before = await evaluateSpf(resolver, { ip: '203.0.113.10', sender: 'bounces@example.com', helo: 'mail.example.com' });
  expect(before.result).toBe('pass');
  const reached = await evaluateSpf(resolver, { ip: '192.0.2.99', sender: 'bounces@example.com', helo: 'mail.example.com' });
  expect(reached.result).toBe('permerror');
  expect(reached.comment).toContain('SPF record of bad.example does not parse: ip6: ip6 needs ":address"');
});

test('no answer is temperror, no record is none', async () => {
  expect((await evaluateSpf(resolver, { ip: '192.0.2.5', sender: 'a@slow.example', helo: 'x.example' })).result).toBe('temperror');
  expect((await evaluateSpf(resolver, { ip: '192.0.2.5', sender: 'a@absent.example', helo: 'x.example' })).result).toBe('none');
});
