// Tests the systemd encoder: unit directives (systemd.syntax(7), specifiers, command lines) and env files.
import { describe, expect, it } from 'vitest';
import { encodeDirective, encodeEnvAssignment, type UnitDirective } from '../../../src/outputs/encode/systemd.js';

const unit = 'etc/systemd/system/r.service';
const directive = (key: string, value: UnitDirective['value']): UnitDirective => ({ section: 'Service', key, value, from: ['relay', 'hardening', key] });

describe('unit directives', () => {
  it('escapes % in directives that resolve specifiers and refuses it elsewhere', () => {
    expect(encodeDirective(directive('WorkingDirectory', '/opt/a%b'), unit)).toBe('WorkingDirectory=/opt/a%%b');
    expect(() => encodeDirective(directive('ProtectSystem', '%h'), unit)).toThrow(/specifier/);
  });

  it('quotes command-line words: $ doubled in arguments, \\ and " escaped inside double quotes', () => {
    const value = { command: { path: '/usr/bin/node', args: ['/opt/a b/server.js', '$HOME', 'x"y\\z', '50%'] } };
    expect(encodeDirective(directive('ExecStart', value), unit)).toBe('ExecStart=/usr/bin/node "/opt/a b/server.js" "$$HOME" "x\\"y\\\\z" 50%%');
    expect(() => encodeDirective(directive('ExecStart', { command: { path: '+/bin/sh', args: [] } }), unit)).toThrow(/absolute path/);
  });

  it('refuses what would add a line or be changed on reading', () => {
    expect(() => encodeDirective(directive('ReadWritePaths', '/q\nExecStartPre=+/bin/sh -c id'), unit)).toThrow('cannot encode ReadWritePaths (from relay.hardening.ReadWritePaths): a control character (U+000A)');
    expect(() => encodeDirective(directive('UMask', '0027\\'), unit)).toThrow(/continue onto the next line/);
    expect(() => encodeDirective(directive('UMask', ' 0027'), unit)).toThrow(/whitespace/);
    expect(() => encodeDirective(directive('ReadWritePaths', { words: ['/a b'] }), unit)).toThrow(/one word/);
    expect(() => encodeDirective(directive('Exec Start', 'x'), unit)).toThrow(/directive name/);
  });
});

describe('EnvironmentFile assignments', () => {
  it('writes plain values bare and double-quotes the rest with \\ " ` $ escaped', () => {
    const env = (value: string) => encodeEnvAssignment({ name: 'QUEUE_ROOT', value, from: ['relay', 'queue', 'root'] }, 'etc/r.env');
    expect(env('/var/spool/r')).toBe('QUEUE_ROOT=/var/spool/r');
    expect(env('[::1]:2525')).toBe('QUEUE_ROOT=[::1]:2525');
    expect(env('')).toBe('QUEUE_ROOT=""');
    expect(env('a b#c"d$e`f\\g\'h')).toBe('QUEUE_ROOT="a b#c\\"d\\$e\\`f\\\\g\'h"');
    expect(() => env('/q\nNODE_OPTIONS=--require=/tmp/x.js')).toThrow(/U\+000A/);
  });
});
