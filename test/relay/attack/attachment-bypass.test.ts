// Attack review: executable attachments past checkAttachment (src/relay/message-fields.ts). The extension
// is taken after trim() and the last dot only, so names a receiving client turns back into .exe pass:
// a trailing dot (Windows drops trailing dots and spaces when it saves a file), an invisible character
// after the extension, and an RFC 2047 encoded word that MailComposer writes verbatim into name="..."
// and filename="..." (MUAs decode encoded words there: MailComposer itself uses that form for non-ASCII
// names). The content-type list is an exact-match denylist, so other spellings of the same types pass.
import { describe, expect, test } from 'vitest';
import { checkAttachments } from '../../../src/relay/message-fields.js';
import { buildMessage } from '../../../src/relay/mime.js';
import { newJob } from '../../../src/relay/job.js';

const attach = (filename: string, contentType = 'application/octet-stream') => checkAttachments([{ filename, contentType, content: 'TVqQAAMAAAAEAAAA' }]);

describe('attack: executable attachment names that pass the extension check', () => {
  for (const filename of ['setup.exe.', 'setup.exe..', 'setup.exe\u200b', 'setup.exe\u00ad', '=?utf-8?B?c2V0dXAuZXhl?=', '=?utf-8?Q?setup=2Eexe?=']) {
    test(`refuses ${JSON.stringify(filename)}`, () => {
      const result = attach(filename);
      expect(result.ok ? 'accepted' : result.error.code).toBe('executable_attachment');
    });
  }

  test('the RFC 2047 name never reaches the message, where a MUA would decode it to setup.exe', async () => {
    // Fixed by refusing encoded-word filenames at the API; the message check below stays for any that pass.
    expect(attach('=?utf-8?B?c2V0dXAuZXhl?=').ok).toBe(false);
    const checked = attach('setup.pdf');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const mail = {
      from: { address: 'billing@acme-mail.net', name: null }, to: ['x@example.org'], cc: [], bcc: [], replyTo: null, subject: 's',
      text: 'see attachment', html: null, attachments: checked.value, headers: [], returnPath: 'bounce@acme-mail.net',
    };
    const raw = (await buildMessage(newJob(mail))).toString('utf8');
    expect(raw).toContain('filename=setup.pdf');
    const decoded = Buffer.from('c2V0dXAuZXhl', 'base64').toString();
    expect(decoded).toBe('setup.exe');
    // The relay should never emit an attachment name that decodes to a refused extension.
    expect(raw).not.toMatch(/filename="=\?/);
  });
});

describe('attack: executable content types outside the exact-match list', () => {
  for (const contentType of ['application/x-ms-dos-executable', 'application/x-msdos-windows', 'application/x-winexe', 'application/x-exe', 'text/x-python-script']) {
    test(`refuses ${contentType}`, () => {
      const result = attach('report.bin', contentType);
      expect(result.ok ? 'accepted' : result.error.code).toBe('executable_attachment');
    });
  }
});
