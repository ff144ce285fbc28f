// The label walk (src/dns/name-index.ts) against the scans it replaced in zoneFor and the rules:
// the same answer for names at, under, beside and above a set of domains, odd dots included.
import { describe, expect, it } from 'vitest';
import { ancestors, nearestParent } from '../../src/dns/name-index.js';
import { zoneFor } from '../../src/dns/records.js';

const domains = ['acme-mail.net', 'eu.acme-mail.net', 'mail.net', 'other.org', 'a.b.c.example-shop.de'];
const names = [
  'acme-mail.net', 'x.acme-mail.net', 'x.eu.acme-mail.net', 'eu.acme-mail.net', 'notacme-mail.net', 'acme-mail.net.evil.com',
  'mail.net', 'smtp.mail.net', 'other.org', 'b.c.example-shop.de', 'z.a.b.c.example-shop.de', 'example-shop.de', 'net', '',
  '.acme-mail.net', 'x..acme-mail.net', 'bounces.other.org', 'mail.bench-relay.net', 'MAIL.ACME-MAIL.NET.',
];

/** What zoneFor computed before: the longest listed domain the lower-cased name equals or ends with after a dot. */
function scanned(name: string, list: string[]): string | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return list.filter((d) => lower === d || lower.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];
}

describe('nearestParent', () => {
  it('answers what scanning every domain answered', () => {
    for (const name of names) {
      const lower = name.toLowerCase().replace(/\.$/, '');
      expect(nearestParent(lower, new Set(domains)), name).toBe(scanned(name, domains));
    }
  });

  it('lists a name and then what follows each of its dots', () => {
    expect([...ancestors('a.b.example')]).toEqual(['a.b.example', 'b.example', 'example']);
    expect([...ancestors('x..y')]).toEqual(['x..y', '.y', 'y']);
  });

  it('leaves zoneFor as it was, from a list or a set, falling back to the registrable domain', () => {
    for (const name of names.filter(Boolean)) {
      const expected = scanned(name, domains);
      expect(zoneFor(name, domains), name).toBe(zoneFor(name, new Set(domains)));
      if (expected) expect(zoneFor(name, domains), name).toBe(expected);
    }
    expect(zoneFor('mail.bench-relay.net', domains)).toBe('bench-relay.net');
  });
});
