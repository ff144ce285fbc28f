// Tests the one shell quoter of APPLY.md: literal words, admin variables and operators.
import { describe, expect, it } from 'vitest';
import { comment, encodeShellCommand, op, variable, word } from '../../../src/outputs/encode/shell.js';

const site = { output: 'APPLY.md', key: 'step secrets', from: [] };

describe('shell commands', () => {
  it('single-quotes any literal that is not plainly safe, so $(…), ; and quotes stay text', () => {
    expect(encodeShellCommand(['install', '-d', "/var/spool/r$(id);'x'"], site)).toBe("install -d '/var/spool/r$(id);'\\''x'\\'''");
    expect(encodeShellCommand(['printf', '', 'a b'], site)).toBe("printf '' 'a b'");
  });

  it('keeps admin variables as double-quoted references, next to quoted literal text', () => {
    expect(encodeShellCommand(['cp', word(variable('DKIM_PRIVATE_DIR'), '/a b/k.private'), word('root@', variable('HOST'), ':/')], site)).toBe('cp "$DKIM_PRIVATE_DIR"\'/a b/k.private\' root@"$HOST":/');
    expect(encodeShellCommand([word(variable('P', 'set P first'))], site)).toBe('"${P:?set P first}"');
  });

  it('lays out operators from the fixed set, and refuses bad variable names and line breaks', () => {
    expect(encodeShellCommand(['test', '-s', '/f', op('||'), op('('), 'umask', '077', op(';'), 'head', op('|'), 'base64', op('>'), '/f', op(')')], site)).toBe('test -s /f || (umask 077; head | base64 > /f)');
    expect(encodeShellCommand([comment('publish dns/a.zone')], site)).toBe('# publish dns/a.zone');
    expect(() => encodeShellCommand([word(variable('A;B'))], site)).toThrow(/not a variable name/);
    expect(() => encodeShellCommand(['x\nrm -rf /'], site)).toThrow(/U\+000A/);
    expect(() => encodeShellCommand([comment('x\nrm -rf /')], site)).toThrow(/U\+000A/);
    expect(() => encodeShellCommand([word(variable('P', '$(id)'))], site)).toThrow(/letters, digits and spaces/);
  });

  it('lays out a command that names every domain (thousands of words) like a short one', () => {
    const keys = Array.from({ length: 8000 }, (_, i) => `brand${i}.example.net/s202606.private`);
    expect(encodeShellCommand([op('('), 'tar', '-cf', '-', ...keys, op(')'), op('|'), 'ssh', 'host'], site)).toBe(`(tar -cf - ${keys.join(' ')}) | ssh host`);
  });
});
