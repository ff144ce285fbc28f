// Tests expandParameter: $name references expanded the way postconf -x does, and refused where lint cannot.
import { describe, expect, it } from 'vitest';
import { expandParameter, isRawParameter } from '../../../src/rules/util/postconf-expand.js';

const config = (values: Record<string, string>) => (name: string) => values[name];

describe('expandParameter', () => {
  it('expands $name, ${name} and $(name) recursively, with $$ a literal dollar', () => {
    const param = config({ a: '/x/$b', b: 'y', c: '$(a)' });
    expect(expandParameter('$a ${a} $(c) $$a', param)).toEqual({ text: '/x/y /x/y /x/y $a' });
  });

  it("takes Postfix's default for a parameter the config does not set, and empty for an unknown name", () => {
    expect(expandParameter('$shlib_directory/$nonesuch_parameter|', config({}))).toEqual({ text: '/usr/lib/postfix/|' });
    expect(expandParameter('$lmtp_sasl_path', config({}))).toEqual({ text: '' });
  });

  it('expands ${name?value}, ${name:value}, their {value} forms and ${name?{value}:{otherwise}}', () => {
    const param = config({ set: 'on', empty: '' });
    expect(expandParameter('${set?yes}|${empty?yes}|${set:no}|${empty:no}', param)).toEqual({ text: 'yes|||no' });
    expect(expandParameter('${set?{/a/$set}}${empty:{/b}}', param)).toEqual({ text: '/a/on/b' });
    expect(expandParameter('${set?{one}:{two}} ${empty?{one}:{two}}', param)).toEqual({ text: 'one two' });
  });

  it('keeps a raw parameter (mailbox_command, forward_path) as written when it is referenced, as postconf does', () => {
    expect(isRawParameter('mailbox_command')).toBe(true);
    expect(isRawParameter('daemon_directory')).toBe(false);
    expect(expandParameter('$mailbox_command', config({ mailbox_command: '/bin/p $user', user: 'x' }))).toEqual({ text: '/bin/p $user' });
  });

  it('refuses what it cannot expand: relational forms, unclosed braces, a lone $, self-reference, runaway growth', () => {
    expect(expandParameter('${a==b?{x}}', config({}))).toEqual({ error: expect.stringMatching(/a form lint does not expand/) });
    expect(expandParameter('${a', config({}))).toEqual({ error: 'an unclosed "{" at character 2' });
    expect(expandParameter('a $ b', config({}))).toEqual({ error: 'a lone "$" at character 3' });
    expect(expandParameter('$a', config({ a: '$a' }))).toEqual({ error: 'references nested more than 100 deep' });
    const doubling = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, `$p${i + 1}$p${i + 1}`]));
    expect(expandParameter('$p0', config({ ...doubling, p20: 'xxxxxxxx' }))).toEqual({ error: 'an expansion longer than 65536 characters' });
  });
});
