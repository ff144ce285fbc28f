// Tests the Postfix encoder: main.cf parameters, master.cf services and map rows, and its refusals.
import { describe, expect, it } from 'vitest';
import { encodeMainCfParameter, encodeMapRows, encodeMasterService, type MasterService } from '../../../src/outputs/encode/postfix.js';
import { EncodeError } from '../../../src/outputs/encode/refuse.js';

const param = (name: string, value: string) => ({ name, value, from: ['postfix', 'parameters', name], overridden: true });
const service = (over: Partial<MasterService>): MasterService => ({
  service: 'x', type: 'unix', private: '-', unpriv: '-', chroot: 'y', wakeup: '-', maxproc: '-', command: 'smtp', args: [], from: ['postfix', 'services', 0], ...over,
});

describe('main.cf parameters', () => {
  it('writes name = value, an empty value as name =, and any printable text as is', () => {
    expect(encodeMainCfParameter(param('mydestination', ''))).toBe('mydestination =');
    expect(encodeMainCfParameter(param('smtpd_banner', '$myhostname ESMTP #1 "ok"; \\ é'))).toBe('smtpd_banner = $myhostname ESMTP #1 "ok"; \\ é');
  });

  it('refuses a line break, naming the output, the parameter and the config key', () => {
    const attempt = () => encodeMainCfParameter(param('mynetworks', '127.0.0.0/8\nmynetworks = 0.0.0.0/0'));
    expect(attempt).toThrow(EncodeError);
    expect(attempt).toThrow('internal error: etc/postfix/main.cf: cannot encode mynetworks (from postfix.parameters.mynetworks): a control character (U+000A) cannot appear in this file');
  });

  it('refuses $-syntax postconf stops on, and keeps references and $$ as written', () => {
    expect(encodeMainCfParameter(param('smtpd_banner', '$myhostname ${a} $(b) ${c?x $d} ${e:y} $$5'))).toBe('smtpd_banner = $myhostname ${a} $(b) ${c?x $d} ${e:y} $$5');
    expect(() => encodeMainCfParameter(param('smtpd_banner', 'costs 5$'))).toThrow(/write \$\$ for a literal \$/);
    expect(() => encodeMainCfParameter(param('smtpd_banner', '${a'))).toThrow(/unbalanced/);
    expect(() => encodeMainCfParameter(param('smtpd_banner', '${}'))).toThrow(/parameter name/);
    expect(() => encodeMainCfParameter(param('smtpd_banner', '${a b}'))).toThrow(/followed by/);
  });

  it('refuses what postconf would change: edge whitespace, other control characters, bad names', () => {
    expect(() => encodeMainCfParameter(param('myorigin', ' x'))).toThrow(/leading and trailing whitespace/);
    expect(() => encodeMainCfParameter(param('myorigin', 'x\u2028y'))).toThrow(/U\+2028/);
    expect(() => encodeMainCfParameter(param('myorigin', 'x\u0085'))).toThrow(/U\+0085/);
    expect(() => encodeMainCfParameter(param('my origin', 'x'))).toThrow(/not a Postfix parameter name/);
  });
});

describe('master.cf services', () => {
  it('lays out the fields in columns, plain words on the line and each -o on its own line', () => {
    const lines = encodeMasterService(service({ args: [{ word: 'argv=/bin/true' }, { option: 'syslog_name', value: 'postfix/x' }, { option: 'smtp_helo_name', value: 'a b' }] }));
    // (argv= first: the -o options written after it are pipe's command arguments, as the user ordered them)
    expect(lines).toEqual(['x         unix  -       -       y       -       -       smtp argv=/bin/true', '  -o syslog_name=postfix/x', '  -o { smtp_helo_name = a b }']);
  });

  it('keeps -o options before the words that follow them, so pipe(8) never reads an option as argv', () => {
    const lines = encodeMasterService(
      service({ command: 'pipe', args: [{ word: 'flags=R' }, { option: 'syslog_name', value: 'postfix/x' }, { word: 'user=filter' }, { word: 'argv=/usr/bin/filter' }, { word: '-o' }] }),
    );
    expect(lines).toEqual(['x         unix  -       -       y       -       -       pipe flags=R', '  -o syslog_name=postfix/x', '  user=filter argv=/usr/bin/filter -o']);
  });

  it('refuses a -o left without name=value before argv=, which the daemon would stop on (master(5))', () => {
    expect(() => encodeMasterService(service({ command: 'smtpd', args: [{ word: '-o' }] }))).toThrow(/"-o" is not -o name=value \(master\(5\)\)/);
    expect(() => encodeMasterService(service({ command: 'smtpd', args: [{ option: 'a', value: 'b' }, { word: '-ocontent_filter' }] }))).toThrow(/"-ocontent_filter" is not -o name=value/);
  });

  it('refuses fields that would add a service or regroup arguments', () => {
    expect(() => encodeMasterService(service({ command: 'smtp\nsubmission' }))).toThrow(/U\+000A/);
    expect(() => encodeMasterService(service({ service: 'a b' }))).toThrow(/one non-empty word/);
    expect(() => encodeMasterService(service({ service: '#x' }))).toThrow(/comment/);
    expect(() => encodeMasterService(service({ private: 'yes' }))).toThrow(/private must be y, n or -/);
    expect(() => encodeMasterService(service({ args: [{ option: 'x', value: 'a } -o { y = b' }] }))).toThrow(/group arguments/);
    expect(() => encodeMasterService(service({ args: [{ word: '{' }] }))).toThrow(/group arguments/);
    expect(() => encodeMasterService(service({ args: [{ word: 'a}' }] }))).toThrow(/group arguments/);
    expect(() => encodeMasterService(service({ args: [{ word: '${a' }] }))).toThrow(/group arguments/);
  });

  it("writes pipe(8)'s ${sender} and ${recipient} macros, whose braces master(5) keeps inside the word", () => {
    const lines = encodeMasterService(service({ command: 'pipe', args: [{ word: 'user=f' }, { word: 'argv=/usr/bin/f' }, { word: '-f' }, { word: '${sender}' }, { word: '${recipient}' }] }));
    expect(lines).toEqual(['x         unix  -       -       y       -       -       pipe user=f argv=/usr/bin/f -f ${sender} ${recipient}']);
  });
});

describe('map rows', () => {
  it('aligns key and value and refuses keys with whitespace or a line break in either column', () => {
    expect(encodeMapRows([{ key: 'qq.com', value: 'slow:', from: [] }, { key: 'example.org', value: 'x:[h]:25', from: [] }], 'etc/postfix/transport')).toEqual(['qq.com       slow:', 'example.org  x:[h]:25']);
    expect(() => encodeMapRows([{ key: 'a b', value: 'x', from: [] }], 'etc/postfix/transport')).toThrow(/one non-empty word/);
    expect(() => encodeMapRows([{ key: 'a', value: 'x\nevil.com smtp:', from: ['delivery', 'destinations', 0] }], 'etc/postfix/transport')).toThrow('(from delivery.destinations[0])');
  });
});
