// Unit tests of the text part of HTML-only mail (src/relay/text-part.ts): each way the conversion can end
// maps to its status, code and field; mail that has text is never converted.
import { expect, test } from 'vitest';
import { HtmlToTextError } from '../../src/relay/html-worker.js';
import { withTextPart } from '../../src/relay/text-part.js';
import type { MailRequest } from '../../src/relay/validate.js';

const mail = (overrides: Partial<MailRequest> = {}): MailRequest => ({
  from: { address: 'support@example.com', name: null },
  to: ['alice@example.org'],
  replyTo: null,
  subject: 'Hi',
  text: null,
  html: '<p>Hello</p>',
  returnPath: 'bounces@example.com',
  ...overrides,
});

const options = (htmlToText: (html: string) => Promise<string>) => ({ htmlToText, budgetMs: 5000, maxStoredBytes: 100 });
const failing = (kind: HtmlToTextError['kind']) => options(async () => Promise.reject(new HtmlToTextError(kind, 'x')));

test('html only: the converted text becomes the text part', async () => {
  expect(await withTextPart(mail(), options(async (html) => `text of ${html}`))).toEqual({ ok: true, mail: mail({ text: 'text of <p>Hello</p>' }) });
});

test('text given (with or without html): nothing is converted', async () => {
  const never = options(async () => {
    throw new Error('must not convert');
  });
  expect(await withTextPart(mail({ text: 'mine' }), never)).toEqual({ ok: true, mail: mail({ text: 'mine' }) });
  expect(await withTextPart(mail({ text: 'mine', html: null }), never)).toEqual({ ok: true, mail: mail({ text: 'mine', html: null }) });
});

test('text of only white space or invisible characters with html: the text part is made from the html', async () => {
  for (const blank of [' ', '\n\t ', '\u200B\u2800\u3164\uFEFF', '\u115F\u1160\uFFA0 \u2060']) {
    expect(await withTextPart(mail({ text: blank }), options(async () => 'Hello'))).toEqual({ ok: true, mail: mail({ text: 'Hello' }) });
  }
});

test('html nested past the depth limit -> 422 html_too_deep naming html', async () => {
  expect(await withTextPart(mail(), options(async () => Promise.reject(new HtmlToTextError('too_deep', 'html nests elements deeper than 64 levels'))))).toEqual({
    ok: false,
    error: {
      status: 422,
      code: 'html_too_deep',
      field: 'html',
      message: 'html nests elements too deeply to make the text/plain part (html nests elements deeper than 64 levels); flatten it or give text as well',
    },
  });
});

test('over budget -> 422 html_too_complex; a failed conversion -> 422 html_unconvertible; busy or no worker -> 503 with Retry-After', async () => {
  expect(await withTextPart(mail(), failing('budget'))).toEqual({
    ok: false,
    error: { status: 422, code: 'html_too_complex', field: 'html', message: 'html could not be turned into the text/plain part within 5 s; simplify it or give text as well' },
  });
  expect(await withTextPart(mail(), failing('failed'))).toEqual({
    ok: false,
    error: { status: 422, code: 'html_unconvertible', field: 'html', message: 'html could not be turned into the text/plain part; give text as well' },
  });
  expect(await withTextPart(mail(), failing('busy'))).toEqual({
    ok: false,
    error: {
      status: 503,
      code: 'html_conversion_busy',
      field: 'html',
      message: 'the text part of html cannot be made right now; retry later or give text as well',
      headers: { 'Retry-After': '5' },
    },
  });
  expect(await withTextPart(mail(), failing('unavailable'))).toEqual({
    ok: false,
    error: {
      status: 503,
      code: 'html_conversion_unavailable',
      field: 'html',
      message: 'the text part of html cannot be made right now; retry later or give text as well',
      headers: { 'Retry-After': '5' },
    },
  });
});

test('an empty or blank conversion -> 400 no_text naming text', async () => {
  for (const text of ['', ' \n\n ', '\u200B\n\u200C\u200D', '\u2800 \u2800\n\u3164', '\uFEFF\u00AD\u2060']) {
    expect(await withTextPart(mail(), options(async () => text))).toEqual({
      ok: false,
      error: { status: 400, code: 'no_text', field: 'text', message: 'html has no text for the text/plain part (images without alt text?); give text as well' },
    });
  }
});

test('a derived text with one visible character among invisible ones is kept as it is', async () => {
  expect(await withTextPart(mail(), options(async () => '\u200B\u2800.\u3164'))).toEqual({ ok: true, mail: mail({ text: '\u200B\u2800.\u3164' }) });
});

test('a derived text larger than the stored limit (JSON-escaped bytes) -> 422 naming html', async () => {
  // 60 newlines are 60 characters but 120 bytes once stored as JSON.
  const result = await withTextPart(mail(), options(async () => `a${'\n'.repeat(60)}b`));
  expect(result).toEqual({
    ok: false,
    error: { status: 422, code: 'html_text_too_large', field: 'html', message: 'the text/plain part made from html is larger than 100 bytes; give text as well' },
  });
  expect((await withTextPart(mail(), options(async () => 'a'.repeat(90)))).ok).toBe(true);
});
