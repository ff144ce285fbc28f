// Tests the nginx encoder: plain tokens bare, other values quoted, and refusals of what nginx would misread.
import { describe, expect, it } from 'vitest';
import { block, comment, directive, encodeNginx, syntax, type NginxArg } from '../../../src/outputs/encode/nginx.js';
import { EncodeError } from '../../../src/outputs/encode/refuse.js';

const one = (...args: NginxArg[]) => encodeNginx([directive('x_test', args, ['relay', 'entry'])], 'etc/nginx/test.conf');
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EncodeError);
    return (error as Error).message;
  }
  throw new Error('no refusal');
};

describe('encodeNginx', () => {
  it('writes plain values bare and quotes the rest with \\ and " escaped', () => {
    expect(one('/etc/letsencrypt/live/a.example/fullchain.pem', 'mail-relay.acme-mail.net', 524288)).toBe('x_test /etc/letsencrypt/live/a.example/fullchain.pem mail-relay.acme-mail.net 524288;\n');
    expect(one('a b;c')).toBe('x_test "a b;c";\n');
    expect(one('{"ok":false}')).toBe('x_test "{\\"ok\\":false}";\n');
    expect(one('back\\slash x')).toBe('x_test "back\\\\slash x";\n');
    expect(one('')).toBe('x_test "";\n');
    expect(one('#not-a-comment')).toBe('x_test "#not-a-comment";\n');
  });

  it('nests blocks by four spaces and keeps comments on their own lines', () => {
    const text = encodeNginx([comment('head'), block('server', [], [directive('listen', [443, syntax('ssl')]), block('location', [syntax('='), '/send'], [directive('return', [404])])])], 't.conf');
    expect(text).toBe('# head\nserver {\n    listen 443 ssl;\n    location = /send {\n        return 404;\n    }\n}\n');
  });

  it('writes networks as canonical address/prefix', () => {
    expect(one({ network: { address: '198.51.100.0', family: 4, prefix: 24 } })).toBe('x_test 198.51.100.0/24;\n');
    expect(one({ network: { address: '2001:db8:5::', family: 6, prefix: 48 } })).toBe('x_test 2001:db8:5::/48;\n');
  });

  it('refuses a network that is not one', () => {
    expect(refusal(() => one({ network: { address: '198.51.100.0; allow all', family: 4, prefix: 24 } }))).toMatch(/is no IPv4 address/);
    expect(refusal(() => one({ network: { address: '198.51.100.0', family: 4, prefix: 33 } }))).toMatch(/prefix 33 is no IPv4 prefix length/);
    expect(refusal(() => one({ network: { address: '2001:DB8::', family: 6, prefix: 32 } }))).toMatch(/not in canonical form \(2001:db8::\)/);
    expect(refusal(() => one({ network: { address: '010.1.1.1', family: 4, prefix: 32 } }))).toMatch(/is no IPv4 address|canonical/);
  });

  it('refuses $, line breaks and leading characters nginx gives a meaning, naming the file and the config key', () => {
    expect(refusal(() => one('a$host'))).toMatch(/^internal error: etc\/nginx\/test\.conf: cannot encode x_test \(from relay\.entry\): nginx would read \$ as a variable/);
    expect(refusal(() => one('a\nallow all'))).toMatch(/control character \(U\+000A\)/);
    expect(refusal(() => one('x\u2028y'))).toMatch(/U\+2028/);
    for (const value of ['~^evil', '*.example.com', '=x', '@named', '!x', '^~x']) expect(refusal(() => one(value))).toMatch(/is read as nginx syntax/);
  });

  it('refuses syntax tokens that could end or quote a token, directive names that are none, and broken comments', () => {
    for (const text of ['a;b', 'a b', 'a{', '"a', "a'", 'a#b', 'a\\b']) expect(refusal(() => one(syntax(text)))).toMatch(/is not one nginx token/);
    expect(refusal(() => encodeNginx([directive('bad name', [])], 't.conf'))).toMatch(/not an nginx directive name/);
    expect(refusal(() => encodeNginx([comment('x\ndeny all;')], 't.conf'))).toMatch(/control character/);
    expect(refusal(() => one(-1))).toMatch(/not a non-negative integer/);
    expect(refusal(() => one(1.5))).toMatch(/not a non-negative integer/);
  });
});
