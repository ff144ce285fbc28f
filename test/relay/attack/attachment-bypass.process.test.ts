// Attack review, through the built server.js: an executable sent as "setup.exe." with a content type
// outside the denylist (application/x-ms-dos-executable) is accepted (202) and handed to sendmail with
// filename=setup.exe. in the message; Windows saves it as setup.exe. Expected: 400 executable_attachment.
import { describe, expect, test } from 'vitest';
import { send, sharedRelay, validMail } from '../helpers/relay-process.js';

describe('attack: executable attachment through POST /send', () => {
  const shared = sharedRelay();
  test('setup.exe. as application/x-ms-dos-executable is refused', async () => {
    const response = await send(shared.relay.port, validMail({ attachments: [{ filename: 'setup.exe.', contentType: 'application/x-ms-dos-executable', content: 'TVqQAAMAAAAEAAAA' }] }));
    expect([response.status, response.json?.error?.code]).toEqual([400, 'executable_attachment']);
  });
  test('an RFC 2047 filename that decodes to setup.exe is refused', async () => {
    const response = await send(shared.relay.port, validMail({ attachments: [{ filename: '=?utf-8?B?c2V0dXAuZXhl?=', contentType: 'application/octet-stream', content: 'TVqQAAMAAAAEAAAA' }] }));
    expect([response.status, response.json?.error?.code]).toEqual([400, 'executable_attachment']);
  });
});
