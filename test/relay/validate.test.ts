// Unit tests of the /send body validation (src/relay/validate.ts) and the address check, against the
// data compiled from the test fixture config (allowlist, return paths, limits).
import { describe, expect, test } from 'vitest';
import { isValidAddress } from '../../src/relay/address.js';
import { validateSendRequest } from '../../src/relay/validate.js';
import { relayData } from '../../src/outputs/relay-server.js';
import { loadModel } from './helpers/relay-process.js';

const data = relayData(loadModel());
const base = () => ({
  to: 'alice@example.org',
  from: { email: 'support@example.com', name: 'Example Support' },
  subject: 'Hello',
  text: 'Body',
});

function problem(body: unknown) {
  const result = validateSendRequest(body, data);
  if (result.ok) throw new Error('expected a 400');
  return { status: result.error.status, code: result.error.code, field: result.error.field };
}

describe('isValidAddress', () => {
  test.each(['a@example.org', 'first.last+tag@sub.example.co', "o'brien@x-y.example", 'a@xn--bcher-kva.example'])('accepts %s', (value) => {
    expect(isValidAddress(value)).toBe(true);
  });
  test.each([
    'plain',
    '@example.org',
    'a@',
    'a@localhost',
    'a@example',
    'a..b@example.org',
    '.a@example.org',
    'a.@example.org',
    'a b@example.org',
    '"quoted"@example.org',
    'a@[127.0.0.1]',
    'a@1.2.3.4',
    'a@-bad.example',
    'a@bad-.example',
    'A <a@example.org>',
    'a@example.org,b@example.org',
    'a@example.org\r\nBcc: x@evil.example',
    'ü@example.org',
    `${'a'.repeat(65)}@example.org`,
    `a@${'b'.repeat(64)}.example`,
  ])('rejects %j', (value) => {
    expect(isValidAddress(value)).toBe(false);
  });
  test('rejects non-strings', () => {
    for (const value of [null, undefined, 1, {}, ['a@example.org']]) expect(isValidAddress(value)).toBe(false);
  });
});

describe('validateSendRequest', () => {
  test('a valid request becomes a mail with the allowlisted sender and its domain return path', () => {
    const result = validateSendRequest({ ...base(), replyTo: 'help@example.com', html: '<p>x</p>' }, data);
    expect(result).toEqual({
      ok: true,
      mail: {
        from: { address: 'support@example.com', name: 'Example Support' },
        to: ['alice@example.org'],
        cc: [],
        bcc: [],
        replyTo: 'help@example.com',
        subject: 'Hello',
        text: 'Body',
        html: '<p>x</p>',
        attachments: [],
        headers: [],
        returnPath: 'bounces@example.com',
      },
    });
  });

  test('the From of the second domain gets that domain return path; case of the address does not matter', () => {
    const result = validateSendRequest({ ...base(), from: { email: 'Hello@Other.Example' } }, data);
    expect(result.ok && result.mail.from).toEqual({ address: 'hello@other.example', name: 'Other Hello' });
    expect(result.ok && result.mail.returnPath).toBe('return@bounce.other.example');
  });

  test('without from.name the configured display name is used; a sender without one has none', () => {
    const named = validateSendRequest({ ...base(), from: { email: 'noreply@example.com' } }, data);
    expect(named.ok && named.mail.from.name).toBe('Exämple Tëam');
    const plain = validateSendRequest({ ...base(), from: { email: 'plain@example.com' } }, data);
    expect(plain.ok && plain.mail.from.name).toBe(null);
  });

  test('to may be a list up to the configured cap (3)', () => {
    const ok = validateSendRequest({ ...base(), to: ['a@x.example', 'b@y.example', 'c@z.example'] }, data);
    expect(ok.ok && ok.mail.to).toEqual(['a@x.example', 'b@y.example', 'c@z.example']);
    expect(problem({ ...base(), to: ['a@x.example', 'b@y.example', 'c@z.example', 'd@w.example'] })).toEqual({
      status: 400,
      code: 'too_many_recipients',
      field: 'to',
    });
    expect(problem({ ...base(), to: [] })).toMatchObject({ code: 'missing_field', field: 'to' });
    expect(problem({ ...base(), to: ['a@x.example', 'nope'] })).toMatchObject({ code: 'invalid_address', field: 'to[1]' });
  });

  test.each([
    ['a JSON array', [base()], 'invalid_body', 'body'],
    ['a string', 'hello', 'invalid_body', 'body'],
    ['null', null, 'invalid_body', 'body'],
    ['an unknown field (sender)', { ...base(), sender: 'x@evil.example' }, 'unknown_field', 'sender'],
    ['an unknown field (Headers, case matters for fields)', { ...base(), Headers: { 'X-A': 'b' } }, 'unknown_field', 'Headers'],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "to": "a@x.example"}'), 'unknown_field', '__proto__'],
    ['missing to', { ...base(), to: undefined }, 'missing_field', 'to'],
    ['a bad to', { ...base(), to: 'not an address' }, 'invalid_address', 'to'],
    ['to as a number', { ...base(), to: 5 }, 'invalid_type', 'to'],
    ['missing from', { ...base(), from: undefined }, 'missing_field', 'from'],
    ['from as a string', { ...base(), from: 'support@example.com' }, 'invalid_type', 'from'],
    ['from with an extra key', { ...base(), from: { email: 'support@example.com', sender: 'x' } }, 'unknown_field', 'from.sender'],
    ['a From outside the allowlist', { ...base(), from: { email: 'ceo@example.com' } }, 'sender_not_allowed', 'from.email'],
    ['a From of another domain', { ...base(), from: { email: 'support@evil.example' } }, 'sender_not_allowed', 'from.email'],
    ['a bad from.email', { ...base(), from: { email: 'support' } }, 'invalid_address', 'from.email'],
    ['from.name as a number', { ...base(), from: { email: 'support@example.com', name: 7 } }, 'invalid_type', 'from.name'],
    ['a too long from.name', { ...base(), from: { email: 'support@example.com', name: 'n'.repeat(257) } }, 'name_too_long', 'from.name'],
    ['a bad replyTo', { ...base(), replyTo: 'nope' }, 'invalid_address', 'replyTo'],
    ['replyTo as an object', { ...base(), replyTo: { email: 'a@x.example' } }, 'invalid_type', 'replyTo'],
    ['missing subject', { ...base(), subject: undefined }, 'missing_field', 'subject'],
    ['a blank subject', { ...base(), subject: '   ' }, 'missing_field', 'subject'],
    ['a subject of invisible characters only', { ...base(), subject: '\u200B\u2800 \u3164\uFEFF' }, 'missing_field', 'subject'],
    ['subject as a list', { ...base(), subject: ['a'] }, 'invalid_type', 'subject'],
    ['a subject over the cap (40)', { ...base(), subject: 's'.repeat(41) }, 'subject_too_long', 'subject'],
    ['no body', { ...base(), text: undefined }, 'no_body', 'text'],
    ['empty bodies', { ...base(), text: '', html: '' }, 'no_body', 'text'],
    ['text of white space only, no html', { ...base(), text: ' \n\t ' }, 'no_text', 'text'],
    ['text of invisible characters only, no html', { ...base(), text: '\u200B\u200C\u200D\u2060\uFEFF\u2800\u3164\u115F\u1160\uFFA0\n' }, 'no_text', 'text'],
    ['text as a file reference', { ...base(), text: { path: '/etc/shadow' } }, 'invalid_type', 'text'],
    ['html as a URL reference', { ...base(), html: { href: 'http://127.0.0.1/' } }, 'invalid_type', 'html'],
    ['a TAB-free control char in subject', { ...base(), subject: 'a\x07b' }, 'control_character', 'subject'],
  ])('400 for %s', (_what, body, code, field) => {
    expect(problem(body)).toEqual({ status: 400, code, field });
  });

  test('the messages of an invisible subject and an invisible text say what counts as empty', () => {
    const subject = validateSendRequest({ ...base(), subject: '\u200B' }, data);
    expect(subject).toEqual({
      ok: false,
      error: { status: 400, code: 'missing_field', field: 'subject', message: 'subject must not be empty (white space and invisible characters alone count as empty)' },
    });
    expect(validateSendRequest({ ...base(), text: '\u2800' }, data)).toEqual({
      ok: false,
      error: { status: 400, code: 'no_text', field: 'text', message: 'text has nothing to read (only white space or invisible characters); give text with words in it, or html' },
    });
  });

  test('invisible text next to html passes (the text part is made from the html); a subject with one visible character passes', () => {
    const withHtml = validateSendRequest({ ...base(), text: '\u200B ', html: '<p>Hi</p>' }, data);
    expect(withHtml.ok && [withHtml.mail.text, withHtml.mail.html]).toEqual(['\u200B ', '<p>Hi</p>']);
    const subject = validateSendRequest({ ...base(), subject: '\u200B.\u200B' }, data);
    expect(subject.ok && subject.mail.subject).toBe('\u200B.\u200B');
  });

  test('a display name of invisible characters only falls back to the configured name', () => {
    const result = validateSendRequest({ ...base(), from: { email: 'support@example.com', name: '\u200B\u3164' } }, data);
    expect(result.ok && result.mail.from).toEqual({ address: 'support@example.com', name: 'Example Support' });
  });

  test('the subject cap counts characters, not bytes or UTF-16 units', () => {
    expect(validateSendRequest({ ...base(), subject: '😀'.repeat(40) }, data).ok).toBe(true);
    expect(problem({ ...base(), subject: '😀'.repeat(41) }).code).toBe('subject_too_long');
  });

  describe('header injection: CR, LF, CRLF and NUL in every header-bound value', () => {
    const breakers = { CR: '\r', LF: '\n', CRLF: '\r\n', NUL: '\0' };
    const cases: [string, (bad: string) => unknown, string][] = [
      ['subject', (bad) => ({ ...base(), subject: `Hi${bad}Bcc: victim@example.net` }), 'subject'],
      ['from.name', (bad) => ({ ...base(), from: { email: 'support@example.com', name: `Eve${bad}Bcc: v@example.net` } }), 'from.name'],
      ['from.email', (bad) => ({ ...base(), from: { email: `support@example.com${bad}` } }), 'from.email'],
      ['replyTo', (bad) => ({ ...base(), replyTo: `a@example.org${bad}Bcc: v@example.net` }), 'replyTo'],
      ['to (single)', (bad) => ({ ...base(), to: `a@example.org${bad}Bcc: v@example.net` }), 'to'],
      ['to[0]', (bad) => ({ ...base(), to: [`a@example.org${bad}`, 'b@example.org'] }), 'to[0]'],
      ['to[2]', (bad) => ({ ...base(), to: ['a@example.org', 'b@example.org', `${bad}c@example.org`] }), 'to[2]'],
    ];
    for (const [where, make, field] of cases) {
      for (const [name, bad] of Object.entries(breakers)) {
        test(`${name} in ${where}`, () => {
          expect(problem(make(bad))).toEqual({ status: 400, code: 'header_injection', field });
        });
      }
    }
  });

  test('CR/LF are fine in bodies (they are MIME-encoded, not headers)', () => {
    expect(validateSendRequest({ ...base(), text: 'line 1\r\nline 2\n.\nend', html: '<p>\n</p>' }, data).ok).toBe(true);
  });
});
