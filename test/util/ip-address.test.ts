// The address syntax relayconf accepts is node:net's (minus zones), decided without node:net:
// checked here against node:net itself on edge cases and on generated near-addresses.
import { isIP, isIPv4 as netIsIPv4, isIPv6 as netIsIPv6, BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipBytes, ipFamily, isIPv4, isIPv6, samePrefix } from '../../src/util/ip-address.js';

const EDGE = [
  '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.02.3.4', '1.2.3.4 ', ' 1.2.3.4',
  '1..3.4', '0x7f.0.0.1', '127.1', '2130706433', '1.2.3.-4', '+1.2.3.4', '1.2.3.4\n', '1.2.3.04',
  '::', '::1', '1::', '::ffff:1.2.3.4', '::ffff:01.2.3.4', '::ffff:1.2.3', '::ffff:256.2.3.4', '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:',
  '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '2001:DB8::1', '2001:db8:0:0:0:0:0:1', '12345::', 'g::1', ':::',
  '2001:db8::1/64', '[::1]', 'fe80::1%eth0', '1.2.3.4/24', '', ':', '.', 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255',
  '::1.2.3.4', '::1.2.3.4.5', '1:2:3:4:5:6:7:8%1', '0:0:0:0:0:0:0:0', '00000::1', '0000::1', '1:2:3:4:5::1.2.3.4',
  '1:2:3:4:5:6::1.2.3.4', '::ffff:1.2.3.4:1', 'localhost', '2001:db8::1]/x[', '::%', '::1 ',
];

/** Near-addresses: real ones with one character replaced, inserted or removed. */
function mutations(seed: string[]): string[] {
  const alphabet = ['0', '1', '9', 'a', 'f', 'g', ':', '.', '%', '/', ' ', ''];
  const out: string[] = [];
  for (const s of seed) {
    for (let i = 0; i <= s.length; i++) {
      for (const c of alphabet) {
        out.push(s.slice(0, i) + c + s.slice(i + 1));
        out.push(s.slice(0, i) + c + s.slice(i));
      }
    }
  }
  return out;
}

describe('ip-address', () => {
  const corpus = [...EDGE, ...mutations(['192.0.2.10', '2001:db8::25', '::ffff:198.51.100.7', '1:2:3:4:5:6:7:8', 'fe80::1'])];

  it('accepts exactly what node:net accepts, minus zone identifiers', () => {
    const disagree = corpus.filter((s) =>
      isIPv4(s) !== netIsIPv4(s) || isIPv6(s) !== (netIsIPv6(s) && !s.includes('%')) || ipFamily(s) !== (s.includes('%') ? 0 : isIP(s)));
    expect(disagree).toEqual([]);
    expect(corpus.length).toBeGreaterThan(1500);
  });

  it('expands IPv6 to 16 bytes, embedded IPv4 included', () => {
    expect([...ipBytes('2001:db8::1')!]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect([...ipBytes('::ffff:192.0.2.1')!]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]);
    expect([...ipBytes('1:2:3:4:5:6:7:8')!]).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect([...ipBytes('::')!]).toEqual(new Array(16).fill(0));
    expect([...ipBytes('203.0.113.9')!]).toEqual([203, 0, 113, 9]);
    expect(ipBytes('fe80::1%eth0')).toBeNull();
    expect(ipBytes('example.com')).toBeNull();
  });

  it('matches prefixes as node:net BlockList does', () => {
    const ranges = ['0.0.0.0/0', '10.0.0.0/8', '100.64.0.0/10', '192.0.2.0/24', '192.0.2.128/25', '255.255.255.255/32',
      '::/0', '2001:db8::/32', 'fe80::/10', 'fc00::/7', '::ffff:0:0/96', '2001:db8:1:2::/63', '2000::/3'];
    const addresses = corpus.filter((s) => ipFamily(s) !== 0)
      .concat(['10.255.1.1', '100.127.255.255', '100.128.0.0', '192.0.2.200', 'febf::1', 'fec0::1', 'fdff::1', '2001:db8:1:3::1', '2001:db8:1:4::1']);
    const disagree: string[] = [];
    for (const range of ranges) {
      const [address, bits] = range.split('/');
      const family = ipFamily(address) === 4 ? 'ipv4' : 'ipv6';
      const list = new BlockList();
      list.addSubnet(address, Number(bits), family);
      for (const candidate of addresses) {
        if (ipFamily(candidate) !== ipFamily(address)) continue;
        const ours = samePrefix(ipBytes(address)!, ipBytes(candidate)!, Number(bits));
        if (ours !== list.check(candidate, family)) disagree.push(`${candidate} in ${range}`);
      }
    }
    expect(disagree).toEqual([]);
  });
});
