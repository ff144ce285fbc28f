// Unit tests of the optional /send fields (src/relay/message-fields.ts through validateSendRequest): cc and
// bcc against the recipient cap, attachments (strict base64, executable types and names refused, header
// injection through filenames), and the extra-header allowlist (unknown names named, values per syntax).
import { describe, expect, test } from 'vitest';
import { relayData } from '../../src/outputs/relay-server.js';
import { sendmailArgs } from '../../src/relay/sendmail.js';
import { validateSendRequest } from '../../src/relay/validate.js';
import { loadModel } from './helpers/relay-process.js';

const data = relayData(loadModel());
const base = (extra: Record<string, unknown> = {}) => ({
  to: 'alice@example.org',
  from: { email: 'support@example.com' },
  subject: 'Hello',
  text: 'Body',
  ...extra,
});
const pdf = { filename: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test').toString('base64') };

function accepted(body: unknown) {
  const result = validateSendRequest(body, data);
  if (!result.ok) throw new Error(`expected acceptance, got ${JSON.stringify(result.error)}`);
  return result.mail;
}
function refused(body: unknown) {
  const result = validateSendRequest(body, data);
  if (result.ok) throw new Error('expected a refusal');
  return { status: result.error.status, code: result.error.code, field: result.error.field };
}

describe('cc and bcc', () => {
  test('accepted as one address or a list, kept apart from to', () => {
    // The fixture's recipient cap is 3.
    const mail = accepted(base({ cc: 'carol@example.org', bcc: ['dave@example.net'] }));
    expect(mail.to).toEqual(['alice@example.org']);
    expect(mail.cc).toEqual(['carol@example.org']);
    expect(mail.bcc).toEqual(['dave@example.net']);
  });
  test('to, cc and bcc together count against the recipient cap', () => {
    const cap = data.limits.recipients;
    const many = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}@example.org`);
    expect(accepted(base({ to: many(cap - 2, 't'), cc: many(1, 'c'), bcc: many(1, 'b') })).bcc).toHaveLength(1);
    expect(refused(base({ to: many(cap - 1, 't'), cc: many(1, 'c'), bcc: many(1, 'b') }))).toEqual({ status: 400, code: 'too_many_recipients', field: 'to' });
    expect(refused(base({ bcc: many(cap + 1, 'b') }))).toEqual({ status: 400, code: 'too_many_recipients', field: 'bcc' });
  });
  test.each([
    ['cc', 'x@example.org\r\nBcc: victim@example.net', 'header_injection', 'cc'],
    ['bcc', ['ok@example.org', 'evil@example.org\nX: y'], 'header_injection', 'bcc[1]'],
    ['cc', ['a@example.org, b@example.org'], 'invalid_address', 'cc[0]'],
    ['cc', [{ address: 'a@example.org' }], 'invalid_type', 'cc[0]'],
  ])('%s %j is refused (%s at %s)', (key, value, code, field) => {
    expect(refused(base({ [key]: value }))).toEqual({ status: 400, code, field });
  });
});

test('a bcc address that looks like a sendmail option is valid dot-atom, so it goes after --', () => {
  const mail = accepted(base({ bcc: ['-oQ/tmp@example.org'] }));
  expect(sendmailArgs('bounces@example.com', mail.bcc)).toEqual(['-t', '-oi', '-f', 'bounces@example.com', '--', '-oQ/tmp@example.org']);
  expect(sendmailArgs('bounces@example.com', [])).toEqual(['-t', '-oi', '-f', 'bounces@example.com']);
});

describe('attachments', () => {
  test('kept as given, content type lower-cased', () => {
    const mail = accepted(base({ attachments: [{ ...pdf, contentType: 'Application/PDF' }] }));
    expect(mail.attachments).toEqual([{ filename: 'invoice.pdf', contentType: 'application/pdf', content: pdf.content }]);
  });
  test.each([
    [{ ...pdf, content: 'not base64!' }, 'invalid_base64', 'attachments[0].content'],
    [{ ...pdf, content: 'QUJD\nREVG' }, 'invalid_base64', 'attachments[0].content'],
    [{ ...pdf, content: 'QUJDRA' }, 'invalid_base64', 'attachments[0].content'],
    [{ ...pdf, content: 'QUJD=A==' }, 'invalid_base64', 'attachments[0].content'],
    [{ ...pdf, content: 12 }, 'invalid_type', 'attachments[0].content'],
    [{ ...pdf, content: { path: '/etc/shadow' } }, 'invalid_type', 'attachments[0].content'],
    [{ ...pdf, filename: 'a.pdf"\r\nContent-Type: text/html' }, 'header_injection', 'attachments[0].filename'],
    [{ ...pdf, filename: 'a\u0007.pdf' }, 'control_character', 'attachments[0].filename'],
    [{ ...pdf, filename: '../../etc/passwd' }, 'invalid_filename', 'attachments[0].filename'],
    [{ ...pdf, filename: '  ' }, 'invalid_filename', 'attachments[0].filename'],
    [{ ...pdf, filename: 'x'.repeat(256) }, 'invalid_filename', 'attachments[0].filename'],
    [{ ...pdf, filename: 'invoice.PDF.exe' }, 'executable_attachment', 'attachments[0].filename'],
    [{ ...pdf, filename: 'setup.msi' }, 'executable_attachment', 'attachments[0].filename'],
    [{ ...pdf, contentType: 'application/x-msdownload' }, 'executable_attachment', 'attachments[0].contentType'],
    [{ ...pdf, contentType: 'application/pdf; name=x.exe' }, 'invalid_content_type', 'attachments[0].contentType'],
    [{ ...pdf, contentType: 'multipart/mixed' }, 'invalid_content_type', 'attachments[0].contentType'],
    [{ ...pdf, contentType: 'message/rfc822' }, 'invalid_content_type', 'attachments[0].contentType'],
    [{ ...pdf, path: '/etc/shadow' }, 'unknown_field', 'attachments[0].path'],
    ['invoice.pdf', 'invalid_type', 'attachments[0]'],
  ])('%j is refused (%s at %s)', (attachment, code, field) => {
    expect(refused(base({ attachments: [attachment] }))).toEqual({ status: 400, code, field });
  });
  test('more than the attachment cap is refused before any is decoded', () => {
    expect(refused(base({ attachments: Array.from({ length: 11 }, () => pdf) }))).toEqual({ status: 400, code: 'too_many_attachments', field: 'attachments' });
  });
  test('a non-ASCII filename is accepted (MIME encodes it per RFC 2231)', () => {
    expect(accepted(base({ attachments: [{ ...pdf, filename: 'Rechnung März €.pdf' }] })).attachments?.[0].filename).toBe('Rechnung März €.pdf');
  });
});

describe('headers', () => {
  const unsubscribe = { 'List-Unsubscribe': '<https://example.com/u/abc>, <mailto:unsub@example.com?subject=u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  test('allowlisted names, matched without regard to case, come back canonical and in order', () => {
    const mail = accepted(base({ headers: { 'list-unsubscribe': unsubscribe['List-Unsubscribe'], 'LIST-UNSUBSCRIBE-POST': 'List-Unsubscribe=One-Click', 'x-entity-ref-id': 'inv-42', References: '<a@x.example> <b@x.example>' } }));
    expect(mail.headers).toEqual([
      { name: 'List-Unsubscribe', value: unsubscribe['List-Unsubscribe'] },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      { name: 'X-Entity-Ref-ID', value: 'inv-42' },
      { name: 'References', value: '<a@x.example> <b@x.example>' },
    ]);
  });
  test.each([
    [{ Bcc: 'x@example.org' }, 'header_not_allowed', 'headers.Bcc'],
    [{ 'Content-Type': 'text/html' }, 'header_not_allowed', 'headers.Content-Type'],
    [{ 'X-Mailer': 'me' }, 'header_not_allowed', 'headers.X-Mailer'],
    [{ 'Evil\r\nBcc': 'x' }, 'header_injection', 'headers'],
    [{ 'In-Reply-To': '<a@x.example>\r\nBcc: victim@example.net' }, 'header_injection', 'headers.In-Reply-To'],
    [{ 'In-Reply-To': 'not a message id' }, 'invalid_header', 'headers.In-Reply-To'],
    [{ 'List-Unsubscribe': 'https://example.com/u' }, 'invalid_header', 'headers.List-Unsubscribe'],
    [{ 'List-Unsubscribe': '<javascript:alert(1)>' }, 'invalid_header', 'headers.List-Unsubscribe'],
    [{ 'List-Unsubscribe': '<mailto:u@example.com>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }, 'invalid_header', 'headers.List-Unsubscribe-Post'],
    [{ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }, 'invalid_header', 'headers.List-Unsubscribe-Post'],
    [{ ...unsubscribe, 'List-Unsubscribe-Post': 'yes' }, 'invalid_header', 'headers.List-Unsubscribe-Post'],
    [{ 'X-Entity-Ref-ID': 'a', 'x-entity-ref-id': 'b' }, 'duplicate_header', 'headers.X-Entity-Ref-ID'],
    [{ 'X-Entity-Ref-ID': 'ünïcode' }, 'invalid_header', 'headers.X-Entity-Ref-ID'],
    [{ 'X-Entity-Ref-ID': 7 }, 'invalid_type', 'headers.X-Entity-Ref-ID'],
    [{ References: `<${'a'.repeat(900)}@x.example>` }, 'header_too_long', 'headers.References'],
    [{ 'Auto-Submitted': 'sometimes' }, 'invalid_header', 'headers.Auto-Submitted'],
  ])('%j is refused (%s at %s)', (headers, code, field) => {
    expect(refused(base({ headers }))).toEqual({ status: 400, code, field });
  });
  test('a __proto__ key is an unknown header, not a prototype', () => {
    expect(refused(base({ headers: JSON.parse('{"__proto__": {"x": 1}}') }))).toEqual({ status: 400, code: 'header_not_allowed', field: 'headers.__proto__' });
  });
});
