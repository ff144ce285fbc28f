// Tests reading postfix.services lines into typed master.cf services.
import { describe, expect, it } from 'vitest';
import { parseServiceLine } from '../../src/outputs/postfix-services.js';

describe('parseServiceLine', () => {
  it('reads the eight fields and -o options in every spelling', () => {
    const s = parseServiceLine(
      'submission inet n - y - - smtpd -o syslog_name=postfix/submission -osmtpd_tls_security_level=encrypt -o { smtpd_client_restrictions = permit_sasl_authenticated, reject } extra',
      ['postfix', 'services', 2],
    );
    expect(s).toEqual({
      service: 'submission',
      type: 'inet',
      private: 'n',
      unpriv: '-',
      chroot: 'y',
      wakeup: '-',
      maxproc: '-',
      command: 'smtpd',
      args: [
        { option: 'syslog_name', value: 'postfix/submission' },
        { option: 'smtpd_tls_security_level', value: 'encrypt' },
        { option: 'smtpd_client_restrictions', value: 'permit_sasl_authenticated, reject' },
        { word: 'extra' },
      ],
      from: ['postfix', 'services', 2],
    });
  });

  it('reads everything after pipe(8) argv= as the command\'s own words, -o included', () => {
    const s = parseServiceLine('filter unix - n n - 10 pipe flags=Rq user=filter -o syslog_name=postfix/filter argv=/usr/bin/filter -o x=y', []);
    expect(s?.args).toEqual([
      { word: 'flags=Rq' },
      { word: 'user=filter' },
      { option: 'syslog_name', value: 'postfix/filter' },
      { word: 'argv=/usr/bin/filter' },
      { word: '-o' },
      { word: 'x=y' },
    ]);
  });

  it('returns null for fewer than the 8 fields master(5) requires, an unknown type, or a line break', () => {
    expect(parseServiceLine('policy unix - n n - 0 spawn\nsubmission inet n - y - - smtpd', [])).toBeNull();
    expect(parseServiceLine('-o max_use=20 inet n', [])).toBeNull();
    expect(parseServiceLine('x tcp n - y - - smtpd', [])).toBeNull();
  });
});
