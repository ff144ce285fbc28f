import { describe, expect, it } from 'vitest';
import { MAX_WALK_QUERIES, policyDomain, treeWalkNames } from '../../src/dns/dmarc-tree-walk.js';

describe('treeWalkNames (RFC 9989 section 4.10)', () => {
  it('walks one label at a time below 8 labels, down to the top-level label', () => {
    expect(treeWalkNames('a.mail.example.com.')).toEqual(['a.mail.example.com', 'mail.example.com', 'example.com', 'com']);
    expect(treeWalkNames('com')).toEqual(['com']);
  });

  it('at 8 labels the next name is the parent; at more it jumps to the last 7 labels: never more than 8 names', () => {
    const eight = 'a.b.c.d.e.f.example.com';
    expect(treeWalkNames(eight)).toEqual([eight, 'b.c.d.e.f.example.com', 'c.d.e.f.example.com', 'd.e.f.example.com', 'e.f.example.com', 'f.example.com', 'example.com', 'com']);
    // The RFC's own example: a.b.c.d.e.f.g.h.i.j.mail.example.com.
    const names = treeWalkNames('a.b.c.d.e.f.g.h.i.j.mail.example.com');
    expect(names).toHaveLength(MAX_WALK_QUERIES);
    expect(names.slice(0, 3)).toEqual(['a.b.c.d.e.f.g.h.i.j.mail.example.com', 'g.h.i.j.mail.example.com', 'h.i.j.mail.example.com']);
    expect(names.at(-1)).toBe('com');
  });
});

describe('policyDomain (RFC 9989 section 4.10.1, 4.10.2)', () => {
  it('takes the record with the fewest labels, unless psd=n or psd=y decides', () => {
    expect(policyDomain('a.mail.example.com', [])).toBeNull();
    const plain = [{ name: 'mail.example.com', psd: undefined }, { name: 'example.com', psd: undefined }];
    expect(policyDomain('a.mail.example.com', plain)).toEqual({ record: plain[1], organizationalDomain: 'example.com' });
    const stop = [{ name: 'mail.example.com', psd: 'n' }];
    expect(policyDomain('a.mail.example.com', stop)).toEqual({ record: stop[0], organizationalDomain: 'mail.example.com' });
    // The RFC's PSD example: giant.bank.example under a psd=y record at bank.example.
    const psd = [{ name: 'giant.bank.example', psd: undefined }, { name: 'bank.example', psd: 'Y' }];
    expect(policyDomain('mail.giant.bank.example', psd)).toEqual({ record: psd[0], organizationalDomain: 'giant.bank.example' });
    expect(policyDomain('mail.mega.bank.example', [psd[1]])).toEqual({ record: psd[1], organizationalDomain: 'mega.bank.example' });
  });
});
