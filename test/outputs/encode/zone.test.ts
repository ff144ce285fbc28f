// Tests the zone encoder: names, typed rdata and TXT character-strings (RFC 1035 5.1).
import { describe, expect, it } from 'vitest';
import { encodeRdata, encodeRecord, type ZoneRecord } from '../../../src/outputs/encode/zone.js';

const record = (over: Partial<ZoneRecord>): ZoneRecord => ({ name: 'acme-mail.net', type: 'TXT', ttl: 3600, value: '', from: ['dns', 'extraRecords', 0], ...over });
const out = 'dns/acme-mail.net.zone';

describe('zone records', () => {
  it('quotes TXT strings: " and \\ escaped, bytes outside printable ASCII as \\DDD', () => {
    expect(encodeRdata(record({ strings: ['a "b" \\c', 'é'] }), out)).toBe('"a \\"b\\" \\\\c" "\\195\\169"');
  });

  it('writes typed rdata: MX preference and target, null MX, CAA re-quoted', () => {
    expect(encodeRdata(record({ type: 'MX', value: 'mx1.acme-mail.net', priority: 10 }), out)).toBe('10 mx1.acme-mail.net.');
    expect(encodeRdata(record({ type: 'MX', value: '', priority: 0 }), out)).toBe('0 .');
    expect(encodeRdata(record({ type: 'CAA', value: '0 issue "letsencrypt.org"' }), out)).toBe('0 issue "letsencrypt.org"');
    expect(encodeRecord(record({ name: 'mail.acme-mail.net', type: 'A', value: '94.130.10.20', ttl: 300 }), 'acme-mail.net', 3600, out)).toEqual({ owner: 'mail', ttl: '300', type: 'A', data: '94.130.10.20' });
  });

  it('refuses control characters, names that are not DNS names, and rdata of the wrong shape', () => {
    expect(() => encodeRdata(record({ strings: ['v=spf1\n$INCLUDE /etc/passwd'] }), out)).toThrow('cannot encode acme-mail.net TXT (from dns.extraRecords[0]): a control character (U+000A)');
    expect(() => encodeRdata(record({ type: 'MX', value: 'mx.acme-mail.net.\n@ NS evil.example', priority: 10 }), out)).toThrow(/U\+000A/);
    expect(() => encodeRdata(record({ type: 'CNAME', value: 'a b.example' }), out)).toThrow(/not a DNS name/);
    expect(() => encodeRdata(record({ type: 'A', value: '1.2.3.4 ; x' }), out)).toThrow(/not an IPv4 address/);
    expect(() => encodeRdata(record({ strings: ['x'.repeat(256)] }), out)).toThrow(/255 bytes/);
    expect(() => encodeRecord(record({ name: 'evil.example' }), 'acme-mail.net', 3600, out)).toThrow(/outside the zone/);
  });
});
