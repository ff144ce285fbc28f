// Unit tests of the MIME builder (src/relay/mime.ts): nodemailer's MailComposer output for a job, read
// back header by header: From/To/Reply-To, RFC 2047 for non-ASCII, the job's Message-ID and Date,
// multipart/alternative when there are both parts (the text of HTML-only mail is made before queueing,
// see text-part.test.ts), LF line ends, no Bcc, and header injection
// attempts (were they ever to get past validation) never producing an extra header line.
import libmime from 'libmime';
import { expect, test } from 'vitest';
import { newJob } from '../../src/relay/job.js';
import { buildMessage } from '../../src/relay/mime.js';

const job = (overrides: Record<string, unknown> = {}) =>
  newJob(
    {
      from: { address: 'support@example.com', name: 'Example Support' },
      to: ['alice@example.org'],
      replyTo: null,
      subject: 'Hello',
      text: 'Plain body',
      html: null,
      returnPath: 'bounces@example.com',
      ...overrides,
    },
    Date.UTC(2026, 5, 20, 10, 30, 0),
  );

/** Header block -> unfolded lines by lower-case name. */
function headers(message: string): Map<string, string[]> {
  const block = message.slice(0, message.indexOf('\n\n'));
  const unfolded = block.replace(/\n[ \t]+/g, ' ');
  const map = new Map<string, string[]>();
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    map.set(name, [...(map.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return map;
}

test('text only: From with name, To list, Message-ID <id@from-domain>, Date of acceptance, text/plain', async () => {
  const j = job({ to: ['alice@example.org', 'bob@example.net'] });
  const message = (await buildMessage(j)).toString('utf8');
  const h = headers(message);
  expect(h.get('from')).toEqual(['Example Support <support@example.com>']);
  expect(h.get('to')).toEqual(['alice@example.org, bob@example.net']);
  expect(h.get('message-id')).toEqual([`<${j.id}@example.com>`]);
  expect(h.get('date')).toEqual(['Sat, 20 Jun 2026 10:30:00 +0000']);
  expect(h.get('mime-version')).toEqual(['1.0']);
  expect(h.get('content-type')?.[0]).toMatch(/^text\/plain; charset=utf-8/);
  expect(h.has('reply-to')).toBe(false);
  expect(h.has('bcc')).toBe(false);
  expect(message).not.toContain('\r');
  expect(message).toContain('\n\nPlain body');
});

test('non-ASCII subject and display name are RFC 2047 encoded words that decode back', async () => {
  const j = job({ subject: 'Grüße aus Köln — 你好', from: { address: 'support@example.com', name: 'Exämple Tëam' }, replyTo: 'help@example.com' });
  const message = (await buildMessage(j)).toString('utf8');
  const h = headers(message);
  expect(message.slice(0, message.indexOf('\n\n'))).toMatch(/^[\x20-\x7e\n\t]*$/);
  expect(h.get('subject')?.[0]).toMatch(/^=\?UTF-8\?[QB]\?/);
  expect(libmime.decodeWords(h.get('subject')![0])).toBe('Grüße aus Köln — 你好');
  expect(h.get('from')?.[0]).toMatch(/^=\?UTF-8\?[QB]\?.*\?= <support@example\.com>$/);
  expect(libmime.decodeWords(h.get('from')![0])).toBe('Exämple Tëam <support@example.com>');
  expect(h.get('reply-to')).toEqual(['help@example.com']);
});

test('text and html: multipart/alternative with both parts, text first', async () => {
  const message = (await buildMessage(job({ html: '<p>Hi <b>there</b></p>' }))).toString('utf8');
  const contentType = headers(message).get('content-type')![0];
  expect(contentType).toMatch(/^multipart\/alternative; boundary="([^"]+)"$/);
  const boundary = /boundary="([^"]+)"/.exec(contentType)![1];
  const parts = message.split(`--${boundary}`);
  expect(parts).toHaveLength(4);
  expect(parts[1]).toMatch(/Content-Type: text\/plain; charset=utf-8[\s\S]*Plain body/);
  expect(parts[2]).toMatch(/Content-Type: text\/html; charset=utf-8[\s\S]*<p>Hi <b>there<\/b><\/p>/);
  expect(parts[3].startsWith('--')).toBe(true);
});

test('html only: one text/html part; the builder never runs html-to-text (that happens off the event loop)', async () => {
  const message = (await buildMessage(job({ text: null, html: '<p>only</p>' }))).toString('utf8');
  expect(headers(message).get('content-type')).toEqual(['text/html; charset=utf-8']);
  expect(message.slice(message.indexOf('\n\n') + 2).trim()).toBe('<p>only</p>');
});

test('a body line that is a lone dot or starts with "From " stays data (sendmail gets -oi)', async () => {
  const message = (await buildMessage(job({ text: 'one\n.\nFrom the team\n' }))).toString('utf8');
  expect(message.slice(message.indexOf('\n\n') + 2)).toContain('one\n.\nFrom the team');
});

test('defence in depth: a CRLF in a subject that got this far is folded into the value, never a new header', async () => {
  const message = (await buildMessage(job({ subject: 'Hi\r\nBcc: victim@example.net' }))).toString('utf8');
  const h = headers(message);
  expect(h.has('bcc')).toBe(false);
  expect(message).not.toMatch(/^Bcc:/m);
});

test('cc is written, bcc never is; attachments are base64 parts whose bytes survive; allowlisted headers go in as given', async () => {
  const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256));
  const j = job({
    cc: ['carol@example.org'],
    bcc: ['secret@example.net'],
    attachments: [
      { filename: 'invoice.pdf', contentType: 'application/pdf', content: bytes.toString('base64') },
      { filename: 'Rechnung März.pdf', contentType: 'application/pdf', content: Buffer.from('x').toString('base64') },
    ],
    headers: [
      { name: 'List-Unsubscribe', value: '<https://example.com/u/1>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      { name: 'In-Reply-To', value: '<a@x.example>' },
    ],
  });
  const message = (await buildMessage(j)).toString('utf8');
  const h = headers(message);
  expect(h.get('cc')).toEqual(['carol@example.org']);
  expect(h.has('bcc')).toBe(false);
  expect(message).not.toContain('secret@example.net');
  expect(h.get('list-unsubscribe')).toEqual(['<https://example.com/u/1>']);
  expect(h.get('list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click']);
  expect(h.get('in-reply-to')).toEqual(['<a@x.example>']);
  expect(h.get('content-type')?.[0]).toMatch(/^multipart\/mixed; boundary=/);
  // The first attachment's part, decoded, is the very bytes given.
  const part = message.split(/\n--[^\n]+\n/).find((p) => p.includes('filename=invoice.pdf'))!;
  expect(part).toMatch(/Content-Type: application\/pdf; name=invoice\.pdf/);
  expect(part).toMatch(/Content-Disposition: attachment; filename=invoice\.pdf/);
  expect(part).toMatch(/Content-Transfer-Encoding: base64/);
  const body = part.slice(part.indexOf('\n\n') + 2).replace(/\s+/g, '');
  expect(Buffer.from(body, 'base64').equals(bytes)).toBe(true);
  // RFC 2231 parameter value continuation with a charset for the non-ASCII filename.
  expect(message.replace(/\n[ \t]+/g, ' ')).toContain("filename*0*=utf-8''Rechnung%20M%C3%A4rz.pdf");
});
