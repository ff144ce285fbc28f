// PTR owner names and address comparison for the live checks.
import { expect, test } from 'vitest';
import { canonicalIp, expandIPv6, reverseName, sameIp } from '../../../src/dns/check/ip.js';

test('reverse names', () => {
  expect(reverseName('203.0.113.10')).toBe('10.113.0.203.in-addr.arpa');
  expect(reverseName('2001:db8::10')).toBe('0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  expect(reverseName('CAFE:BABE::1')).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa');
  expect(() => reverseName('mail.example.com')).toThrow('not an IP address');
});

test('IPv6 expansion, with an IPv4 tail and at either end', () => {
  expect(expandIPv6('::1')).toEqual(['0000', '0000', '0000', '0000', '0000', '0000', '0000', '0001']);
  expect(expandIPv6('fe80::')).toEqual(['fe80', '0000', '0000', '0000', '0000', '0000', '0000', '0000']);
  expect(expandIPv6('::ffff:1.2.3.4').slice(5)).toEqual(['ffff', '0102', '0304']);
  expect(() => expandIPv6('1:2:3')).toThrow('not an IPv6 address');
});

test('the same address in two spellings compares equal', () => {
  expect(sameIp('2001:DB8::10', '2001:db8:0:0:0:0:0:10')).toBe(true);
  expect(sameIp('2001:db8::10', '2001:db8::11')).toBe(false);
  expect(sameIp('203.0.113.10', '203.0.113.10')).toBe(true);
  expect(canonicalIp('198.51.100.7')).toBe('198.51.100.7');
});
