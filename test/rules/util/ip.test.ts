import { describe, expect, it } from 'vitest';
import { cidrContains, classifyIp, documentationRangeOf, parseCidr } from '../../../src/rules/util/ip.js';
import { aligned, organizationalDomain } from '../../../src/rules/util/org-domain.js';
import { hostnameProblem, nonPublicSuffix, reservedName } from '../../../src/rules/util/dns-name.js';

describe('ip helpers', () => {
  it('classifies special-purpose and public addresses', () => {
    expect(classifyIp('94.130.10.20')?.kind).toBe('public');
    expect(classifyIp('100.127.255.255')?.kind).toBe('shared');
    expect(classifyIp('100.128.0.1')?.kind).toBe('public');
    expect(classifyIp('172.31.255.1')?.kind).toBe('private');
    expect(classifyIp('172.32.0.1')?.kind).toBe('public');
    expect(classifyIp('203.0.113.10')).toMatchObject({ kind: 'documentation', range: '203.0.113.0/24' });
    expect(classifyIp('2a01:4f8::1')?.kind).toBe('public');
    expect(classifyIp('2001:db8:1::1')?.kind).toBe('documentation');
    expect(classifyIp('[::1]')?.kind).toBe('loopback');
    expect(classifyIp('mail.acme-mail.net')).toBeNull();
  });

  it('parses CIDRs, including Postfix brackets, and tests containment by family', () => {
    expect(parseCidr('[::1]/128')).toMatchObject({ address: '::1', prefix: 128, family: 6 });
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
    expect(cidrContains('94.130.10.0/28', '94.130.10.15')).toBe(true);
    expect(cidrContains('94.130.10.0/28', '94.130.10.16')).toBe(false);
    expect(cidrContains('::/0', '94.130.10.15')).toBe(false);
    expect(documentationRangeOf('198.51.100.7')?.cidr).toBe('198.51.100.0/24');
    expect(documentationRangeOf('198.51.0.0/16')).toBeNull();
  });
});

describe('name helpers', () => {
  it('finds why a host name is not one', () => {
    expect(hostnameProblem('mail.acme-mail.net')).toBeNull();
    expect(hostnameProblem('xn--bcher-kva.example.org')).toBeNull();
    expect(hostnameProblem(`${'a'.repeat(64)}.acme-mail.net`)).toMatchObject({ kind: 'bad-label', why: 'is longer than 63 characters' });
    expect(hostnameProblem('mail..acme-mail.net')).toMatchObject({ kind: 'bad-label', why: 'is empty' });
    expect(hostnameProblem('[94.130.10.20]')).toEqual({ kind: 'ip' });
  });

  it('tells documentation and local-only names apart from public ones', () => {
    expect(reservedName('bounces.Example.COM')).toEqual({ suffix: 'example.com', purpose: 'documentation', reference: 'RFC 2606 §3' });
    expect(reservedName('mail.test')).toEqual({ suffix: '.test', purpose: 'testing', reference: 'RFC 2606 §2, RFC 6761 §6.2' });
    expect(reservedName('brand.example')?.purpose).toBe('documentation');
    expect(reservedName('nowhere.invalid')?.purpose).toBe('invalid');
    expect(reservedName('mail.localhost')?.purpose).toBe('loopback');
    expect(reservedName('localhost')).toBeNull(); // bare localhost names loopback on purpose
    expect(reservedName('example-mail.com')).toBeNull();
    expect(reservedName('mail.testing.com')).toBeNull();
    expect(nonPublicSuffix('mail.localhost')).toBeNull(); // reserved-name's
    expect(nonPublicSuffix('mail.acme.corp')).toBe('corp');
    expect(nonPublicSuffix('mail.acme.local')).toBe('local');
    expect(nonPublicSuffix('mail.acme.test')).toBeNull();
    expect(nonPublicSuffix('mail.acme.co.uk')).toBeNull();
  });

  it('computes organizational domains with the public suffix list, private section included', () => {
    expect(organizationalDomain('a.b.acme.co.uk')).toBe('acme.co.uk');
    expect(organizationalDomain('news.acme.github.io')).toBe('acme.github.io');
    expect(aligned('news.acme-mail.net', 'ACME-MAIL.NET.', 'r')).toBe(true);
    expect(aligned('news.acme-mail.net', 'acme-mail.net', 's')).toBe(false);
    expect(aligned('a.github.io', 'b.github.io', 'r')).toBe(false);
  });
});
