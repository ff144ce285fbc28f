// The dns2 resolver adapter against a real dns2 server: node:dns answer shapes, void vs failure
// error codes, CNAME chains, TCP after a truncated UDP answer, timeouts, and the per-run cache.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createResolver, DnsLookupError, isVoidError, parseResolverAddress, type DnsResolver } from '../../src/dns/resolver.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

let server: TestDnsServer;
let resolver: DnsResolver;
const LONG = 'x'.repeat(255);

beforeAll(async () => {
  server = await startDnsServer({
    records: [
      { name: 'host.example', type: 'A', address: '192.0.2.1' },
      { name: 'host.example', type: 'A', address: '192.0.2.2' },
      { name: 'host.example', type: 'AAAA', address: '2001:db8::1' },
      { name: 'host.example', type: 'MX', priority: 10, exchange: 'mx.example' },
      { name: 'host.example', type: 'TXT', strings: ['v=spf1 ', 'ip4:192.0.2.1 -all'] },
      { name: 'host.example', type: 'TXT', strings: ['other'] },
      { name: '1.2.0.192.in-addr.arpa', type: 'PTR', target: 'host.example' },
      { name: 'alias.example', type: 'CNAME', target: 'host.example' },
      { name: 'big.example', type: 'TXT', strings: [LONG, LONG, LONG] },
      { name: 'caa.example', type: 'CAA', flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    ],
    silent: { 'slow.example': 'all' },
    servfail: ['broken.example'],
  });
  resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 200, tries: 2 });
});
afterAll(async () => {
  await server?.close();
});

async function rejection(promise: Promise<unknown>): Promise<DnsLookupError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DnsLookupError);
    return error as DnsLookupError;
  }
  throw new Error('expected a rejection');
}

describe('parseResolverAddress', () => {
  test.each([
    ['127.0.0.1', { host: '127.0.0.1', port: 53 }],
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
    ['[::1]:5353', { host: '::1', port: 5353 }],
    [' 9.9.9.9 ', { host: '9.9.9.9', port: 53 }],
  ])('%s', (text, expected) => expect(parseResolverAddress(text)).toEqual(expected));

  test.each([
    ['dns.google', '--resolver needs an IP address, not a name (got "dns.google")'],
    ['127.0.0.1:0', '--resolver port must be 1-65535 (got "127.0.0.1:0")'],
    ['127.0.0.1:70000', '--resolver port must be 1-65535'],
    ['1.2.3.4:53:53', '--resolver takes HOST[:PORT]'],
  ])('refuses %s', (text, message) => expect(() => parseResolverAddress(text)).toThrow(message));
});

describe('answers in node:dns shapes', () => {
  test('A, AAAA, MX, PTR, CAA', async () => {
    expect(await resolver.resolve('host.example', 'A')).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(await resolver.resolve('host.example', 'AAAA')).toEqual(['2001:db8::1']);
    expect(await resolver.resolve('HOST.example.', 'MX')).toEqual([{ exchange: 'mx.example', priority: 10 }]);
    expect(await resolver.resolve('1.2.0.192.in-addr.arpa', 'PTR')).toEqual(['host.example']);
    expect(await resolver.resolve('caa.example', 'CAA')).toEqual([{ critical: 0, tag: 'issue', value: 'letsencrypt.org' }]);
  });

  test('TXT keeps each record and its character-strings apart', async () => {
    expect(await resolver.resolve('host.example', 'TXT')).toEqual([['v=spf1 ', 'ip4:192.0.2.1 -all'], ['other']]);
  });

  test('a CNAME chain is followed by the server; only records of the asked type come back', async () => {
    expect(await resolver.resolve('alias.example', 'A')).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(await resolver.resolve('alias.example', 'CNAME')).toEqual(['host.example']);
  });

  test('an answer too big for UDP is asked again over TCP', async () => {
    const before = server.queries.filter((q) => q === 'TXT big.example').length;
    expect(await resolver.resolve('big.example', 'TXT')).toEqual([[LONG, LONG, LONG]]);
    // Once over UDP (truncated), once over TCP.
    expect(server.queries.filter((q) => q === 'TXT big.example').length - before).toBe(2);
  });
});

describe('void answers and failures are told apart', () => {
  test('NXDOMAIN is ENOTFOUND, NODATA is ENODATA: both void', async () => {
    const nx = await rejection(resolver.resolve('nothing.example', 'TXT'));
    expect(nx.code).toBe('ENOTFOUND');
    expect(isVoidError(nx)).toBe(true);
    const nodata = await rejection(resolver.resolve('caa.example', 'A'));
    expect(nodata.code).toBe('ENODATA');
    expect(nodata.detail).toBe(`no A record (NODATA) from ${server.address}`);
  });

  test('SERVFAIL is ESERVFAIL, not void', async () => {
    const error = await rejection(resolver.resolve('broken.example', 'A'));
    expect(error.code).toBe('ESERVFAIL');
    expect(isVoidError(error)).toBe(false);
  });

  test('no answer is ETIMEOUT after every try', async () => {
    const started = Date.now();
    const error = await rejection(resolver.resolve('slow.example', 'TXT'));
    expect(error.code).toBe('ETIMEOUT');
    expect(error.detail).toBe(`no answer from ${server.address} within 200 ms (2 tries)`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(server.queries.filter((q) => q === 'TXT slow.example')).toHaveLength(2);
  });

  test('a name that cannot be queried does not exist, and is never sent', async () => {
    const label = 'a'.repeat(64);
    const error = await rejection(resolver.resolve(`${label}.example`, 'A'));
    expect(error.code).toBe('ENOTFOUND');
    expect(error.detail).toContain('label longer than 63 octets');
    expect((await rejection(resolver.resolve('a..example', 'A'))).detail).toContain('empty label');
    expect(server.queries.some((q) => q.includes(label) || q.includes('a..example'))).toBe(false);
  });

  test('answers and failures are cached for the run', async () => {
    const count = () => server.queries.filter((q) => q === 'A host.example').length;
    await resolver.resolve('host.example', 'A');
    const before = count();
    await resolver.resolve('Host.Example', 'A');
    expect(count()).toBe(before);
    const slow = server.queries.filter((q) => q === 'TXT slow.example').length;
    await rejection(resolver.resolve('slow.example', 'TXT'));
    expect(server.queries.filter((q) => q === 'TXT slow.example').length).toBe(slow);
  });
});
