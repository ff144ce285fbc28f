// Tests the master.cf line parser used by the posture rules.
import { describe, expect, it } from 'vitest';
import { parseServiceLine, splitInetName } from '../../../src/rules/postfix-util/master-cf.js';

describe('parseServiceLine', () => {
  it('reads name, type, command and -o options in every spelling', () => {
    const s = parseServiceLine(
      'submission inet n - y - - smtpd -o syslog_name=postfix/submission -osmtpd_tls_security_level=encrypt -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }',
      2,
    );
    expect(s).toMatchObject({ index: 2, path: ['postfix', 'services', 2], name: 'submission', type: 'inet', command: 'smtpd', host: null, port: 'submission' });
    expect(Object.fromEntries(s!.options)).toEqual({
      syslog_name: 'postfix/submission',
      smtpd_tls_security_level: 'encrypt',
      smtpd_client_restrictions: 'permit_sasl_authenticated, reject',
    });
  });

  it('splits inet host:port names, bracketed IPv6 included', () => {
    expect(splitInetName('127.0.0.1:10025')).toEqual({ host: '127.0.0.1', port: '10025' });
    expect(splitInetName('[::1]:25')).toEqual({ host: '::1', port: '25' });
    expect(splitInetName('smtp')).toEqual({ host: null, port: 'smtp' });
    expect(parseServiceLine('relay unix - - n - - smtp -o smtp_fallback_relay=', 0)).toMatchObject({ host: null, port: null, command: 'smtp' });
  });

  it('skips lines with fewer than the 8 fields master(5) requires', () => {
    expect(parseServiceLine('-o max_use=20 inet n', 0)).toBeNull();
  });
});
