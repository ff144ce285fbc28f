// Tests the OpenDKIM encoder: aligned rows, and refusal of comments, whitespace and line breaks.
import { describe, expect, it } from 'vitest';
import { encodeOpendkimRows } from '../../../src/outputs/encode/opendkim.js';

const out = 'etc/opendkim/SigningTable';

describe('OpenDKIM rows', () => {
  it('aligns key and value; a one-column row is the key alone', () => {
    expect(encodeOpendkimRows([{ key: '*@a.net', value: 'k._domainkey.a.net', from: [] }, { key: '::1', value: '', from: [] }], out)).toEqual(['*@a.net  k._domainkey.a.net', '::1']);
  });

  it('refuses a #, whitespace inside a value, and line breaks', () => {
    expect(() => encodeOpendkimRows([{ key: '*@a.net', value: 'k#x', from: [] }], out)).toThrow(/comment/);
    expect(() => encodeOpendkimRows([{ key: '*@a.net', value: 'k x', from: [] }], out)).toThrow(/whitespace/);
    expect(() => encodeOpendkimRows([{ key: '*@a.net\n*@evil.net', value: 'k', from: ['domains', 0, 'senders', 1] }], out)).toThrow('(from domains[0].senders[1])');
  });
});
